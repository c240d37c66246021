import { APIRequestContext } from '@playwright/test';
import { dollars } from './money';
import { expect, signInAsGuest, test } from './portal';

/** The backend, which the dev server on port 3000 does not proxy. */
const backend = 'http://localhost:7007';

/** Reads a cost route as the signed-in guest, the way the app's fetchApi does. */
async function readCost(request: APIRequestContext, path: string) {
  const refresh = await request.get(`${backend}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(refresh.ok()).toBeTruthy();
  const token = (await refresh.json()).backstageIdentity.token;
  const response = await request.get(`${backend}/api/scaling/cost${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.ok()).toBeTruthy();
  return response.json();
}

const DAY_MS = 86_400_000;

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The query of the last `days` complete UTC days, the window the pages open on. */
function query(days?: number) {
  if (!days) return '';
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  return `?${new URLSearchParams({
    start: isoDay(today - days * DAY_MS),
    end: isoDay(today),
  })}`;
}

// Ingestion runs in the background (its first run loads the initial days of
// every cluster), so each check reads the API and the page again until both
// answer from the same stored days, and those hold cost.
const settled = { timeout: 180_000, intervals: [2_000, 5_000] };
test.describe.configure({ timeout: 240_000 });

test('the service Cost tab shows the figures of the cost API', async ({
  page,
}) => {
  await signInAsGuest(page);
  await expect(async () => {
    await page.goto('/catalog/default/component/order-service/cost');
    const cost = await readCost(
      page.request,
      `/entities/component/default/order-service${query(30)}`,
    );
    expect(cost.currency).toBe('USD');
    expect(cost.total).toBeGreaterThan(0);
    const total = page.getByRole('region', { name: 'Total cost' });
    await expect(total).toContainText(dollars(cost.total), {
      timeout: 10_000,
    });
    const regions = page.getByRole('table', { name: 'Cost by region' });
    for (const region of cost.byRegion) {
      await expect(
        regions.getByRole('row', { name: new RegExp(`^${region.key}`) }),
      ).toContainText(dollars(region.total));
    }
  }).toPass(settled);
  await expect(page.getByRole('table', { name: 'Efficiency' })).toBeVisible();
  await expect(async () => {
    await page.reload();
    const proposed = await readCost(
      page.request,
      '/entities/component/default/order-service/recommendations',
    );
    expect(proposed.currency).toBe('USD');
    expect(proposed.savings.count).toBeGreaterThan(0);
    await expect(page.getByText(/would save/)).toContainText(
      dollars(proposed.savings.monthly),
      { timeout: 10_000 },
    );
    await expect(
      page.getByRole('table', { name: 'Recommendations' }).getByRole('row'),
    ).toHaveCount(proposed.recommendations.length + 1);
  }).toPass(settled);
});

test('a team’s Group page shows its cost card with the cost API’s total', async ({
  page,
}) => {
  await signInAsGuest(page);
  await expect(async () => {
    await page.goto('/catalog/default/group/platform-team');
    const cost = await readCost(
      page.request,
      '/teams/group/default/platform-team',
    );
    expect(cost.currency).toBe('USD');
    expect(cost.total).toBeGreaterThan(0);
    expect(cost.savings.count).toBeGreaterThan(0);
    await expect(page.getByRole('region', { name: 'Team cost' })).toContainText(
      dollars(cost.total),
      { timeout: 10_000 },
    );
    await expect(page.getByText(/would save/)).toContainText(
      dollars(cost.savings.monthly),
    );
  }).toPass(settled);
});

test('the org Cost page, reached from the sidebar, shows the cost API’s totals', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Cost', exact: true })
    .click();
  await expect(page).toHaveURL(/\/cost$/);
  await expect(async () => {
    await page.reload();
    const cost = await readCost(page.request, `/org${query(90)}`);
    expect(cost.currency).toBe('USD');
    expect(cost.total).toBeGreaterThan(0);
    await expect(
      page.getByRole('region', { name: 'Total cost' }),
    ).toContainText(dollars(cost.total), { timeout: 10_000 });
    await expect(page.getByText(/would save/)).toContainText(
      dollars(cost.savings.monthly),
    );
    const regions = page.getByRole('table', { name: 'Cost by region' });
    for (const region of cost.byRegion) {
      await expect(
        regions.getByRole('row', { name: new RegExp(`^${region.key}`) }),
      ).toContainText(dollars(region.total));
    }
  }).toPass(settled);
});
