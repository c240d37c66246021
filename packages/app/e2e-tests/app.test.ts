import { expect, Page, test } from '@playwright/test';
import { resolve } from 'node:path';

// Outside the HTML report's folder, which the reporter empties on every run.
const screenshotDir = resolve(__dirname, '../../../e2e-screenshots');

const services = [
  'user-service',
  'product-service',
  'order-service',
  'marketplace-service',
  'analytics-service',
  'notification-service',
  'logging-service',
  'monitoring-service',
];

async function signInAsGuest(page: Page) {
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

async function showAllOfKind(page: Page, kind: string) {
  await page.goto(`/?filters%5Bkind%5D=${kind}&filters%5Buser%5D=all`);
}

test('the catalog lists the MesChain-Sync services, teams and clusters', async ({
  page,
}) => {
  await signInAsGuest(page);

  await showAllOfKind(page, 'component');
  for (const service of services) {
    await expect(
      page.getByRole('link', {
        name: new RegExp(service.replace('-', ' '), 'i'),
      }),
    ).toBeVisible();
  }
  await page.screenshot({
    path: `${screenshotDir}/catalog-services.png`,
    fullPage: true,
  });

  await showAllOfKind(page, 'group');
  await expect(
    page.getByRole('link', { name: /commerce/i }).first(),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: /platform/i }).first(),
  ).toBeVisible();

  await page.goto(
    '/?filters%5Bkind%5D=resource&filters%5Buser%5D=all&filters%5Btype%5D=kubernetes-cluster',
  );
  await expect(page.getByText(/\(7\)/)).toBeVisible();
  await page.screenshot({
    path: `${screenshotDir}/catalog-clusters.png`,
    fullPage: true,
  });
});

test('a service page shows the suite’s Scaling tab with data from its backend', async ({
  page,
}) => {
  await signInAsGuest(page);

  await showAllOfKind(page, 'component');
  await page.getByRole('link', { name: /order service/i }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/order-service/);
  await page.screenshot({
    path: `${screenshotDir}/order-service-overview.png`,
    fullPage: true,
  });

  await page.getByRole('link', { name: 'Scaling', exact: true }).click();
  await expect(page).toHaveURL(/\/order-service\/scaling/);

  await expect(page.getByText('Requests per replica')).toBeVisible();
  await expect(page.getByText('Canary')).toBeVisible();
  await expect(page.getByText('critical', { exact: true })).toBeVisible();
  await expect(
    page.getByText('backstage.io/kubernetes-id=order-service'),
  ).toBeVisible();
  for (const cluster of [
    'meschain-us-east',
    'meschain-eu-west',
    'meschain-ap-southeast',
    'meschain-tr-central',
  ]) {
    await expect(page.getByRole('link', { name: cluster })).toBeVisible();
  }
  await expect(page.getByText('Virginia, US')).toBeVisible();
  await page.screenshot({
    path: `${screenshotDir}/order-service-scaling.png`,
    fullPage: true,
  });
});

test('every service’s Scaling tab shows the clusters of its regions', async ({
  page,
}) => {
  await signInAsGuest(page);

  for (const service of services) {
    await page.goto(`/catalog/default/component/${service}/scaling`);
    await expect(page.getByText('Where it runs')).toBeVisible();
    await expect(
      page.getByText(`backstage.io/kubernetes-id=${service}`),
    ).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'meschain-eu-west' }),
    ).toBeVisible();
  }
});

test('the Kubernetes tab shows the service’s pods from the local clusters', async ({
  page,
}) => {
  await signInAsGuest(page);

  await page.goto('/catalog/default/component/order-service/kubernetes');
  await expect(page.getByText('meschain-us-east').first()).toBeVisible();
  await expect(page.getByText('meschain-ap-southeast').first()).toBeVisible();
  await expect(page.getByText('No pods with errors')).toHaveCount(7);
  await expect(page.getByText(/pods$/).first()).toBeVisible();
  await expect(
    page.getByText(/problem retrieving some Kubernetes resources/i),
  ).toHaveCount(0);
  await page.screenshot({
    path: `${screenshotDir}/order-service-kubernetes.png`,
    fullPage: true,
  });
});
