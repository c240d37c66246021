import { Locator, Page } from '@playwright/test';
import { expect, screenshotDir, services, signInAsGuest, test } from './portal';
import { regionsOverviewAtScale } from './regionsAtScale';

function worldMap(page: Page): Locator {
  return page.getByRole('group', { name: 'World map of regions' });
}

/** The centre of each region marker on screen, by region id. */
async function markerCentres(map: Locator) {
  const centres = new Map<string, { x: number; y: number }>();
  for (const marker of await map.locator('[data-region-id]').all()) {
    const box = (await marker.boundingBox())!;
    centres.set((await marker.getAttribute('data-region-id'))!, {
      x: box.x + box.width / 2,
      y: box.y + box.height / 2,
    });
  }
  return centres;
}

test('the Regions page maps the seven regions, their DR arcs and tr-central’s services', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Regions' })
    .click();
  await expect(page).toHaveURL(/\/regions$/);

  const map = worldMap(page);
  await expect(map.locator('[data-region-id]')).toHaveCount(7);

  // West to east and north to south, as the regions' cities lie.
  const at = await markerCentres(map);
  const byLongitude = [
    'us-west',
    'us-east',
    'eu-west',
    'eu-central',
    'tr-central',
    'ap-southeast',
    'ap-northeast',
  ];
  for (let i = 1; i < byLongitude.length; i++) {
    expect(at.get(byLongitude[i - 1])!.x).toBeLessThan(
      at.get(byLongitude[i])!.x,
    );
  }
  const byLatitude = [
    'eu-west',
    'eu-central',
    'us-west',
    'tr-central',
    'us-east',
    'ap-northeast',
    'ap-southeast',
  ];
  for (let i = 1; i < byLatitude.length; i++) {
    expect(at.get(byLatitude[i - 1])!.y).toBeLessThan(at.get(byLatitude[i])!.y);
  }
  // Singapore sits just north of the equator, in the middle of the map's height.
  const mapBox = (await map.boundingBox())!;
  const equator = mapBox.y + mapBox.height / 2;
  expect(at.get('ap-southeast')!.y).toBeLessThan(equator);
  expect(at.get('ap-southeast')!.y).toBeGreaterThan(
    equator - mapBox.height * 0.03,
  );

  const arcs = map.getByTestId('dr-arcs').locator('path');
  await expect(arcs).toHaveCount(7);
  await expect(
    map.locator('path[data-from="tr-central"][data-to="eu-central"]'),
  ).toHaveCount(1);
  await expect(
    map.locator('path[data-from="us-east"][data-to="us-west"]'),
  ).toHaveCount(1);

  await expect(
    page.getByRole('table', { name: 'Regions' }).getByRole('row'),
  ).toHaveCount(8);

  const edgeSwitch = page.getByRole('checkbox', { name: /Edge locations/ });
  await edgeSwitch.check();
  await expect(map.getByTestId('edge-locations').locator('circle')).toHaveCount(
    75,
  );
  await page.screenshot({ path: `${screenshotDir}/regions-map.png` });
  await edgeSwitch.uncheck();
  await expect(map.getByTestId('edge-locations')).toHaveCount(0);

  await map.getByRole('button', { name: /\(tr-central\)/ }).click();
  const trServices = page.getByRole('table', {
    name: 'Services in tr-central',
  });
  for (const service of services) {
    await expect(
      trServices.getByRole('row', {
        name: new RegExp(service.replace('-', '.'), 'i'),
      }),
    ).toHaveCount(1);
  }
  const marketplaceDr = page.getByRole('region', {
    name: /DR readiness of .*marketplace-service/,
  });
  await expect(marketplaceDr).toContainText('tr-central → eu-central, fail');
  await expect(
    marketplaceDr.locator('[data-check-id="same-image"]'),
  ).toContainText(/1\.11\.4/);
  await page.screenshot({
    path: `${screenshotDir}/regions-tr-central.png`,
    fullPage: true,
  });
});

test('a service page shows the regions it runs in and its DR verdict', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/marketplace-service');

  const placements = page.getByRole('table', { name: 'Replicas per region' });
  const card = page.locator('.MuiCard-root').filter({ has: placements });
  await expect(card.getByLabel('DR verdict')).toHaveText('DR readiness: fail');
  for (const region of ['us-east', 'eu-west', 'ap-southeast', 'tr-central']) {
    await expect(
      placements.getByRole('row', { name: new RegExp(`^${region}`) }).first(),
    ).toContainText(/\d+ of \d+/);
  }
  await expect(
    card
      .getByRole('group', {
        name: /Regions of component:default\/marketplace-service/,
      })
      .locator('[data-region-id]'),
  ).not.toHaveCount(0);
  const fromTrCentral = card.getByRole('region', {
    name: 'DR readiness of component:default/marketplace-service in tr-central',
  });
  await expect(fromTrCentral).toContainText('tr-central → eu-central, fail');
  await expect(
    fromTrCentral.locator('[data-check-id="same-image"]'),
  ).toContainText('partner: meschain/marketplace-service:1.11.4');
});

test('the map renders 40 regions and 500 edge locations quickly', async ({
  page,
}) => {
  const overview = regionsOverviewAtScale(40, 500);
  await page.route('**/api/scaling/regions', route =>
    route.fulfill({ json: overview }),
  );
  await signInAsGuest(page);

  const started = Date.now();
  await page.goto('/regions');
  const map = worldMap(page);
  await expect(map.locator('[data-region-id]')).toHaveCount(40);
  const pageReadyMs = Date.now() - started;

  // Time in the page, from the click to the frame that shows every edge location.
  const timeToFrame = (selector: string, count: number) =>
    page.evaluate(
      ([sel, n]) =>
        new Promise<number>(done => {
          const t0 = performance.now();
          const poll = () => {
            if (document.querySelectorAll(sel as string).length === n) {
              requestAnimationFrame(() => done(performance.now() - t0));
            } else {
              requestAnimationFrame(poll);
            }
          };
          poll();
          document
            .querySelector<HTMLInputElement>('input[type="checkbox"]')!
            .click();
        }),
      [selector, count] as const,
    );
  const edgeOnMs = await timeToFrame(
    '[data-testid="edge-locations"] circle',
    500,
  );
  const selectMs = await page.evaluate(
    () =>
      new Promise<number>(done => {
        const t0 = performance.now();
        document
          .querySelector('[data-region-id="region-7"]')!
          .dispatchEvent(new MouseEvent('click', { bubbles: true }));
        const poll = () =>
          document.querySelector(
            '[data-region-id="region-7"][aria-pressed="true"]',
          )
            ? requestAnimationFrame(() => done(performance.now() - t0))
            : requestAnimationFrame(poll);
        poll();
      }),
  );
  await expect(map.getByTestId('dr-arcs').locator('path')).toHaveCount(40);

  // eslint-disable-next-line no-console
  console.log(
    `Regions map at scale (40 regions, 500 edge locations): page ready ${pageReadyMs} ms, edge layer on ${edgeOnMs.toFixed(
      0,
    )} ms, region selected ${selectMs.toFixed(0)} ms`,
  );
  test.info().annotations.push({
    type: 'timing',
    description: `pageReady=${pageReadyMs}ms edgeOn=${edgeOnMs.toFixed(
      0,
    )}ms select=${selectMs.toFixed(0)}ms`,
  });
  expect(edgeOnMs).toBeLessThan(1000);
  expect(selectMs).toBeLessThan(500);
});
