import {
  TestDatabases,
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createCostEntityMapping } from './costEntityMapping';
import { createCostIngestion } from './createCostIngestion';
import { createOpenCostSource } from './createOpenCostSource';
import {
  openCostEntry,
  recordedAllocationDay,
} from './openCostAllocationFixtures';
import { DatabaseCostStore, DatabaseCostUsageStore } from './store';

jest.setTimeout(60_000);

const OPENCOST = 'http://opencost.eu-west.example.com';
const cluster = { name: 'meschain-eu-west', region: 'eu-west', url: OPENCOST };

const catalog = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'order-service', namespace: 'default' },
    spec: { owner: 'commerce-team' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/commerce-team' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'logging-service', namespace: 'default' },
    spec: { owner: 'platform-team' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/platform-team' }],
  },
];

describe('OpenCost cost source and ingestion', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const databases = TestDatabases.create();
  const requests: URL[] = [];

  function serve(body: unknown, status = 200) {
    server.use(
      http.get(`${OPENCOST}/allocation`, ({ request }) => {
        requests.push(new URL(request.url));
        return HttpResponse.json(body as object, { status });
      }),
    );
  }

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const database = mockServices.database({
      knex: await databases.init(databaseId),
      migrations: { skip: false },
    });
    const store = await DatabaseCostStore.create({ database });
    const usage = await DatabaseCostUsageStore.create({ database });
    const logger = mockServices.logger.mock();
    const ingestion = createCostIngestion({
      source: createOpenCostSource({ clusters: [cluster] }),
      store,
      usage,
      loadMapping: async () => createCostEntityMapping(catalog),
      logger,
      hourlyDays: 14,
      now: () => new Date('2026-11-20T10:30:00Z'),
    });
    return { store, usage, ingestion, logger };
  }

  beforeEach(() => {
    requests.length = 0;
  });

  it.each(databases.eachSupportedId())(
    'asks for one accumulated day by namespace and controller, and stores it by entity and resource, on %p',
    async databaseId => {
      serve(recordedAllocationDay);
      const { store, ingestion } = await setup(databaseId);

      const [run] = await ingestion.ingest({
        start: '2026-11-01',
        end: '2026-11-02',
      });

      expect(requests[0].searchParams.get('window')).toBe(
        '2026-11-01T00:00:00Z,2026-11-02T00:00:00Z',
      );
      expect(requests[0].searchParams.get('aggregate')).toBe(
        'namespace,controller',
      );
      expect(requests[0].searchParams.get('accumulate')).toBe('true');
      expect(run).toMatchObject({ status: 'complete', stored: 4, total: 4.9 });

      const window = { start: '2026-11-01', end: '2026-11-02' };
      const [orders] = await store.entityDays(
        'component:default/order-service',
        window,
      );
      expect(orders.region).toBe('eu-west');
      expect(orders.cost).toEqual({
        cpu: 0.96,
        memory: 0.24,
        storage: 0.3,
        network: expect.closeTo(0.15, 10),
        shared: 0,
        idle: 0,
      });
      // kube-dns and idle capacity belong to nobody in the catalog.
      expect(await store.total({ entityRef: 'unallocated' }, window)).toBe(
        2.65,
      );
      const [idleDay] = await store.entityDays('unallocated', window);
      expect(idleDay.cost.idle).toBe(2.5);
      expect(
        await store.total({ ownerRef: 'group:default/platform-team' }, window),
      ).toBe(0.6);
    },
  );

  it.each(databases.eachSupportedId())(
    'logs and skips malformed entries, marks the day incomplete and stores only sound figures, on %p',
    async databaseId => {
      serve({
        code: 200,
        data: [
          {
            ...recordedAllocationDay.data[0],
            'meschain-sync/deployment:broken-a': openCostEntry('a', {
              cpuCost: null,
            }),
            'meschain-sync/deployment:broken-b': openCostEntry('b', {
              ramCost: 'NaN',
            }),
            'meschain-sync/deployment:broken-c': openCostEntry('c', {
              cpuCost: -3,
              totalCost: -2.76,
            }),
            'meschain-sync/deployment:broken-d': openCostEntry('d', {
              totalCost: 99,
            }),
          },
        ],
      });
      const { store, ingestion, logger } = await setup(databaseId);

      const [run] = await ingestion.ingest({
        start: '2026-11-01',
        end: '2026-11-02',
      });

      expect(run).toMatchObject({
        status: 'incomplete',
        stored: 4,
        skipped: 4,
        total: 4.9,
      });
      expect(run.reason).toContain('cpuCost is missing');
      expect(logger.warn).toHaveBeenCalledWith(
        'Skipped a malformed cost allocation',
        expect.objectContaining({
          allocation: 'meschain-sync/deployment:broken-b',
          reason: 'ramCost is not a finite number (NaN)',
        }),
      );
      expect(logger.warn).toHaveBeenCalledWith(
        'Skipped a malformed cost allocation',
        expect.objectContaining({ reason: 'cpuCost is negative (-3)' }),
      );
      expect(
        await store.total('org', { start: '2026-11-01', end: '2026-11-02' }),
      ).toBe(4.9);
    },
  );

  it.each(databases.eachSupportedId())(
    'records a day failed when OpenCost errors, without crashing or dropping the stored day, on %p',
    async databaseId => {
      const { store, ingestion } = await setup(databaseId);
      serve(recordedAllocationDay);
      await ingestion.ingest({ start: '2026-11-01', end: '2026-11-02' });
      serve({ code: 500, message: 'query timed out' }, 500);

      const [run] = await ingestion.ingest({
        start: '2026-11-01',
        end: '2026-11-02',
      });

      expect(run).toMatchObject({
        status: 'failed',
        reason:
          'OpenCost of cluster meschain-eu-west answered 500 Internal Server Error',
        stored: 4,
      });
      expect(
        await store.total('org', { start: '2026-11-01', end: '2026-11-02' }),
      ).toBe(4.9);
    },
  );

  it.each(databases.eachSupportedId())(
    'reads today by the hour up to the next full hour, and no day after it, on %p',
    async databaseId => {
      serve({ code: 200, data: Array(11).fill({}) });
      const { ingestion } = await setup(databaseId);

      const runs = await ingestion.ingest({
        start: '2026-11-20',
        end: '2026-11-23',
      });

      expect(runs.map(r => [r.date, r.status])).toEqual([
        ['2026-11-20', 'complete'],
      ]);
      expect(requests.map(r => r.searchParams.get('window'))).toEqual([
        '2026-11-20T00:00:00Z,2026-11-20T11:00:00Z',
      ]);
      expect(requests[0].searchParams.get('step')).toBe('1h');
      expect(requests[0].searchParams.get('accumulate')).toBe('false');
    },
  );

  it.each(databases.eachSupportedId())(
    'stores today as the sum of its hours, and keeps each whole hour’s usage, on %p',
    async databaseId => {
      // Eleven hourly sets up to 11:00; at 10:30 the last hour is not whole.
      serve({
        code: 200,
        data: Array.from({ length: 11 }, (_, hour) => ({
          'meschain-sync/deployment:order-service': openCostEntry(
            'meschain-sync/deployment:order-service',
            {
              minutes: hour === 10 ? 30 : 60,
              cpuCoreHours: 1,
              cpuCoreRequestAverage: 1,
              cpuCoreUsageAverage: 0.1 * (hour + 1),
              ramByteHours: 2147483648,
              cpuCost: 0.04,
              ramCost: 0.01,
              totalCost: 0.05,
            },
            recordedAllocationDay.data[0][
              'meschain-sync/deployment:order-service'
            ].properties,
          ),
        })),
      });
      const { store, usage, ingestion } = await setup(databaseId);

      const [run] = await ingestion.ingest({
        start: '2026-11-20',
        end: '2026-11-21',
      });

      expect(run).toMatchObject({ status: 'complete', stored: 1, total: 0.55 });
      const [today] = await store.entityDays(
        'component:default/order-service',
        { start: '2026-11-20', end: '2026-11-21' },
      );
      expect(today.cost.cpu).toBeCloseTo(0.44, 10);
      const hours = await usage.entityHours(
        'component:default/order-service',
        '2026-11-20T00:00:00.000Z',
      );
      expect(hours).toHaveLength(10);
      expect(hours[3]).toEqual({
        hour: '2026-11-20T03:00:00.000Z',
        region: 'eu-west',
        cpuRequestCores: 1,
        cpuUsageCores: 0.4,
        memoryRequestGiB: 2,
        memoryUsageGiB: 1,
        cpuCost: 0.04,
        memoryCost: 0.01,
        storageCost: 0,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'fails a day whose hourly answer does not have one set per hour, keeping what was stored, on %p',
    async databaseId => {
      serve({ code: 200, data: [{}, {}] });
      const { ingestion } = await setup(databaseId);

      const [run] = await ingestion.ingest({
        start: '2026-11-20',
        end: '2026-11-21',
      });

      expect(run).toMatchObject({
        status: 'failed',
        reason:
          'OpenCost of cluster meschain-eu-west answered 2 hourly sets for a window of 11 hours',
      });
    },
  );
});
