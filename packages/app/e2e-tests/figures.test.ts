import { APIRequestContext, Page } from '@playwright/test';
import { dollars } from './money';
import { expect, signInAsGuest, test } from './portal';

// The figures a user reads on the Scaling and Cost pages, in their units:
// rates per minute, latency in ms, counts without "m", money with its
// currency, shares as percentages, and where the cost data starts. Expected
// texts are worked out here from the API's raw answers, not with the
// product's own formatter.

const widths = [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
];

/** The backend, which serves the app in CI and the API in both setups. */
const backend = 'http://localhost:7007';
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
const DAY_MS = 86_400_000;

/** Reads a scaling route as the signed-in guest, the way the app's fetchApi does. */
async function readApi<T>(request: APIRequestContext, path: string) {
  const refresh = await request.get(`${backend}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(refresh.ok()).toBeTruthy();
  const token = (await refresh.json()).backstageIdentity.token;
  const response = await request.get(`${backend}/api/scaling${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.ok()).toBeTruthy();
  return (await response.json()) as T;
}

/** A decimal Kubernetes quantity as the HPA reports custom metrics: `863079m`, `1k`, `30`. */
function quantityValue(quantity: string): number {
  const match = /^(\d+(?:\.\d+)?)(m|k|M)?$/.exec(quantity);
  if (!match) throw new Error(`unexpected quantity ${quantity}`);
  const scale = { m: 1e-3, k: 1e3, M: 1e6 }[match[2] ?? ''] ?? 1;
  return Number(match[1]) * scale;
}

/** A number with the decimals that matter at its size: 863, 42.5, 1.34. */
function decimal(value: number): string {
  let digits = 2;
  if (value >= 100) digits = 0;
  else if (value >= 10) digits = 1;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

function day(yyyyMmDd: string): string {
  const [year, month, date] = yyyyMmDd.split('-').map(Number);
  return `${date} ${MONTHS[month - 1]} ${year}`;
}

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

type MetricValue = { value?: string; averageValue?: string };
type ScalingAnswer = {
  clusters: Array<{
    workloads?: Array<{
      autoscaler?: {
        metrics: Array<{
          name: string;
          target: MetricValue;
          current?: MetricValue;
        }>;
      };
    }>;
  }>;
};

/** Each custom metric's unit as the service's HPA names it. */
const metricUnits: Record<string, (value: number) => string> = {
  http_requests_per_minute: value => `${decimal(value)} /min`,
  http_request_duration_p95_seconds: value =>
    value < 1 ? `${decimal(value * 1000)} ms` : `${decimal(value)} s`,
  marketplace_api_latency_ms: value => `${decimal(value)} ms`,
  queue_length: value => decimal(value),
  db_connections: value => decimal(value),
};

/** The metric labels the Scaling tab should show for the answer, e.g. `queue_length: 1.34 of 30 target`. */
function expectedMetricLabels(answer: ScalingAnswer): string[] {
  const labels = new Set<string>();
  for (const cluster of answer.clusters) {
    for (const workload of cluster.workloads ?? []) {
      for (const metric of workload.autoscaler?.metrics ?? []) {
        const unit = metricUnits[metric.name];
        if (!unit) continue;
        const show = (value?: MetricValue) => {
          const quantity = value?.averageValue ?? value?.value;
          return quantity === undefined ? '—' : unit(quantityValue(quantity));
        };
        labels.add(
          `${metric.name}: ${show(metric.current)} of ${show(
            metric.target,
          )} target`,
        );
      }
    }
  }
  return [...labels];
}

async function scalingTabShowsMetrics(page: Page, service: string) {
  await expect(async () => {
    await page.goto(`/catalog/default/component/${service}/scaling`);
    await expect(page.getByText(/ of .* target$/).first()).toBeVisible({
      timeout: 20_000,
    });
    const answer = await readApi<ScalingAnswer>(
      page.request,
      `/entities/component/default/${service}/scaling`,
    );
    const labels = expectedMetricLabels(answer);
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) {
      await expect(page.getByText(label, { exact: true }).first()).toBeVisible({
        timeout: 2_000,
      });
    }
  }).toPass({ timeout: 90_000, intervals: [1_000, 3_000] });
  // No raw Kubernetes quantity anywhere: `863079m of 1k`, `1342m of 30`.
  await expect(page.getByText(/\d+m of |of \d+k target/)).toHaveCount(0);
}

test.describe.configure({ timeout: 240_000 });

test('the Scaling tab shows each HPA metric in its unit', async ({ page }) => {
  await signInAsGuest(page);
  for (const viewport of widths) {
    await page.setViewportSize(viewport);
    // Requests per minute and a p95 latency in seconds; a latency in ms and
    // a count; a queue's length.
    for (const service of [
      'user-service',
      'marketplace-service',
      'notification-service',
    ]) {
      await scalingTabShowsMetrics(page, service);
    }
  }
});

type Recommendations = {
  currency: string;
  recommendations: Array<{
    kind: string;
    inputs: Record<string, number | string>;
  }>;
};

/** Inputs whose units the test knows, with their label and the text expected of a value. */
const inputTexts: Record<string, [string, (value: number) => string]> = {
  monthlyComputeCost: ['Monthly compute cost', dollars],
  spotDiscount: ['Spot discount', value => `${decimal(value * 100)} %`],
  reservedDiscount: ['Reserved discount', value => `${decimal(value * 100)} %`],
  committedShare: ['Committed share', value => `${decimal(value * 100)} %`],
};

test('cost recommendations show money with its currency and shares as percentages', async ({
  page,
}) => {
  await signInAsGuest(page);
  const service = 'order-service';
  const read = () =>
    readApi<Recommendations>(
      page.request,
      `/cost/entities/component/default/${service}/recommendations`,
    );
  // Recommendations are worked out after the background ingestion.
  await expect
    .poll(
      async () =>
        (
          await read()
        ).recommendations.filter(r =>
          Object.keys(r.inputs).some(name => name in inputTexts),
        ).length,
      { timeout: 180_000, intervals: [2_000, 5_000] },
    )
    .toBeGreaterThan(0);
  const proposed = await read();
  expect(proposed.currency).toBe('USD');

  for (const viewport of widths) {
    await page.setViewportSize(viewport);
    await page.goto(`/catalog/default/component/${service}/cost`);
    const table = page.getByRole('table', { name: 'Recommendations' });
    await expect(table).toBeVisible();
    // Several recommendations may show the same figure, e.g. one reserved
    // discount per region: each text is counted.
    const expected = new Map<string, number>();
    for (const recommendation of proposed.recommendations) {
      for (const [name, value] of Object.entries(recommendation.inputs)) {
        const known = inputTexts[name];
        if (!known || typeof value !== 'number') continue;
        const [label, text] = known;
        const shown = `${label}: ${text(value)}`;
        expected.set(shown, (expected.get(shown) ?? 0) + 1);
      }
    }
    expect(expected.size).toBeGreaterThan(0);
    for (const [shown, count] of expected) {
      await expect(table.getByText(shown, { exact: true })).toHaveCount(count);
    }
    // Nothing left as a bare decimal such as `14.660` or `0.650`.
    await expect(table.getByText(/: -?\d+\.\d{3}$/)).toHaveCount(0);
  }
});

type CostAnswer = {
  window: { start: string; end: string };
  dataStart?: string;
  change?: unknown;
};

test('the Cost page says where its data starts, and compares no window with days before it', async ({
  page,
}) => {
  await signInAsGuest(page);
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  for (const viewport of widths) {
    await page.setViewportSize(viewport);
    for (const days of [90, 365]) {
      const window = {
        start: isoDay(today - days * DAY_MS),
        end: isoDay(today),
      };
      // The first ingestion runs in the background after the backend starts.
      let cost: CostAnswer = { window };
      await expect(async () => {
        cost = await readApi<CostAnswer>(
          page.request,
          `/cost/org?${new URLSearchParams(window)}`,
        );
        expect(cost.dataStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }).toPass({ timeout: 180_000, intervals: [2_000, 5_000] });
      // The backend's first ingestion stores the 30 days before the day it
      // starts, oldest first, so the data starts 30 days ago or earlier; yet
      // the portal has ingested fewer days than either window holds.
      expect(cost.dataStart! <= isoDay(today - 30 * DAY_MS)).toBe(true);
      expect(cost.dataStart! > window.start).toBe(true);
      expect(cost.change).toBeUndefined();

      await page.goto('/cost');
      await page.getByLabel('Window').selectOption(String(days));
      const total = page.getByRole('region', { name: 'Total cost' });
      await expect(total).toContainText(
        `(${days} days), data since ${day(cost.dataStart!)}`,
      );
      await expect(total).toContainText(
        `Not compared with the window before: cost data starts on ${day(
          cost.dataStart!,
        )}`,
      );
      await expect(total).not.toContainText('against');
      await expect(total).toBeVisible();
    }
  }
});
