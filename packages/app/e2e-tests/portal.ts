import { expect, Page } from '@playwright/test';
import { resolve } from 'node:path';

/** Outside the HTML report's folder, which the reporter empties on every run. */
export const screenshotDir = resolve(__dirname, '../../../e2e-screenshots');

/** The MesChain-Sync services of the demo catalog. */
export const services = [
  'user-service',
  'product-service',
  'order-service',
  'marketplace-service',
  'analytics-service',
  'notification-service',
  'logging-service',
  'monitoring-service',
];

/** Signs in as the demo's guest, a member of platform-team. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enterButton = page.getByRole('button', { name: 'Enter' });
  await expect(enterButton).toBeVisible();
  await enterButton.click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}
