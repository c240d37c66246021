import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { APIRequestContext } from '@playwright/test';
import type { EntityLoadForecast } from '@meschain/backstage-plugin-scaling-common';
import { expect, signInAsGuest, test } from './portal';

const run = promisify(execFile);
/** The backend, on the same port whether the app is served by it (CI) or by the dev server. */
const backend = 'http://localhost:7007';
/** Written by the sandbox the browser tests start (playwright.config.ts). */
const kubeconfig = resolve(__dirname, '../../../.data/kubeconfig.yaml');
const kubectl = process.env.KUBECTL ?? 'kubectl';
/** Owned by the guest's team, and scaled by an HPA on CPU utilisation (the `cpu` preset). */
const service = 'monitoring-service';
const region = 'us-east';
const entityPath = `/api/scaling/entities/component/default/${service}`;

async function readBackend<T>(
  request: APIRequestContext,
  path: string,
): Promise<T> {
  const session = await request.get(`${backend}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(session.ok()).toBeTruthy();
  const token = (await session.json()).backstageIdentity.token;
  const response = await request.get(`${backend}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.ok(), await response.text()).toBeTruthy();
  return response.json();
}

/** The minimum of the service's HPA in the region, as kubectl reads it from the cluster. */
async function clusterMinimum(): Promise<number> {
  const { stdout } = await run(kubectl, [
    '--kubeconfig',
    kubeconfig,
    '--context',
    region,
    '--namespace',
    'meschain-sync',
    'get',
    'horizontalpodautoscalers',
    '-o',
    `jsonpath={range .items[?(@.spec.scaleTargetRef.name=="${service}")]}{.spec.minReplicas}{end}`,
  ]);
  expect(stdout.trim(), `an HPA scales ${service} in ${region}`).toMatch(
    /^\d+$/,
  );
  return Number(stdout.trim());
}

test('a policy’s what-if, then a predictive schedule whose first step reaches the cluster', async ({
  page,
}) => {
  test.setTimeout(300_000);
  // The cost ingestion stores the hourly usage the forecast reads once the backend has started.
  await expect
    .poll(
      async () =>
        (
          await readBackend<EntityLoadForecast>(
            page.request,
            `${entityPath}/forecast?region=${region}`,
          )
        ).hours.length,
      { timeout: 180_000, intervals: [5_000] },
    )
    .toBeGreaterThan(0);

  await signInAsGuest(page);
  await page.goto(`/catalog/default/component/${service}/scaling`);

  // Edit the policy, and replay the candidate against the live one before applying anything.
  await page.getByRole('button', { name: 'Edit policy' }).click();
  const dialog = page.getByRole('dialog', { name: 'Autoscaling policy' });
  await dialog.getByLabel(region, { exact: true }).check();
  await dialog.getByLabel('CPU target').fill('50');
  await dialog.getByRole('button', { name: 'Run what-if' }).click();
  const results = dialog.getByRole('table', { name: 'What-if results' });
  await expect(results).toBeVisible({ timeout: 60_000 });
  await expect(
    results.getByRole('columnheader', { name: 'Live policy' }),
  ).toBeVisible();
  await expect(
    results.getByRole('columnheader', { name: 'Candidate' }),
  ).toBeVisible();
  // The live policy's figure, then the candidate's: both replayed.
  const aboveTarget = results
    .locator('tr')
    .filter({ hasText: 'Time above target' })
    .locator('td');
  await expect(aboveTarget).toHaveText([/^[\d.]+ h$/, /^[\d.]+ h$/]);
  // Both results, in one sentence.
  await expect(
    dialog
      .getByRole('status')
      .filter({ hasText: 'The candidate would have run' }),
  ).toContainText(/run [\d.]+ h above target instead of [\d.]+ h/);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Apply the predictive schedule of the region; its step in force reaches the HPA at once.
  const before = await clusterMinimum();
  await expect(
    page.getByRole('table', { name: `Proposed HPA minimums in ${region}` }),
  ).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Apply schedule' }).click();
  const applied = page.getByTestId('applied-schedule');
  await expect(applied).toContainText('Applied by user:default/guest');
  const shown = /HPA minimum now (\d+)/.exec(await applied.innerText());
  expect(shown, 'the step in force is shown').not.toBeNull();
  await expect.poll(clusterMinimum).toBe(Number(shown![1]));

  // Removing it gives the HPA its minimum back.
  await page.getByRole('button', { name: 'Remove schedule' }).click();
  await expect(applied).toHaveCount(0);
  await expect.poll(clusterMinimum).toBe(before);
});
