import { Locator, Page } from '@playwright/test';
import { expectAccessible } from './accessibility';
import { expect, signInAsGuest, test } from './portal';

/**
 * Presses Tab until `target` has the focus, as a keyboard user would reach
 * it; fails when `limit` presses do not get there.
 */
async function tabTo(page: Page, target: Locator, limit = 250) {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate(element => element === document.activeElement)) {
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`${target} is not reached with ${limit} presses of Tab`);
}

/** Replaces what the focused field holds with `text`, from the keyboard. */
async function retype(page: Page, text: string) {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** Tabs to `opener`, opens its dialog with Enter, and returns the dialog. */
async function openWithKeyboard(page: Page, opener: Locator) {
  await tabTo(page, opener);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Escape closes the dialog and gives the focus back to `opener`. */
async function escapeFrom(page: Page, dialog: Locator, opener: Locator) {
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
}

/** Tabs to the dialog's button named `confirm`, presses Enter, and checks that focus went back to `opener`. */
async function confirmWithKeyboard(
  page: Page,
  dialog: Locator,
  confirm: string,
  opener: Locator,
) {
  await tabTo(page, dialog.getByRole('button', { name: confirm, exact: true }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
}

test('a team scales a region and promotes a canary with the keyboard alone', async ({
  page,
}) => {
  // A canary started, promoted and promoted fully on the sandbox.
  test.setTimeout(240_000);
  await signInAsGuest(page);

  // Scale: logging-service's HPA owns its replicas, so the dialog changes
  // the HPA's minimum. It goes down by one, or up from one, so runs alternate.
  await page.goto('/catalog/default/component/logging-service/scaling');
  const row = page.getByRole('row', { name: /^ap-southeast/ }).first();
  await expect(row).toContainText(/\d+ desired/);
  const scale = page.getByRole('button', {
    name: 'Scale logging-service in ap-southeast',
  });
  const scaleDialog = await openWithKeyboard(page, scale);
  const minimum = scaleDialog.getByLabel('Minimum replicas');
  await tabTo(page, minimum);
  const current = Number(await minimum.inputValue());
  const next = current >= 2 ? current - 1 : current + 1;
  await retype(page, String(next));
  await confirmWithKeyboard(page, scaleDialog, 'Confirm', scale);
  await expect(
    row.getByText(new RegExp(`HPA logging-service: ${next} to \\d+ replicas`)),
  ).toBeVisible();

  // Promote: start a canary on monitoring-service by setting a new image,
  // promote it past its first pause, then promote it fully so the next run
  // starts from a healthy rollout again.
  const where = 'monitoring-service in ap-southeast';
  await page.goto('/catalog/default/component/monitoring-service/deployments');
  const rollout = page.getByRole('region', { name: `Rollout of ${where}` });
  const steps = page.getByRole('region', { name: `Canary steps of ${where}` });
  await expect(rollout.getByText(/^Healthy/)).toBeVisible({ timeout: 60_000 });
  const oldImage = (await rollout.getByText(/^Stable: /).innerText())
    .replace(/^Stable: /, '')
    .trim();
  const newImage = `${oldImage.replace(/:.*$/, '')}:8.${Date.now() % 100000}.0`;

  const setImage = rollout.getByRole('button', { name: `Set image ${where}` });
  const imageDialog = await openWithKeyboard(page, setImage);
  await tabTo(page, imageDialog.getByLabel('New image'));
  await retype(page, newImage);
  await confirmWithKeyboard(page, imageDialog, 'Set image', setImage);
  await expect(
    steps.getByText('Step 2 of 6: Pause until promoted'),
  ).toBeVisible({ timeout: 60_000 });

  // The dialogs that only a paused canary offers get their axe check here.
  const abort = rollout.getByRole('button', { name: `Abort ${where}` });
  const abortDialog = await openWithKeyboard(page, abort);
  await expectAccessible(page, 'abort dialog');
  await escapeFrom(page, abortDialog, abort);

  const promote = rollout.getByRole('button', { name: `Promote ${where}` });
  const promoteDialog = await openWithKeyboard(page, promote);
  await expect(
    promoteDialog.getByText(/moves the canary on to step 3 of 6: Weight 50 %/),
  ).toBeVisible();
  await expectAccessible(page, 'promote dialog');
  await confirmWithKeyboard(page, promoteDialog, 'Promote', promote);
  await expect(steps.getByText('Step 4 of 6: Pause 1 min')).toBeVisible({
    timeout: 60_000,
  });
  await expect(steps.getByText(/Canary weight: 50 % set/)).toBeVisible();

  const promoteFull = rollout.getByRole('button', {
    name: `Promote full ${where}`,
  });
  const fullDialog = await openWithKeyboard(page, promoteFull);
  await expectAccessible(page, 'promote full dialog');
  await confirmWithKeyboard(page, fullDialog, 'Promote full', promoteFull);
  await expect(
    rollout.getByText(`Stable: ${newImage}`, { exact: true }),
  ).toBeVisible({ timeout: 60_000 });
  await expect(rollout.getByText(/^Healthy/)).toBeVisible({ timeout: 60_000 });

  // The old image is now an earlier revision, which can be rolled back to.
  const rollBack = rollout
    .getByRole('row')
    .filter({ hasText: oldImage })
    .first()
    .getByRole('button', { name: /^Roll back / });
  const rollBackDialog = await openWithKeyboard(page, rollBack);
  await expectAccessible(page, 'roll back dialog');
  await escapeFrom(page, rollBackDialog, rollBack);
});
