import { Page } from '@playwright/test';
import {
  clusterLoadModel,
  clusterRandom,
  loadFleet,
} from '@meschain/kube-sandbox';
import { expect, signInAsGuest, test } from './portal';
import { clearServiceFault, injectServiceFault } from './sandboxAdmin';

/** Owned by the guest's team, so the guest is among those its alerts notify. */
const faulted = { service: 'monitoring-service', region: 'tr-central' };
/** The regions user-service and product-service both run in as primaries. */
const HEALTHY_REGIONS = ['us-east', 'eu-west', 'ap-southeast', 'tr-central'];
/** The browser tests' sandbox runs the demo fleet with its default seed (playwright.config.ts). */
const SANDBOX_SEED = 1;

/**
 * Whether the sandbox's load model has one of its seeded incidents (a surge that fails 1 % of
 * requests, rightly failing a 99.9 % objective) on `service` in any of `regions` from a signal
 * window before `at` until the test is done.
 */
function hasIncidentAround(service: string, regions: string[], at: number) {
  const from = at - 10 * 60_000;
  const to = at + 5 * 60_000;
  return loadFleet()
    .clusters.filter(cluster => regions.includes(cluster.region))
    .some(cluster => {
      const model = clusterLoadModel(cluster, {
        seed: clusterRandom(SANDBOX_SEED, cluster.name).seed,
      });
      for (let time = from; time <= to; time += 30_000) {
        if (model.serviceLoad(service, time).incident) return true;
      }
      return false;
    });
}

/** A service the model keeps healthy in every region the test checks, while it checks them. */
function healthyService(): { name: string; title: string } {
  const candidates = [
    { name: 'user-service', title: 'User Service' },
    { name: 'product-service', title: 'Product Service' },
  ];
  const healthy = candidates.find(
    ({ name }) => !hasIncidentAround(name, HEALTHY_REGIONS, Date.now()),
  );
  if (!healthy) throw new Error('Every candidate has an incident under way');
  return healthy;
}

async function openHealthTab(page: Page, service: string) {
  await page.goto(`/catalog/default/component/${service}/health`);
  await expect(
    page.getByRole('table', { name: 'Golden signals by region' }),
  ).toBeVisible();
}

/** Opens the whole service's health-check modal and returns it. */
async function openHealthCheck(page: Page, title: string) {
  await page
    .getByRole('button', { name: `Health check of ${title}`, exact: true })
    .click();
  const dialog = page.getByRole('dialog', { name: `Health check of ${title}` });
  await expect(dialog.getByRole('listitem').first()).toBeVisible();
  return dialog;
}

test.afterAll(async () => {
  await clearServiceFault(faulted.service, faulted.region);
});

test('the health check passes a healthy service and fails a faulted one on its errors', async ({
  page,
}) => {
  const healthy = healthyService();
  await signInAsGuest(page);
  await openHealthTab(page, healthy.name);
  const healthyChecks = await openHealthCheck(page, healthy.title);
  for (const region of HEALTHY_REGIONS) {
    const section = healthyChecks.getByRole('region', { name: region });
    await expect(
      section.getByRole('listitem').filter({ hasText: /^Pass — Pods ready/ }),
    ).toBeVisible();
    await expect(
      section
        .getByRole('listitem')
        .filter({ hasText: /^Pass — Golden signals against the SLO/ }),
    ).toBeVisible();
  }
  await expect(
    healthyChecks.getByRole('link', { name: /Grafana/ }),
  ).toHaveAttribute('href', /grafana/);
  await healthyChecks.getByRole('button', { name: 'Close' }).click();

  // Half the requests of one region fail from now on.
  await injectServiceFault(faulted.service, faulted.region, {
    errorRatio: 0.5,
  });
  await openHealthTab(page, faulted.service);
  const region = page
    .getByRole('table', { name: 'Golden signals by region' })
    .getByRole('row')
    .filter({ hasText: faulted.region });
  await expect(async () => {
    await page.reload();
    await region.getByRole('button', { name: /^Health check of/ }).click();
    const dialog = page.getByRole('dialog', {
      name: `Health check of Monitoring Service in ${faulted.region}`,
    });
    await expect(
      dialog
        .getByRole('listitem')
        .filter({ hasText: /^Fail — Golden signals against the SLO/ }),
    ).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
});

test('an owner creates a threshold alert, is notified when it fires, and opens a maintenance window', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await injectServiceFault(faulted.service, faulted.region, {
    errorRatio: 0.5,
  });
  await signInAsGuest(page);
  await openHealthTab(page, faulted.service);

  const name = `ErrorsAbove5Percent${Date.now() % 100000}`;
  await page.getByRole('button', { name: 'New alert rule' }).click();
  const form = page.getByRole('dialog', { name: 'New alert rule' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Severity').selectOption('warning');
  await form.getByLabel('Region').selectOption(faulted.region);
  await form.getByLabel('For').fill('10s');
  await form.getByLabel('Signal').selectOption('errorRatio');
  await form.getByLabel('Comparison').selectOption('above');
  await form.getByLabel('Value (%)').fill('5');
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(form).toBeHidden();
  await expect(
    page.getByRole('table', { name: 'Alert rules' }).getByText(name),
  ).toBeVisible();

  // Prometheus evaluates it, Alertmanager routes it to the backend, and the
  // owners (the guest's team) get a notification.
  await expect(async () => {
    await page.goto('/notifications');
    await expect(
      page.getByText(new RegExp(`Firing: ${name}`)).first(),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });

  await openHealthTab(page, faulted.service);
  await expect(
    page
      .getByRole('table', { name: 'Active alerts' })
      .getByRole('row')
      .filter({ hasText: name }),
  ).toBeVisible({ timeout: 30_000 });

  const comment = `Database failover drill ${Date.now() % 100000}`;
  await page.getByRole('button', { name: 'New maintenance window' }).click();
  const windowForm = page.getByRole('dialog', {
    name: 'New maintenance window',
  });
  await windowForm.getByLabel('Comment').fill(comment);
  await windowForm.getByLabel('Region').selectOption(faulted.region);
  await windowForm.getByRole('button', { name: 'Create' }).click();
  await expect(windowForm).toBeHidden();
  const windows = page.getByRole('table', { name: 'Maintenance windows' });
  await expect(
    windows.getByRole('row').filter({ hasText: comment }),
  ).toBeVisible();
  // The firing alert is now silenced by it.
  await expect(async () => {
    await page.reload();
    await expect(
      page
        .getByRole('table', { name: 'Active alerts' })
        .getByRole('row')
        .filter({ hasText: name })
        .getByText('Silenced by a maintenance window'),
    ).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });

  // Clean up: the rule and the window go, as an owner would remove them.
  await windows.getByRole('button', { name: `Expire ${comment}` }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Expire' })
    .click();
  await page
    .getByRole('table', { name: 'Alert rules' })
    .getByRole('button', { name: `Delete ${name}` })
    .click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(
    page.getByRole('table', { name: 'Alert rules' }).getByText(name),
  ).toBeHidden();
});
