import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { DatabaseCostStore } from './DatabaseCostStore';
import { DailyCostRow } from './types';

jest.setTimeout(60_000);

function row(
  allocation: string,
  entityRef: string,
  ownerRef: string,
  cpu: number,
  memory: number,
): DailyCostRow {
  return {
    allocation,
    entityRef,
    ownerRef,
    cost: { cpu, memory, storage: 0, network: 0, shared: 0, idle: 0 },
    total: cpu + memory,
    cpuRequestCoreHours: 24,
    cpuUsageCoreHours: 12,
    memoryRequestGiBHours: 48,
    memoryUsageGiBHours: 24,
  };
}

const ORDERS = 'component:default/order-service';
const USERS = 'component:default/user-service';
const COMMERCE = 'group:default/commerce-team';
const PLATFORM = 'group:default/platform-team';

describe('DatabaseCostStore', () => {
  const databases = TestDatabases.create();

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    return DatabaseCostStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
  }

  it.each(databases.eachSupportedId())(
    'replaces a re-ingested day instead of adding to it, rollups included, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const day = {
        day: '2026-10-31',
        cluster: 'meschain-eu-west',
        region: 'eu-west',
        rows: [
          row('sync/deployment:order-service', ORDERS, COMMERCE, 3, 1),
          row('sync/deployment:user-service', USERS, PLATFORM, 2, 0.5),
        ],
        skipped: [],
      };
      await store.replaceDay(day);
      const run = await store.replaceDay(day);

      expect(run).toMatchObject({ status: 'complete', stored: 2, total: 6.5 });
      const window = { start: '2026-10-01', end: '2026-11-01' };
      expect(await store.total('org', window)).toBe(6.5);
      expect(await store.total({ ownerRef: COMMERCE }, window)).toBe(4);
      expect(await store.total({ entityRef: ORDERS }, window)).toBe(4);
      expect(await store.entityTotals(undefined, window)).toEqual(
        expect.arrayContaining([
          {
            entityRef: ORDERS,
            ownerRef: COMMERCE,
            region: 'eu-west',
            total: 4,
          },
          {
            entityRef: USERS,
            ownerRef: PLATFORM,
            region: 'eu-west',
            total: 2.5,
          },
        ]),
      );

      await store.replaceDay({ ...day, rows: [day.rows[0]] });
      expect(await store.total('org', window)).toBe(4);
      expect(await store.entityTotals(undefined, window)).toEqual([
        { entityRef: ORDERS, ownerRef: COMMERCE, region: 'eu-west', total: 4 },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'adds whole months from the monthly rollup to the edge days, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const days = ['2026-08-31', '2026-09-01', '2026-09-30', '2026-10-01'];
      for (const [i, day] of days.entries()) {
        await store.replaceDay(
          {
            day,
            cluster: 'meschain-us-east',
            region: 'us-east',
            rows: [row('a', ORDERS, COMMERCE, 10 ** i, 0)],
            skipped: [],
          },
          { refreshRollups: false },
        );
      }
      await store.refreshRollups(days);

      expect(
        await store.entityTotals(COMMERCE, {
          start: '2026-08-31',
          end: '2026-10-02',
        }),
      ).toEqual([
        {
          entityRef: ORDERS,
          ownerRef: COMMERCE,
          region: 'us-east',
          total: 1111,
        },
      ]);
      expect(
        await store.ownerMonths({ start: '2026-08-01', end: '2026-11-01' }),
      ).toEqual([
        { month: '2026-08', ownerRef: COMMERCE, region: 'us-east', total: 1 },
        { month: '2026-09', ownerRef: COMMERCE, region: 'us-east', total: 110 },
        {
          month: '2026-10',
          ownerRef: COMMERCE,
          region: 'us-east',
          total: 1000,
        },
      ]);
      expect(
        (
          await store.entityDays(ORDERS, {
            start: '2026-09-01',
            end: '2026-10-01',
          })
        ).map(d => [d.day, d.cost.cpu]),
      ).toEqual([
        ['2026-09-01', 10],
        ['2026-09-30', 100],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'marks a day with skipped entries incomplete, and a failed read failed without losing what was stored, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.replaceDay({
        day: '2026-11-01',
        cluster: 'meschain-eu-west',
        region: 'eu-west',
        rows: [row('a', ORDERS, COMMERCE, 1, 1)],
        skipped: [{ name: 'b', reason: 'cpuCost is negative (-1)' }],
      });
      const failed = await store.recordFailure({
        day: '2026-11-01',
        cluster: 'meschain-eu-west',
        region: 'eu-west',
        reason: 'OpenCost answered 500',
      });

      expect(failed).toMatchObject({ status: 'failed', stored: 1, total: 2 });
      const window = { start: '2026-11-01', end: '2026-11-02' };
      expect(await store.total('org', window)).toBe(2);
      await store.replaceDay({
        day: '2026-11-01',
        cluster: 'meschain-eu-west',
        region: 'eu-west',
        rows: [row('a', ORDERS, COMMERCE, 1, 1)],
        skipped: [{ name: 'b', reason: 'cpuCost is negative (-1)' }],
      });
      expect(await store.listRuns(window)).toEqual([
        {
          date: '2026-11-01',
          cluster: 'meschain-eu-west',
          region: 'eu-west',
          status: 'incomplete',
          reason:
            '1 malformed allocation(s) skipped: b: cpuCost is negative (-1)',
          stored: 1,
          skipped: 1,
          total: 2,
        },
      ]);
    },
  );
  it.each(databases.eachSupportedId())(
    'takes every cluster of a day at once without the rollups colliding, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const regions = ['us-east', 'eu-west', 'tr-central', 'ap-southeast'];

      const runs = await Promise.all(
        regions.map(region =>
          store.replaceDay({
            day: '2026-11-02',
            cluster: `meschain-${region}`,
            region,
            rows: [row('a', ORDERS, COMMERCE, 1, 0.5)],
            skipped: [],
          }),
        ),
      );

      expect(runs.map(r => r.status)).toEqual(regions.map(() => 'complete'));
      const window = { start: '2026-11-02', end: '2026-11-03' };
      expect(await store.total({ ownerRef: COMMERCE }, window)).toBe(6);
      expect(
        (await store.entityTotals(COMMERCE, window)).map(t => t.region).sort(),
      ).toEqual([...regions].sort());
    },
  );
});
