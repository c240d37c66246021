import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { CostWindow } from '@meschain/backstage-plugin-scaling-common';
import { Sandbox, startSandbox } from '@meschain/kube-sandbox';
import { createCostEntityMapping } from './costEntityMapping';
import { CostIngestion, createCostIngestion } from './createCostIngestion';
import { createOpenCostSource } from './createOpenCostSource';
import { createScheduledCostIngestion } from './createScheduledCostIngestion';
import { DatabaseCostStore, DatabaseCostUsageStore } from './store';

jest.setTimeout(120_000);

// The sandbox starts at 06:00 on the 20th; its default fleet has run its
// seed for 90 days by then, so every day before holds cost.
const NOW = new Date('2026-11-20T10:30:00Z');
const INITIAL = { start: '2026-11-16', end: '2026-11-20' };
const RECENT = { start: '2026-11-19', end: '2026-11-21' };
const REGIONS = ['us-east', 'eu-west'];

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'the scheduled cost ingestion on %p',
  databaseId => {
    let sandbox: Sandbox;

    beforeAll(async () => {
      sandbox = await startSandbox({
        port: 0,
        speed: 0,
        startTime: Date.parse('2026-11-20T06:00:00Z'),
      });
    });

    afterAll(() => sandbox.close());

    it('loads the initial days once per cluster that has none complete, and the recent days every run', async () => {
      const database = mockServices.database({
        knex: await databases.init(databaseId),
        migrations: { skip: false },
      });
      const store = await DatabaseCostStore.create({ database });
      const source = createOpenCostSource({
        clusters: REGIONS.map(region => ({
          name: `meschain-${region}`,
          region,
          url: sandbox.clusterUrl(region, 'http'),
        })),
      });
      const ingestion = createCostIngestion({
        source,
        store,
        usage: await DatabaseCostUsageStore.create({ database }),
        loadMapping: async () => createCostEntityMapping([]),
        logger: mockServices.logger.mock(),
        hourlyDays: 1,
        now: () => NOW,
      });
      const asked: { window: CostWindow; clusters?: string[] }[] = [];
      const recording: CostIngestion = {
        ingest: (window, options) => {
          asked.push({ window, clusters: options?.clusters });
          return ingestion.ingest(window, options);
        },
      };
      const refreshRecommendations = jest.fn(async () => {});
      const run = createScheduledCostIngestion({
        ingestion: recording,
        refreshRecommendations,
        store,
        source,
        settings: { ingestDays: 2, initialDays: 4 },
        logger: mockServices.logger.mock(),
        now: () => NOW,
      });
      const statusOf = async (cluster: string) =>
        (await store.listRuns(INITIAL))
          .filter(r => r.cluster === cluster)
          .map(r => r.status);

      // eu-west's OpenCost is unreachable on the first run.
      sandbox.faults.set('eu-west', { mode: 'down' });
      await run();
      expect(asked).toEqual([
        {
          window: INITIAL,
          clusters: ['meschain-us-east', 'meschain-eu-west'],
        },
        { window: RECENT, clusters: undefined },
      ]);
      expect(await statusOf('meschain-us-east')).toEqual(
        Array(4).fill('complete'),
      );
      expect(await statusOf('meschain-eu-west')).toEqual(
        Array(4).fill('failed'),
      );
      const firstDay = { start: INITIAL.start, end: '2026-11-17' };
      expect(await store.total('org', firstDay)).toBeGreaterThan(0);
      expect(refreshRecommendations).toHaveBeenCalledTimes(1);

      // The next run loads eu-west's initial days only.
      sandbox.faults.clear();
      asked.length = 0;
      await run();
      expect(asked).toEqual([
        { window: INITIAL, clusters: ['meschain-eu-west'] },
        { window: RECENT, clusters: undefined },
      ]);
      expect(await statusOf('meschain-eu-west')).toEqual(
        Array(4).fill('complete'),
      );
      const orgFirstDay = await store.total('org', firstDay);

      // Once every cluster has its history, runs read the recent days only,
      // and reading a day again replaces it rather than adding to it.
      asked.length = 0;
      await run();
      expect(asked).toEqual([{ window: RECENT, clusters: undefined }]);
      await ingestion.ingest(firstDay);
      expect(await store.total('org', firstDay)).toBe(orgFirstDay);
    });
  },
);
