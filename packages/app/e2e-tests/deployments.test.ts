import { Locator, Page } from '@playwright/test';
import { expect, screenshotDir, signInAsGuest, test } from './portal';

const service = 'monitoring-service';
const region = 'eu-west';
const where = `${service} in ${region}`;

/** Records how long a rollback took as the tab showed it (it reads every 2 s while a rollout moves). */
function reportRollbackTime(what: string, startedAt: number) {
  const description = `${what}: ${((Date.now() - startedAt) / 1000).toFixed(
    1,
  )} s from the roll back click until the tab showed the old revision stable and healthy`;
  test.info().annotations.push({ type: 'rollback time', description });
  // eslint-disable-next-line no-console
  console.log(description);
}

/** Clicks an action's button on the rollout, checks what the dialog says it will do, and confirms. */
async function runAction(
  page: Page,
  button: Locator,
  confirmLabel: string | RegExp,
  expectedEffect: RegExp,
) {
  await expect(button).toBeEnabled();
  await button.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(expectedEffect)).toBeVisible();
  await dialog
    .getByRole('button', {
      name: confirmLabel,
      exact: typeof confirmLabel === 'string',
    })
    .click();
  await expect(dialog).toBeHidden();
}

test('a team starts a canary on its service, promotes it step by step and rolls it back', async ({
  page,
}) => {
  // Three promotes, each followed by pods becoming ready on the sandbox.
  test.setTimeout(240_000);
  await signInAsGuest(page);
  await page.goto(`/catalog/default/component/${service}`);
  await page.getByRole('link', { name: 'Deployments', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${service}/deployments`));

  const rollout = page.getByRole('region', { name: `Rollout of ${where}` });
  const steps = page.getByRole('region', { name: `Canary steps of ${where}` });
  await expect(rollout.getByText(/^Healthy/)).toBeVisible();
  const stableLine = await rollout.getByText(/^Stable: /).innerText();
  const oldImage = stableLine.replace(/^Stable: /, '').trim();
  const newImage = `${oldImage.replace(/:.*$/, '')}:9.${Date.now() % 100000}.0`;

  // Start a canary by setting a new image tag.
  await rollout.getByRole('button', { name: `Set image ${where}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(/starts a new canary/)).toBeVisible();
  await dialog.getByLabel('New image').fill(newImage);
  await dialog.getByRole('button', { name: 'Set image', exact: true }).click();
  await expect(dialog).toBeHidden();

  await expect(
    steps.getByText('Step 2 of 6: Pause until promoted'),
  ).toBeVisible({ timeout: 60_000 });
  await expect(steps.getByText(/Canary weight: 20 % set/)).toBeVisible();
  await expect(steps.getByText('waiting for promote')).toBeVisible();
  await expect(
    rollout.getByText(`Stable: ${oldImage} · New: ${newImage}`),
  ).toBeVisible();
  await page.screenshot({
    path: `${screenshotDir}/${service}-canary-paused.png`,
    fullPage: true,
  });

  const promote = rollout.getByRole('button', { name: `Promote ${where}` });
  await runAction(
    page,
    promote,
    'Promote',
    /moves the canary on to step 3 of 6: Weight 50 %/,
  );
  await expect(steps.getByText('Step 4 of 6: Pause 1 min')).toBeVisible({
    timeout: 60_000,
  });
  await expect(steps.getByText(/Canary weight: 50 % set/)).toBeVisible();
  // The timed pause counts down live.
  await expect(steps.getByText(/\d+ s left$/)).toBeVisible();
  await page.screenshot({
    path: `${screenshotDir}/${service}-canary-timed-pause.png`,
    fullPage: true,
  });

  await runAction(
    page,
    promote,
    'Promote',
    /moves the canary on to step 5 of 6: Weight 80 %/,
  );
  await expect(steps.getByText('Step 6 of 6: Pause 1 min')).toBeVisible({
    timeout: 60_000,
  });
  await expect(steps.getByText(/Canary weight: 80 % set/)).toBeVisible();

  await runAction(
    page,
    promote,
    'Promote',
    /canary becomes the stable version/,
  );
  await expect(steps.getByText('All 6 steps done')).toBeVisible({
    timeout: 60_000,
  });
  await expect(rollout.getByText(/^Healthy/)).toBeVisible({ timeout: 60_000 });
  await expect(
    rollout.getByText(`Stable: ${newImage}`, { exact: true }),
  ).toBeVisible();
  await page.screenshot({
    path: `${screenshotDir}/${service}-canary-done.png`,
    fullPage: true,
  });

  // Roll back to the revision that ran the old image.
  const oldRevision = rollout
    .getByRole('row')
    .filter({ hasText: oldImage })
    .first();
  const rollbackStartedAt = Date.now();
  await runAction(
    page,
    oldRevision.getByRole('button', { name: /^Roll back / }),
    /^Roll back to revision \d+$/,
    new RegExp(
      `Returns to revision \\d+ \\(${oldImage.replace(/[.]/g, '\\.')}\\)`,
    ),
  );
  await expect(
    rollout.getByText(`Stable: ${oldImage}`, { exact: true }),
  ).toBeVisible({
    timeout: 60_000,
  });
  await expect(rollout.getByText(/^Healthy/)).toBeVisible({ timeout: 60_000 });
  await expect(
    rollout.getByRole('row').filter({ hasText: oldImage }).getByText('current'),
  ).toBeVisible();
  reportRollbackTime(`Rollout ${where}`, rollbackStartedAt);

  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByText('Rolled back').first()).toBeVisible();
  await expect(history.getByText('Promoted rollout').first()).toBeVisible();
  await expect(history.getByText('Set image').first()).toBeVisible();
  await page.screenshot({
    path: `${screenshotDir}/${service}-rolled-back.png`,
    fullPage: true,
  });
});

