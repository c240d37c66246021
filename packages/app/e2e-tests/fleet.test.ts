import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { APIRequestContext, Locator, Page } from '@playwright/test';
import type {
  FleetOverview,
  Report,
  WorkloadScalingState,
} from '@meschain/backstage-plugin-scaling-common';
import { expect, signInAsGuest, test } from './portal';

const run = promisify(execFile);
const backend = 'http://localhost:7007';
/** Written by the sandbox the browser tests start (playwright.config.ts). */
const kubeconfig = resolve(__dirname, '../../../.data/kubeconfig.yaml');
const kubectl = process.env.KUBECTL ?? 'kubectl';
const namespace = 'meschain-sync';
const team = 'group:default/platform-team';

/** Calls the scaling backend as the signed-in guest, as the app's fetchApi does. */
async function callBackend(
  request: APIRequestContext,
  path: string,
  body?: unknown,
) {
  const session = await request.get(`${backend}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  const token = (await session.json()).backstageIdentity.token;
  const headers = { Authorization: `Bearer ${token}` };
  const response = body
    ? await request.post(`${backend}/api/scaling${path}`, {
        headers,
        data: body,
      })
    : await request.get(`${backend}/api/scaling${path}`, { headers });
  expect(response.ok(), await response.text()).toBeTruthy();
  return response.json();
}

function fleetCell(page: Page, title: string, region: string): Locator {
  return page
    .getByRole('table', { name: 'Fleet' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: title }) })
    .locator(`[data-region="${region}"]`);
}

/** The desired replicas a cell shows, from its "2 of 3 ready" line. */
async function desiredIn(cell: Locator): Promise<number> {
  const text = await cell.innerText();
  const match = /\d+ of (\d+) ready/.exec(text);
  expect(match, `replicas in "${text}"`).not.toBeNull();
  return Number(match![1]);
}

async function openFleet(page: Page) {
  await signInAsGuest(page);
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Fleet' })
    .click();
  await expect(page).toHaveURL(/\/scaling\/fleet/);
  await expect(page.getByRole('table', { name: 'Fleet' })).toBeVisible();
}

test('the fleet opens on the guest’s team, follows scales and kubectl live, and opens a health check', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openFleet(page);

  // The platform team's services first: the fleet opens on the user's own teams.
  const own: { services: Array<{ title: string }> } = await callBackend(
    page.request,
    `/fleet?owner=${encodeURIComponent(team)}`,
  );
  const services = page
    .getByRole('table', { name: 'Fleet' })
    .getByRole('rowheader');
  await expect(services.first()).toBeVisible();
  const shown = await services.allInnerTexts();
  expect(shown.slice(0, own.services.length).sort()).toEqual(
    own.services.map(service => service.title).sort(),
  );
  expect(shown).toContain('Monitoring Service');

  // Scale a cell: the HPA's minimum goes up, and the cell follows without a reload.
  const scaled = fleetCell(page, 'Monitoring Service', 'ap-southeast');
  const state = await callBackend(
    page.request,
    '/entities/component/default/monitoring-service/scaling',
  );
  const workload: WorkloadScalingState = state.clusters.find(
    (cluster: { region: string }) => cluster.region === 'ap-southeast',
  ).workloads[0];
  const autoscaler = workload.autoscaler!;
  const minimum = (await desiredIn(scaled)) + 1;
  await scaled
    .getByRole('button', { name: 'Scale Monitoring Service in ap-southeast' })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Minimum replicas').fill(String(minimum));
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();
  try {
    await expect(scaled).toContainText(`of ${minimum} ready`, {
      timeout: 20_000,
    });
  } finally {
    // Give the shared cluster its bounds back.
    await callBackend(
      page.request,
      '/entities/component/default/monitoring-service/autoscaler-bounds',
      {
        cluster: 'meschain-ap-southeast',
        workload: {
          kind: workload.kind,
          namespace: workload.namespace,
          name: workload.name,
        },
        minReplicas: autoscaler.minReplicas,
        maxReplicas: autoscaler.maxReplicas,
      },
    );
  }

  // A change made with kubectl reaches the open page within 5 s.
  const changed = fleetCell(page, 'Logging Service', 'tr-central');
  const replicas = (await desiredIn(changed)) + 1;
  const kubectlArgs = [
    '--kubeconfig',
    kubeconfig,
    '--context',
    'tr-central',
    '--namespace',
    namespace,
  ];
  await run(kubectl, [
    ...kubectlArgs,
    'scale',
    'deployment/logging-service',
    `--replicas=${replicas}`,
  ]);
  await expect(changed).toContainText(`of ${replicas} ready`, {
    timeout: 5_000,
  });
  await run(kubectl, [
    ...kubectlArgs,
    'scale',
    'deployment/logging-service',
    `--replicas=${replicas - 1}`,
  ]);

  // A cell's health check.
  await fleetCell(page, 'Logging Service', 'eu-west')
    .getByRole('button', { name: 'Health check of Logging Service in eu-west' })
    .click();
  const checks = page.getByRole('dialog', {
    name: 'Health check of Logging Service in eu-west',
  });
  await expect(
    checks.getByRole('listitem').filter({ hasText: /— Pods ready/ }),
  ).toBeVisible();
});

/** A fleet of the size the brief names: 2,000 services in 7 regions. */
function largeFleet(): FleetOverview {
  const regions = [
    'us-east',
    'us-west',
    'eu-west',
    'eu-central',
    'ap-southeast',
    'ap-northeast',
    'tr-central',
  ];
  return {
    regions,
    generatedAt: new Date().toISOString(),
    services: Array.from({ length: 2000 }, (_, i) => ({
      entityRef: `component:default/service-${i}`,
      title: `Service ${i}`,
      owner: team,
      system: 'system:default/meschain-sync',
      tier: 'standard',
      regions: regions.map(region => ({
        region,
        cluster: `meschain-${region}`,
        health: 'pass' as const,
        healthSummary: '3 of 3 pods ready',
        replicas: { desired: 3, ready: 3 },
        hpa: {
          current: 45,
          target: 70,
          unit: '%',
          atMax: false,
          replicas: 3,
          maxReplicas: 10,
        },
        costPerHour: 0.42,
        rollout: null,
        dr: 'ready' as const,
      })),
    })),
  };
}

test('the fleet page renders 2,000 services × 7 regions in under a second', async ({
  page,
}) => {
  const body = JSON.stringify(largeFleet());
  let answeredAt = 0;
  await page.route('**/api/scaling/fleet*', async route => {
    answeredAt = Date.now();
    await route.fulfill({ contentType: 'application/json', body });
  });
  await signInAsGuest(page);
  await page.goto('/scaling/fleet');
  // Polled on every animation frame, so the figure is not the poll's interval.
  await page.waitForFunction(
    () =>
      document.querySelector('[aria-rowcount="2001"] [role="rowheader"]') !==
      null,
    undefined,
    { polling: 'raf' },
  );
  const renderMs = Date.now() - answeredAt;
  const description = `${renderMs} ms from the fleet API's answer (2,000 services × 7 regions, ${(
    body.length / 1e6
  ).toFixed(1)} MB) to the grid on screen`;
  test.info().annotations.push({ type: 'fleet render', description });
  // eslint-disable-next-line no-console
  console.log(description);
  expect(renderMs).toBeLessThan(1000);
});

/** The totals of a downloaded CSV: its rows of the "totals" section. */
function csvTotals(csv: string): Record<string, string> {
  const totals: Record<string, string> = {};
  for (const line of csv.split('\r\n')) {
    const [section, , measure, value] = line.split(',');
    if (section === 'totals') totals[measure] = value;
  }
  return totals;
}

test('a team’s cost report downloads as CSV and PDF with the API’s totals', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto(`/scaling/reports?team=${encodeURIComponent(team)}`);
  // The team's card comes above the organisation's.
  const form = page.getByRole('form', { name: 'New report' }).first();
  await form.getByRole('button', { name: /^Kind/ }).click();
  await page.getByRole('option', { name: 'Cost' }).click();
  const [created] = await Promise.all([
    page.waitForResponse(
      response =>
        response.request().method() === 'POST' &&
        response.url().endsWith('/api/scaling/reports'),
    ),
    form.getByRole('button', { name: 'Generate report' }).click(),
  ]);
  expect(created.status(), await created.text()).toBe(201);
  const report: Report = await callBackend(
    page.request,
    `/reports/${(await created.json()).id}`,
  );
  expect(report.kind).toBe('cost');

  const stored = page.getByRole('table', { name: 'Stored reports' }).first();
  const download = async (format: 'CSV' | 'PDF') => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      stored
        .getByRole('button', {
          name: new RegExp(`^Download the cost report .* as ${format}$`),
        })
        .first()
        .click(),
    ]);
    return file.path();
  };

  const csv = await readFile(await download('CSV'), 'utf8');
  const totals = csvTotals(csv);
  const apiTotals = report.figures.totals as Record<string, number | null>;
  for (const [measure, value] of Object.entries(apiTotals)) {
    expect(totals[measure], measure).toBe(value === null ? '' : String(value));
  }

  const { stdout: pdfText } = await run('pdftotext', [
    '-layout',
    await download('PDF'),
    '-',
  ]);
  const spend = /Total spend \(\w+\):?\s+([\d.]+)/.exec(pdfText);
  expect(spend, pdfText).not.toBeNull();
  expect(Number(spend![1])).toBeCloseTo(apiTotals.spend ?? 0, 2);
});
