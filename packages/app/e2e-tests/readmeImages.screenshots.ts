import { resolve } from 'node:path';
import { expect, signInAsGuest, test } from './portal';

/**
 * The images the README shows. Only `yarn docs:screenshots` runs this file
 * (see playwright.docs.config.ts); the browser tests write their screenshots
 * under e2e-screenshots/ instead.
 */
const docsDir = resolve(__dirname, '../../../docs');

test.beforeEach(async ({ page }) => {
  await signInAsGuest(page);
});

test('the Scaling tab of logging-service', async ({ page }) => {
  await page.goto('/catalog/default/component/logging-service/scaling');
  await expect(
    page.getByRole('row', { name: /^eu-west/ }).first(),
  ).toContainText(/\d+ desired/);
  await expect(
    page.getByRole('region', { name: 'History' }).getByRole('row').nth(1),
  ).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await page.screenshot({ path: `${docsDir}/scaling-tab.png`, fullPage: true });
});

test('the Regions map with its edge locations, and tr-central’s details', async ({
  page,
}) => {
  await page.goto('/regions');
  const map = page.getByRole('group', { name: 'World map of regions' });
  await expect(map.locator('[data-region-id]')).toHaveCount(7);
  await page.getByRole('checkbox', { name: /Edge locations/ }).check();
  await expect(
    map.getByTestId('edge-locations').locator('circle').first(),
  ).toBeVisible();
  await page.screenshot({ path: `${docsDir}/regions-map.png` });

  await page.getByRole('checkbox', { name: /Edge locations/ }).uncheck();
  await map.getByRole('button', { name: /\(tr-central\)/ }).click();
  await expect(
    page.getByRole('table', { name: 'Services in tr-central' }),
  ).toBeVisible();
  await page.screenshot({
    path: `${docsDir}/regions-tr-central.png`,
    fullPage: true,
  });
});
