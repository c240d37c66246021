import { Page } from '@playwright/test';
import { findLayoutDefects, screenshotAtWidth } from './layout';
import { expect, signInAsGuest, test } from './portal';

// A walk through every page of the portal, run at each width the browser
// tests use (see playwright.config.ts). On each page it checks that no word is
// broken over two lines and no text is cut off, writes a screenshot named by
// the page and the width, and, through the console check every test has,
// fails on console errors and React warnings. It reads and never writes, so
// the two widths may walk at the same time.

/** Checks the page's layout as it is now and writes its screenshot. */
async function checkPage(page: Page, name: string, scope?: string) {
  // Fonts and lazy chunks settle before measuring.
  await page.evaluate(() => document.fonts.ready);
  expect
    .soft(await findLayoutDefects(page, scope), `layout of ${name}`)
    .toEqual([]);
  await screenshotAtWidth(page, name);
}

/** The catalog's path (the root, or /catalog) with the given filters. */
async function openCatalog(page: Page, filters: Record<string, string>) {
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Catalog', exact: true })
    .click();
  const path = new URL(page.url()).pathname;
  const query = new URLSearchParams(
    Object.entries(filters).map(([key, value]) => [`filters[${key}]`, value]),
  );
  await page.goto(`${path}?${query}`);
}

test('the catalog’s lists', async ({ page }) => {
  await signInAsGuest(page);

  await openCatalog(page, { kind: 'component', user: 'all' });
  await expect(
    page.getByRole('link', { name: /logging service/i }),
  ).toBeVisible();
  await checkPage(page, 'catalog-services');

  await openCatalog(page, { kind: 'group', user: 'all' });
  await expect(
    page.getByRole('link', { name: /platform/i }).first(),
  ).toBeVisible();
  await checkPage(page, 'catalog-groups');

  await openCatalog(page, {
    kind: 'resource',
    user: 'all',
    type: 'kubernetes-cluster',
  });
  await expect(page.getByText(/\(7\)/)).toBeVisible();
  await checkPage(page, 'catalog-clusters');
});

test('the Regions page, with a region’s details', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/regions');
  const table = page.getByRole('table', { name: 'Regions' });
  await expect(table.getByRole('row')).toHaveCount(8);
  await checkPage(page, 'regions');

  await table.getByRole('row', { name: /tr-central/ }).click();
  const details = page.getByRole('table', { name: 'Services in tr-central' });
  await expect(details).toBeVisible();
  await expect(details).toBeInViewport();
  await checkPage(page, 'regions-tr-central');
});

test('a service’s overview, Scaling, Deployments and Cost pages', async ({
  page,
}) => {
  await signInAsGuest(page);
  const service = 'marketplace-service';
  await page.goto(`/catalog/default/component/${service}`);
  await expect(
    page.getByRole('table', { name: 'Replicas per region' }),
  ).toBeVisible();
  await expect(page.getByLabel('DR verdict')).toBeVisible();
  await checkPage(page, `${service}-overview`);

  await page.getByRole('link', { name: 'Scaling', exact: true }).click();
  await expect(
    page.getByRole('row', { name: /^us-east/ }).first(),
  ).toContainText(/\d+ desired/);
  await checkPage(page, `${service}-scaling`);

  await page.getByRole('link', { name: 'Deployments', exact: true }).click();
  await expect(
    page.getByRole('region', { name: `Rollout of ${service} in us-east` }),
  ).toBeVisible();
  await checkPage(page, `${service}-deployments`);

  await page.goto(`/catalog/default/component/${service}/cost`);
  await expect(page.getByRole('region', { name: 'Total cost' })).toBeVisible();
  await checkPage(page, `${service}-cost`);

  await page.getByRole('link', { name: 'Health', exact: true }).click();
  await expect(
    page
      .getByRole('table', { name: 'Golden signals by region' })
      .getByRole('row', { name: /^us-east/ }),
  ).toContainText(/req\/s/);
  await checkPage(page, `${service}-health`);
});

test('a service’s health check and the dialogs of its alerts', async ({
  page,
}) => {
  await signInAsGuest(page);
  const service = 'analytics-service';
  await page.goto(`/catalog/default/component/${service}/health`);

  await page
    .getByRole('button', { name: 'Health check of Analytics Service' })
    .click();
  const checks = page.getByRole('dialog');
  await expect(checks.getByRole('listitem').first()).toBeVisible();
  await checkPage(page, `${service}-health-check`);
  await checks.getByRole('button', { name: 'Close' }).click();
  await expect(checks).toBeHidden();

  await page.getByRole('button', { name: 'New alert rule' }).click();
  const rule = page.getByRole('dialog', { name: 'New alert rule' });
  await rule.getByLabel('Composite').check();
  await checkPage(page, `${service}-alert-rule`);
  await rule.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'New maintenance window' }).click();
  await expect(
    page.getByRole('dialog', { name: 'New maintenance window' }),
  ).toBeVisible();
  await checkPage(page, `${service}-maintenance-window`);
});

test('a service’s dialogs: scale and edit the policy, up to the preview', async ({
  page,
}) => {
  await signInAsGuest(page);
  const service = 'logging-service';
  await page.goto(`/catalog/default/component/${service}/scaling`);

  await page
    .getByRole('button', { name: `Scale ${service} in eu-west` })
    .click();
  const scale = page.getByRole('dialog');
  await expect(scale.getByRole('button', { name: 'Confirm' })).toBeVisible();
  await checkPage(page, `${service}-scale-dialog`);
  await scale.getByRole('button', { name: 'Cancel' }).click();
  await expect(scale).toBeHidden();

  await page.getByRole('button', { name: 'Edit policy' }).click();
  const editor = page.getByRole('dialog');
  await editor.getByLabel('All regions').check();
  await checkPage(page, `${service}-policy-editor`);
  await editor.getByRole('button', { name: 'Preview' }).click();
  await expect(
    editor.getByRole('region', { name: 'Preview for eu-west' }),
  ).toBeVisible();
  await checkPage(page, `${service}-policy-preview`);
});

test('the Cost page and a team’s page', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/cost');
  await expect(page.getByRole('region', { name: 'Total cost' })).toBeVisible();
  await checkPage(page, 'cost');

  await page.goto('/catalog/default/group/platform-team');
  await expect(page.getByRole('region', { name: 'Team cost' })).toBeVisible();
  // Only the suite's cost card: the rest of a group's page is the org plugin's.
  await checkPage(
    page,
    'platform-team',
    '.MuiCard-root:has(section[aria-label="Team cost"])',
  );
});

test('the fleet, the reports and a team’s Scaling tab', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/scaling/fleet');
  await expect(
    page.getByRole('table', { name: 'Fleet' }).getByRole('rowheader').first(),
  ).toBeVisible();
  await checkPage(page, 'fleet');

  await page.goto('/scaling/reports');
  await expect(
    page.getByRole('form', { name: 'New report' }).first(),
  ).toBeVisible();
  await checkPage(page, 'reports');

  await page.goto('/catalog/default/group/platform-team/scaling');
  await expect(page.getByText('Recent scaling events')).toBeVisible();
  await checkPage(page, 'platform-team-scaling');
});
