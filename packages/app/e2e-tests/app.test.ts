import { Page } from '@playwright/test';
import { expect, screenshotDir, services, signInAsGuest, test } from './portal';

async function showAllOfKind(page: Page, kind: string) {
  await page.goto(`/catalog?filters%5Bkind%5D=${kind}&filters%5Buser%5D=all`);
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
    '/catalog?filters%5Bkind%5D=resource&filters%5Buser%5D=all&filters%5Btype%5D=kubernetes-cluster',
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
    page.getByText('backstage.io/kubernetes-id=order-service').first(),
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

test('every service’s Scaling tab shows its replicas in each of its regions', async ({
  page,
}) => {
  await signInAsGuest(page);

  for (const service of services) {
    await page.goto(`/catalog/default/component/${service}/scaling`);
    await expect(page.getByText('Where it runs')).toBeVisible();
    for (const region of ['us-east', 'eu-west', 'ap-southeast', 'tr-central']) {
      await expect(
        page.getByRole('row', { name: new RegExp(`^${region}`) }).first(),
      ).toContainText(/\d+ desired/);
    }
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

test.describe('scaling controls', () => {
  test.describe.configure({ mode: 'serial' });

  test('a team scales its own service and applies a preset to every region', async ({
    page,
  }) => {
    await signInAsGuest(page);
    await page.goto('/catalog/default/component/logging-service/scaling');

    // The HPA owns logging-service's replicas, so scaling up by one means
    // raising the autoscaler's minimum, which the dialog offers instead.
    const scaleButton = page.getByRole('button', {
      name: 'Scale logging-service in eu-west',
    });
    await expect(scaleButton).toBeEnabled();
    await scaleButton.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByText(/owns the replicas/)).toBeVisible();
    const minimum = dialog.getByLabel('Minimum replicas');
    const current = Number(await minimum.inputValue());
    await minimum.fill(String(current + 1));
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page
        .getByRole('row', { name: /eu-west/ })
        .getByText(
          new RegExp(`HPA logging-service: ${current + 1} to \\d+ replicas`),
        ),
    ).toBeVisible();
    // The sandbox's HPA controller raises the replicas at its next sync, and
    // the tab shows it at its next refresh.
    await expect(
      page.getByRole('row', { name: /eu-west/ }).first(),
    ).toContainText(`${current + 1} desired`, { timeout: 75_000 });
    await page.screenshot({
      path: `${screenshotDir}/logging-service-scaled.png`,
      fullPage: true,
    });

    await page.getByRole('button', { name: 'Edit policy' }).click();
    const editor = page.getByRole('dialog');
    await editor.getByLabel('Preset').selectOption('cpu');
    await editor.getByLabel('All regions').check();
    await editor.getByRole('button', { name: 'Preview' }).click();
    await expect(
      editor.getByRole('region', { name: 'Preview for eu-west' }),
    ).toBeVisible();
    await page.screenshot({
      path: `${screenshotDir}/logging-service-policy-preview.png`,
      fullPage: true,
    });
    await editor.getByRole('button', { name: 'Apply' }).click();
    const results = editor.getByRole('region', { name: 'Apply results' });
    for (const region of ['us-east', 'eu-west', 'ap-southeast', 'tr-central']) {
      await expect(
        results.getByText(
          new RegExp(
            `^${region}.*(HPA created|HPA updated|Already up to date)`,
          ),
        ),
      ).toBeVisible();
    }
    await editor.getByRole('button', { name: 'Close' }).click();
    await expect(
      page.getByText(/^cpu: .* of 70 % target/).first(),
    ).toBeVisible();

    const history = page.getByRole('region', { name: 'History' });
    await expect(history.getByText(/policy/i).first()).toBeVisible();
    await expect(history.getByText(/bounds|autoscaler/i).first()).toBeVisible();
    await page.screenshot({
      path: `${screenshotDir}/logging-service-history.png`,
      fullPage: true,
    });
  });

  test('the platform team, an admin group, may act on another team’s service', async ({
    page,
  }) => {
    await signInAsGuest(page);
    await page.goto('/catalog/default/component/order-service/scaling');

    // order-service belongs to commerce-team; the guest's platform-team is in
    // permission.scaling.adminGroups, so its controls are enabled.
    await expect(
      page.getByRole('button', { name: 'Scale order-service in eu-west' }),
    ).toBeEnabled();
    await expect(
      page.getByRole('button', { name: 'Edit policy' }),
    ).toBeEnabled();
    await expect(
      page.getByText(/Only the owners of this service may scale it/),
    ).toHaveCount(0);
  });
});
