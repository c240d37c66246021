import { Locator, Page } from '@playwright/test';
import { expectAccessible } from './accessibility';
import { expect, signInAsGuest, test } from './portal';

const component = (name: string, tab = '') =>
  `/catalog/default/component/${name}${tab ? `/${tab}` : ''}`;

/** Waits until nothing on the page is loading: Backstage's bars and tables' spinners. */
async function settle(page: Page) {
  await expect(page.getByTestId('progress')).toHaveCount(0);
  await expect(page.getByTestId('loading-indicator')).toHaveCount(0);
}

/**
 * How opaque the dialog shows, its own opacity times its ancestors'. While
 * MUI's fade-in runs, axe blends the text with what is behind it and reports
 * contrast that no user sees once the dialog is open.
 */
const shownOpacity = (dialog: Locator) =>
  dialog.evaluate(element => {
    let opacity = 1;
    for (let e: Element | null = element; e; e = e.parentElement) {
      opacity *= Number(getComputedStyle(e).opacity);
    }
    return opacity;
  });

/**
 * Opens a dialog with `opener`, waits for it to finish fading in, audits it,
 * closes it with Escape, and checks that focus went back to the opener.
 */
async function auditDialog(
  page: Page,
  what: string,
  opener: Locator,
  whileOpen: (dialog: Locator) => Promise<void> = async () => {},
) {
  await expect(opener).toBeEnabled();
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await whileOpen(dialog);
  await expect.poll(() => shownOpacity(dialog)).toBe(1);
  await expectAccessible(page, what);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect
    .soft(opener, `focus back on the opener of ${what}`)
    .toBeFocused();
}

test.describe.configure({ timeout: 180_000 });

test('the suite’s pages and tabs have no serious or critical axe violations', async ({
  page,
}) => {
  await signInAsGuest(page);

  await expect(
    page.getByRole('region', { name: 'MesChain-Sync at a glance' }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'My services' })).toBeVisible();
  await settle(page);
  await expectAccessible(page, 'home page (fleet summary and your services)');

  await page.goto('/regions');
  await expect(page.getByRole('table', { name: 'Regions' })).toBeVisible();
  await expect(
    page
      .getByRole('group', { name: 'World map of regions' })
      .locator('[data-region-id]'),
  ).toHaveCount(7);
  await expectAccessible(page, 'Regions page');
  await page.getByRole('button', { name: /^DR readiness: / }).click();
  await expect(
    page.getByRole('region', { name: 'Failing DR checks' }),
  ).toBeVisible();
  await expectAccessible(page, 'Regions page, failing DR checks shown');
  await page.getByRole('checkbox', { name: /Edge locations/ }).check();
  await page
    .getByRole('group', { name: 'World map of regions' })
    .getByRole('button', { name: /\(tr-central\)/ })
    .click();
  await expect(
    page.getByRole('table', { name: 'Services in tr-central' }),
  ).toBeVisible();
  await expectAccessible(
    page,
    'Regions page, edge locations shown and tr-central selected',
  );

  await page.goto('/cost');
  await expect(page.getByRole('region', { name: 'Total cost' })).toBeVisible();
  await settle(page);
  await expectAccessible(page, 'Cost page');

  await page.goto(component('marketplace-service'));
  await expect(
    page.getByRole('table', { name: 'Replicas per region' }),
  ).toBeVisible();
  await settle(page);
  await expectAccessible(page, 'service overview (scaling and regions cards)');

  for (const [service, who] of [
    ['logging-service', 'own service'],
    ['order-service', 'another team’s service'],
  ]) {
    await page.goto(component(service, 'scaling'));
    await expect(
      page.getByRole('row', { name: /^eu-west/ }).first(),
    ).toContainText(/\d+ desired/);
    await expect(page.getByRole('region', { name: 'History' })).toBeVisible();
    await settle(page);
    await expectAccessible(page, `Scaling tab, ${who}`);
  }

  for (const [service, strategy] of [
    ['monitoring-service', 'canary'],
    ['user-service', 'blue-green'],
    ['product-service', 'A/B'],
    ['logging-service', 'Deployment'],
  ]) {
    await page.goto(component(service, 'deployments'));
    await expect(
      page.getByRole('region', { name: `Rollout of ${service} in eu-west` }),
    ).toBeVisible();
    await settle(page);
    await expectAccessible(page, `Deployments tab, ${strategy}`);
  }

  await page.goto(component('order-service', 'cost'));
  await expect(page.getByRole('region', { name: 'Total cost' })).toBeVisible();
  await settle(page);
  await expectAccessible(page, 'Cost tab');

  await page.goto('/catalog/default/group/platform-team');
  await expect(page.getByRole('region', { name: 'Team cost' })).toBeVisible();
  await settle(page);
  await expectAccessible(page, 'team page (cost card)');
});

test('the suite’s dialogs have no serious or critical axe violations and give focus back', async ({
  page,
}) => {
  await signInAsGuest(page);

  await page.goto(component('logging-service', 'scaling'));
  await auditDialog(
    page,
    'scale dialog, HPA bounds',
    page.getByRole('button', { name: 'Scale logging-service in us-east' }),
    dialog => expect(dialog.getByLabel('Minimum replicas')).toBeVisible(),
  );
  await auditDialog(
    page,
    'policy editor',
    page.getByRole('button', { name: 'Edit policy' }),
    async dialog => {
      await dialog.getByLabel('Preset').selectOption('cpu');
      await expectAccessible(page, 'policy editor, preset chosen');
      await dialog.getByLabel('All regions').check();
      await dialog.getByRole('button', { name: 'Preview' }).click();
      await expect(
        dialog.getByRole('region', { name: 'Preview for eu-west' }),
      ).toBeVisible();
    },
  );

  // Every workload of the demo has an HPA; without it, the dialog sets the
  // replicas themselves.
  await page.route('**/api/scaling/entities/**/scaling', async route => {
    const response = await route.fetch();
    const state = await response.json();
    for (const cluster of state.clusters) {
      for (const workload of cluster.workloads ?? []) {
        delete workload.autoscaler;
      }
    }
    await route.fulfill({ response, json: state });
  });
  await page.reload();
  await auditDialog(
    page,
    'scale dialog, replicas',
    page.getByRole('button', { name: 'Scale logging-service in us-east' }),
    dialog => expect(dialog.getByLabel('Replicas')).toBeVisible(),
  );
  await page.unrouteAll();

  for (const [service, region] of [
    ['monitoring-service', 'us-east'],
    ['logging-service', 'us-east'],
  ]) {
    await page.goto(component(service, 'deployments'));
    const panel = page.getByRole('region', {
      name: `Rollout of ${service} in ${region}`,
    });
    await expect(panel.getByText(/^Stable: /)).toBeVisible();
    await settle(page);
    const actions = panel.getByRole('button', {
      name: new RegExp(` ${service} in ${region}$`),
      disabled: false,
    });
    for (const action of await actions.all()) {
      const name = (await action.getAttribute('aria-label'))!;
      await auditDialog(page, `rollout action dialog: ${name}`, action);
    }
  }
  // Promote, abort and roll back apply only to a paused canary or an older
  // revision; keyboard.test.ts audits their dialogs once it has made them.
});
