import { APIRequestContext, Page } from '@playwright/test';
import { findLayoutDefects, screenshotAtWidth } from './layout';
import { expect, signInAsGuest, test } from './portal';

// The home page and search, at both widths the portal is laid out for. They
// only read, so each width may run beside the other.

/** The backend, which serves the app itself in CI. */
const backend = 'http://localhost:7007';

/** What the scaling backend answers the guest, to hold the home page's figures to. */
async function readAsGuest<T>(request: APIRequestContext, path: string) {
  const session = await request.get(`${backend}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  const token = (await session.json()).backstageIdentity.token;
  const response = await request.get(`${backend}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

type RegionsAnswer = {
  regions: { services: { entityRef?: string; kubernetesId: string }[] }[];
};

/** The figure under a label of the at-a-glance card. */
function figure(page: Page, label: string) {
  return page
    .getByRole('region', { name: 'MesChain-Sync at a glance' })
    .locator('div', { has: page.locator('dt', { hasText: label }) })
    .locator('dd')
    .first();
}

const widths = [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
];

for (const viewport of widths) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('the home page shows the fleet at a glance, the guest’s services and links to Regions and Cost', async ({
      page,
      request,
    }) => {
      const overview = await readAsGuest<RegionsAnswer>(
        request,
        '/api/scaling/regions',
      );
      const serviceCount = new Set(
        overview.regions.flatMap(region =>
          region.services.map(s => s.entityRef ?? s.kubernetesId),
        ),
      ).size;

      // Signing in lands on the home page.
      await signInAsGuest(page);
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByText('Random Joke')).toHaveCount(0);

      const glance = page.getByRole('region', {
        name: 'MesChain-Sync at a glance',
      });
      await expect(glance).toBeVisible();
      await expect(figure(page, 'Services')).toHaveText(String(serviceCount));
      await expect(figure(page, 'Regions')).toHaveText(
        String(overview.regions.length),
      );
      await expect(figure(page, 'Replicas ready')).toHaveText(
        /^[\d,]+ of [\d,]+$/,
      );
      await expect(figure(page, 'DR readiness')).toHaveText(
        /^\d+ of \d+ pass$/,
      );
      // Cost is ingested from the sandbox's OpenCost when the backend starts.
      await expect(figure(page, 'Spend')).toHaveText(/^\$[\d,]+(\.\d\d)?$/);
      await expect(figure(page, 'Spend')).not.toHaveText('$0.00');

      // The guest is in platform-team, which owns the logging and monitoring services.
      const mine = page.getByRole('table', { name: 'My services' });
      await expect(
        mine.getByRole('link', { name: 'Logging Service' }),
      ).toBeVisible();
      await expect(
        mine.getByRole('link', { name: 'Monitoring Service' }),
      ).toBeVisible();
      await expect(
        mine.getByRole('link', { name: 'Order Service' }),
      ).toHaveCount(0);
      await expect(
        mine.getByRole('row', { name: /Logging Service/ }),
      ).toContainText(/\d+ of \d+/);

      await page.evaluate(() => document.fonts.ready);
      expect.soft(await findLayoutDefects(page), 'layout of home').toEqual([]);
      await screenshotAtWidth(page, 'home');

      await glance
        .getByRole('link', { name: 'Regions, health and DR readiness' })
        .click();
      await expect(page).toHaveURL(/\/regions$/);
      await expect(page.getByRole('table', { name: 'Regions' })).toBeVisible();

      await page.goBack();
      await glance
        .getByRole('link', { name: 'Cost by team and service' })
        .click();
      await expect(page).toHaveURL(/\/cost$/);

      await page.goBack();
      await mine.getByRole('link', { name: 'Logging Service' }).click();
      await expect(page).toHaveURL(
        /\/catalog\/default\/component\/logging-service$/,
      );
    });

    test('search finds a service in the catalog, from the search page and the sidebar', async ({
      page,
    }) => {
      const searches: number[] = [];
      page.on('response', response => {
        if (response.url().includes('/api/search/query')) {
          searches.push(response.status());
        }
      });
      await signInAsGuest(page);

      await page.goto('/search?query=order');
      await expect(
        page.getByRole('link', { name: 'Order Service', exact: true }),
      ).toBeVisible();
      await expect(page.getByText('Software Catalog').first()).toBeVisible();
      await expect(page.getByText(/techdocs|Documentation/i)).toHaveCount(0);
      await screenshotAtWidth(page, 'search');

      await page.goto('/');
      await page
        .getByRole('navigation', { name: 'sidebar nav' })
        .getByRole('button', { name: 'Search' })
        .click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox').fill('logging service');
      await expect(
        dialog.getByRole('link', { name: /Logging Service/ }).first(),
      ).toBeVisible();

      expect(searches.length).toBeGreaterThan(0);
      expect(searches.filter(status => status !== 200)).toEqual([]);
    });
  });
}
