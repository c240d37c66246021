import { APIRequestContext, Page } from '@playwright/test';
import type {
  EntityScalingState,
  WorkloadScalingState,
} from '@meschain/backstage-plugin-scaling-common';
import { expect, signInAsGuest, test } from './portal';

/** The backend, on the same port whether the app is served by it (CI) or by the dev server. */
const backend = 'http://localhost:7007';
const service = 'logging-service';
const entityPath = `/api/scaling/entities/component/default/${service}`;
/** How often the Scaling tab polls; the row must change well before it would. */
const POLL_MS = 30_000;

/** Calls the scaling backend as the signed-in guest, the way the app's fetchApi does. */
async function callBackend(
  request: APIRequestContext,
  path: string,
  body?: unknown,
) {
  const session = await request.get(`${backend}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(session.ok()).toBeTruthy();
  const token = (await session.json()).backstageIdentity.token;
  const headers = { Authorization: `Bearer ${token}` };
  const response = body
    ? await request.post(`${backend}${path}`, { headers, data: body })
    : await request.get(`${backend}${path}`, { headers });
  expect(response.ok(), await response.text()).toBeTruthy();
  return response.json();
}

/** The service's workload in one region, as the clusters report it now. */
async function liveWorkload(
  request: APIRequestContext,
  region: string,
): Promise<WorkloadScalingState> {
  const state: EntityScalingState = await callBackend(
    request,
    `${entityPath}/scaling`,
  );
  const cluster = state.clusters.find(c => c.region === region);
  expect(cluster?.workloads, `${service} runs in ${region}`).toHaveLength(1);
  return cluster!.workloads![0];
}

/** Opens the Scaling tab, and answers when: its first read came after that. */
async function openScalingTab(page: Page): Promise<number> {
  await signInAsGuest(page);
  const openedAt = Date.now();
  await page.goto(`/catalog/default/component/${service}/scaling`);
  await expect(
    page.getByRole('button', { name: `Scale ${service} in us-east` }),
  ).toBeEnabled();
  return openedAt;
}

test('the policy editor starts from the live HPA: a preview without changes shows no diff', async ({
  page,
}) => {
  const live = await liveWorkload(page.request, 'eu-west');
  // eu-west runs the fleet's memory HPA, or the CPU preset that the app test
  // applies to every region: the editor's model holds either whole.
  const parsed = live.autoscaler?.policy;
  expect(parsed?.unsupported, 'eu-west runs an HPA').toEqual([]);
  expect(parsed?.policy).toEqual(
    expect.objectContaining(
      parsed?.policy.targets[0]?.kind === 'cpu'
        ? {
            maxReplicas: 20,
            targets: [
              expect.objectContaining({ kind: 'cpu', averageUtilization: 70 }),
            ],
          }
        : {
            maxReplicas: 15,
            targets: [
              expect.objectContaining({
                kind: 'memory',
                averageUtilization: 80,
              }),
            ],
          },
    ),
  );
  // The editor's own model: a scale-down threshold stands for its window there.
  const scaleDown = parsed?.policy.behavior?.scaleDown;
  await openScalingTab(page);

  await page.getByRole('button', { name: 'Edit policy' }).click();
  const dialog = page.getByRole('dialog', { name: 'Autoscaling policy' });
  await dialog.getByLabel('eu-west', { exact: true }).check();

  // The form holds what runs in eu-west, not a preset.
  await expect(dialog.getByLabel('Preset')).toHaveValue('live-hpa');
  await expect(
    dialog.getByLabel('Preset').locator('option:checked'),
  ).toHaveText('Live HPA (eu-west)');
  await expect(dialog.getByLabel('Minimum replicas')).toHaveValue(
    String(live.autoscaler!.minReplicas),
  );
  await expect(dialog.getByLabel('Maximum replicas')).toHaveValue(
    String(live.autoscaler!.maxReplicas),
  );
  await expect(
    dialog.getByLabel('Scale down stabilization window (s)'),
  ).toHaveValue(String(scaleDown?.stabilizationWindowSeconds ?? ''));

  await dialog.getByRole('button', { name: 'Preview' }).click();
  const preview = dialog.getByRole('region', { name: 'Preview for eu-west' });
  await expect(preview.getByText('No change')).toBeVisible();
  await expect(
    preview.getByText('The live HPA already matches this policy.'),
  ).toBeVisible();
  await expect(
    preview.getByRole('table', { name: 'Changes in eu-west' }),
  ).toHaveCount(0);

  // A preset is applied only when chosen: then the preview shows what it would change.
  // Memory, since the other browser tests may have left eu-west on the CPU preset.
  await dialog.getByLabel('Preset').selectOption('memory');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(
    dialog
      .getByRole('region', { name: 'Preview for eu-west' })
      .getByRole('table', { name: 'Changes in eu-west' }),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Nothing was applied: eu-west's HPA is as it was.
  const after = await liveWorkload(page.request, 'eu-west');
  expect(after.autoscaler?.policy).toEqual(live.autoscaler?.policy);
});

test('the row updates right after a scale, without waiting for the 30 s poll', async ({
  page,
}) => {
  const openedAt = await openScalingTab(page);
  const before = await liveWorkload(page.request, 'us-east');
  const autoscaler = before.autoscaler!;
  expect(before.kind).toBe('Deployment');
  expect(autoscaler, 'an HPA owns logging-service in us-east').toEqual(
    expect.objectContaining({ name: service }),
  );
  // The fleet's memory HPA allows 15 replicas, the CPU preset 20.
  expect([15, 20]).toContain(autoscaler.maxReplicas);
  // A minimum above the current replicas, so that the HPA must rescale.
  const minimum = before.replicas.desired + 1;
  expect(minimum).toBeLessThanOrEqual(autoscaler.maxReplicas);

  const row = page.getByRole('row').filter({
    has: page.getByRole('button', { name: `Scale ${service} in us-east` }),
  });
  await expect(
    row.getByText(`${before.replicas.desired} desired`),
  ).toBeVisible();

  try {
    await row
      .getByRole('button', { name: `Scale ${service} in us-east` })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Minimum replicas').fill(String(minimum));
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog).toBeHidden();
    const confirmedAt = Date.now();

    // The HPA's bounds at once, then its rescale as soon as the cluster makes it.
    await expect(
      row.getByText(
        `HPA ${autoscaler.name}: ${minimum} to ${autoscaler.maxReplicas} replicas`,
      ),
    ).toBeVisible({ timeout: 10_000 });
    await expect(row.getByText(`${minimum} desired`)).toBeVisible({
      timeout: 15_000,
    });
    const updatedAt = Date.now();
    test.info().annotations.push({
      type: 'row updated',
      description: `${((updatedAt - confirmedAt) / 1000).toFixed(
        1,
      )} s after Confirm`,
    });
    // The page first read the clusters after openedAt: its poll cannot have run yet.
    expect(updatedAt - openedAt).toBeLessThan(POLL_MS);
    await expect(row.getByText('Not scaled yet')).toHaveCount(0);

    // Read the change back from the cluster, and find it in the history.
    const after = await liveWorkload(page.request, 'us-east');
    expect(after.autoscaler?.minReplicas).toBe(minimum);
    expect(after.replicas.desired).toBe(minimum);
    await expect(
      page.getByText(`New size: ${minimum}`, { exact: false }).first(),
    ).toBeVisible();
  } finally {
    // Give the shared clusters their bounds back; the replicas come down after the HPA's window.
    await callBackend(page.request, `${entityPath}/autoscaler-bounds`, {
      cluster: 'meschain-us-east',
      workload: {
        kind: before.kind,
        namespace: before.namespace,
        name: before.name,
      },
      minReplicas: autoscaler.minReplicas,
      maxReplicas: autoscaler.maxReplicas,
    });
  }
});