test('a team rolls a Deployment out to a new image and back to an earlier revision', async ({
  page,
}) => {
  const deployment = 'logging-service';
  const at = `${deployment} in tr-central`;
  await signInAsGuest(page);
  await page.goto(`/catalog/default/component/${deployment}/deployments`);

  const panel = page.getByRole('region', { name: `Rollout of ${at}` });
  const update = page.getByRole('region', { name: `Rolling update of ${at}` });
  await expect(panel.getByText(/^Healthy/)).toBeVisible();
  const oldImage = (await panel.getByText(/^Stable: /).innerText())
    .replace(/^Stable: /, '')
    .trim();
  const newImage = `${oldImage.replace(/:.*$/, '')}:9.${Date.now() % 100000}.0`;

  await panel.getByRole('button', { name: `Set image ${at}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(/starts a rolling update/)).toBeVisible();
  await dialog.getByLabel('New image').fill(newImage);
  await dialog.getByRole('button', { name: 'Set image', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(
    panel.getByText(`Stable: ${newImage}`, { exact: true }),
  ).toBeVisible({ timeout: 60_000 });
  await expect(update.getByText(/NewReplicaSetAvailable/)).toBeVisible();

  const oldRevision = panel
    .getByRole('row')
    .filter({ hasText: oldImage })
    .first();
  const rollbackStartedAt = Date.now();
  await runAction(
    page,
    oldRevision.getByRole('button', { name: /^Roll back / }),
    /^Roll back to revision \d+$/,
    /Returns to revision \d+/,
  );
  await expect(
    panel.getByText(`Stable: ${oldImage}`, { exact: true }),
  ).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByText(/^Healthy/)).toBeVisible({ timeout: 60_000 });
  reportRollbackTime(`Deployment ${at}`, rollbackStartedAt);
  await page.screenshot({
    path: `${screenshotDir}/${deployment}-rolled-back.png`,
    fullPage: true,
  });
});

test('the platform team, an admin group, may act on another team’s rollouts', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/order-service/deployments');

  // order-service belongs to commerce-team; the guest's platform-team is in
  // permission.scaling.adminGroups, so its actions are enabled. The unit tests
  // cover a user who may not act.
  await expect(
    page.getByRole('button', { name: 'Set image order-service in eu-west' }),
  ).toBeEnabled();
  await expect(
    page.getByText(/Only the owners of this service may act on its rollouts/),
  ).toHaveCount(0);
});
