import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { APIRequestContext, Page } from '@playwright/test';
import { expect, signInAsGuest, test } from './portal';

const run = promisify(execFile);
const backend = 'http://localhost:7007';
/** Written by the sandbox the browser tests start (playwright.config.ts). */
const kubeconfig = resolve(__dirname, '../../../.data/kubeconfig.yaml');
/** Where the portal keeps services created without a Git host (app-config.yaml). */
const localRepositories = resolve(__dirname, '../../../.data/services');
const kubectl = process.env.KUBECTL ?? 'kubectl';
const namespace = 'meschain-sync';
/** Two regions and a DR partner; the other tests' services run in all seven. */
const regions = ['eu-west', 'eu-central'];
/** Unique per run, so runs against a reused sandbox and catalog never meet. */
const name = `e2e-svc-${Date.now().toString(36)}`;

async function guestHeaders(request: APIRequestContext) {
  const session = await request.get(`${backend}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(session.ok()).toBeTruthy();
  return {
    Authorization: `Bearer ${(await session.json()).backstageIdentity.token}`,
  };
}

function kubectlIn(region: string, ...args: string[]) {
  return run(kubectl, [
    '--kubeconfig',
    kubeconfig,
    '--context',
    region,
    '--namespace',
    namespace,
    ...args,
  ]);
}

/**
 * Takes the service out of the clusters and the catalog again, so that the
 * fleet's counts and the catalog's lists of later tests do not see it.
 */
async function removeService(request: APIRequestContext) {
  for (const region of regions) {
    await kubectlIn(
      region,
      'delete',
      'deployment,service,poddisruptionbudget,horizontalpodautoscaler',
      '--selector',
      `backstage.io/kubernetes-id=${name}`,
      '--ignore-not-found',
    );
  }
  await rm(resolve(localRepositories, name), { recursive: true, force: true });
  const headers = await guestHeaders(request);
  const locations = await request.get(
    `${backend}/api/catalog/entities/by-query?filter=kind=location,spec.type=file`,
    { headers },
  );
  for (const location of (await locations.json()).items) {
    if (String(location.spec.target).startsWith(localRepositories)) {
      await request.post(`${backend}/api/catalog/refresh`, {
        headers,
        data: { entityRef: `location:default/${location.metadata.name}` },
      });
    }
  }
  const entity = await request.get(
    `${backend}/api/catalog/entities/by-name/component/default/${name}`,
    { headers },
  );
  if (entity.ok()) {
    const { uid } = (await entity.json()).metadata;
    await request.delete(`${backend}/api/catalog/entities/by-uid/${uid}`, {
      headers,
    });
  }
}

async function fillTemplate(page: Page) {
  await page.goto('/create');
  await page
    .getByRole('article')
    .filter({ hasText: 'New MesChain service' })
    .getByRole('button', { name: 'Choose' })
    .click();

  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await page
    .getByRole('textbox', { name: 'Description' })
    .fill('Created by the template browser test');
  await page.getByLabel('Owner').fill('Platform');
  await page
    .getByRole('option', { name: /Platform Team|platform-team/ })
    .click();
  await page.getByRole('button', { name: 'Next' }).click();

  // The regions field lists every region with its role and DR partner.
  await page
    .getByRole('checkbox', {
      name: 'EU West (eu-west) — primary, DR partner EU Central',
    })
    .check();
  await page
    .getByRole('checkbox', { name: /^EU Central \(eu-central\) — DR for / })
    .check();
  await page.getByRole('button', { name: 'Next' }).click();

  await page.getByRole('spinbutton', { name: 'Minimum replicas' }).fill('2');
  await page.getByRole('spinbutton', { name: 'Maximum replicas' }).fill('6');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
}

test('a service created from the template as the guest runs in each chosen region, on its Scaling tab and for kubectl', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInAsGuest(page);
  try {
    await fillTemplate(page);

    // The task ends with the links of the template's output.
    const scalingLink = page.getByRole('link', { name: 'Scaling' });
    await expect(scalingLink).toBeVisible({ timeout: 90_000 });
    await expect(scalingLink).toHaveAttribute(
      'href',
      `/catalog/default/component/${name}/scaling`,
    );
    await expect(
      page.getByRole('link', { name: 'Deployments' }),
    ).toHaveAttribute('href', `/catalog/default/component/${name}/deployments`);

    // The catalog lists it, owned by the guest's team.
    await page.goto(
      `/catalog?filters[kind]=component&filters[user]=all&filters[text]=${name}`,
    );
    await expect(page.getByRole('link', { name })).toBeVisible({
      timeout: 60_000,
    });

    // Its Scaling tab shows its Deployment and its HPA in each region.
    await page.goto(`/catalog/default/component/${name}/scaling`);
    for (const region of regions) {
      const row = page.getByRole('row').filter({
        has: page.getByRole('button', { name: `Scale ${name} in ${region}` }),
      });
      await expect(row).toContainText('Deployment in meschain-sync');
      await expect(row).toContainText(`HPA ${name}: 2 to 6 replicas`);
    }

    // kubectl, with the sandbox's own kubeconfig, sees the same objects.
    for (const region of regions) {
      const { stdout } = await kubectlIn(
        region,
        'get',
        'deployment,horizontalpodautoscaler,service,poddisruptionbudget',
        '--selector',
        `backstage.io/kubernetes-id=${name}`,
        '--output',
        'name',
      );
      expect(stdout.split('\n').filter(Boolean).sort()).toEqual([
        `deployment.apps/${name}`,
        `horizontalpodautoscaler.autoscaling/${name}`,
        `poddisruptionbudget.policy/${name}`,
        `service/${name}`,
      ]);
    }
  } finally {
    await removeService(page.request);
  }
});
