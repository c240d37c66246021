import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { parseEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ScalingEntityFacts } from '@meschain/backstage-plugin-scaling-common';
import { EntityScalingFactsService } from '../EntityScalingFacts';
import { addDays } from './costWindows';
import { createCostReports } from './createCostReports';
import { DatabaseCostRecommendationStore, DatabaseCostStore } from './store';

jest.setTimeout(60_000);

const ORDERS = 'component:default/order-service';
const COMMERCE = 'group:default/commerce-team';
/** The first day ingested; the cost views' data starts here. */
const DATA_START = '2026-10-05';
/** Today: the last day ingested is the 4th. */
const TODAY = '2026-12-05';
const DAILY_COST = 10;

const entityFacts: EntityScalingFactsService = {
  async getFacts(ref) {
    const entityRef = `${ref.kind}:${ref.namespace}/${ref.name}`.toLowerCase();
    return { entityRef } as ScalingEntityFacts;
  },
};

const caller = { credentials: mockCredentials.user() };

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())('cost reports in %p', databaseId => {
  async function connect() {
    const database = mockServices.database({
      knex: await databases.init(databaseId),
      migrations: { skip: false },
    });
    const store = await DatabaseCostStore.create({ database });
    const options = {
      store,
      recommendations: await DatabaseCostRecommendationStore.create({
        database,
      }),
      catalog: catalogServiceMock({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { name: 'commerce-team', namespace: 'default' },
            spec: { type: 'team', children: [] },
          },
        ],
      }),
      entityFacts,
      currency: 'USD',
      recommendationDays: 14,
      now: () => new Date(`${TODAY}T09:00:00Z`),
    };
    return { store, reports: createCostReports(options) };
  }

  async function reports() {
    const { store, reports: cost } = await connect();
    // A day that could not be read holds no data: it does not start it.
    await store.recordFailure({
      day: '2026-10-01',
      cluster: 'meschain-us-east',
      region: 'us-east',
      reason: 'unreachable',
    });
    const days: string[] = [];
    for (let day = DATA_START; day < TODAY; day = addDays(day, 1)) {
      days.push(day);
      await store.replaceDay(
        {
          day,
          cluster: 'meschain-us-east',
          region: 'us-east',
          rows: [
            {
              allocation: 'sync/deployment:order-service',
              entityRef: ORDERS,
              ownerRef: COMMERCE,
              cost: {
                cpu: DAILY_COST,
                memory: 0,
                storage: 0,
                network: 0,
                shared: 0,
                idle: 0,
              },
              total: DAILY_COST,
              cpuRequestCoreHours: 24,
              cpuUsageCoreHours: 12,
              memoryRequestGiBHours: 0,
              memoryUsageGiBHours: 0,
            },
          ],
          skipped: [],
        },
        { refreshRollups: false },
      );
    }
    await store.refreshRollups(days);
    return cost;
  }

  it('says where the data starts and compares no window with days before it', async () => {
    const cost = await reports();
    // 365 and 90 days reach back before the 5 Oct: both hold the same 61
    // days, and nothing is compared with the empty window before.
    for (const start of ['2025-12-05', '2026-09-06']) {
      const org = await cost.orgCost({ start, end: TODAY });
      expect(org).toMatchObject({ dataStart: DATA_START, total: 610 });
      expect(org.change).toBeUndefined();
      // October starts before the data: November is not compared with it.
      expect(org.byMonth.map(m => m.month)).toEqual([
        '2026-10',
        '2026-11',
        '2026-12',
      ]);
      expect(org.monthOverMonth).toBeUndefined();
    }

    // Ten days whose ten days before hold data too: compared.
    const recent = await cost.orgCost({ start: '2026-11-25', end: TODAY });
    expect(recent.dataStart).toBe(DATA_START);
    expect(recent.change).toEqual({
      previousWindow: { start: '2026-11-15', end: '2026-11-25' },
      previousTotal: 100,
      absolute: 0,
      ratio: 0,
    });

    // A window after the start whose window before is not.
    const early = { start: '2026-10-10', end: '2026-10-20' };
    const service = await cost.entityCost(
      parseEntityRef(ORDERS),
      early,
      caller,
    );
    expect(service).toMatchObject({ dataStart: DATA_START, total: 100 });
    expect(service.change).toBeUndefined();
    const team = await cost.teamCost(parseEntityRef(COMMERCE), early, caller);
    expect(team).toMatchObject({ dataStart: DATA_START, total: 100 });
    expect(team.change).toBeUndefined();

    const later = { start: '2026-11-01', end: '2026-11-11' };
    expect(
      (await cost.teamCost(parseEntityRef(COMMERCE), later, caller)).change,
    ).toMatchObject({ previousTotal: 100, absolute: 0 });
  });

  it('gives no data start and no change before any ingestion', async () => {
    const { reports: cost } = await connect();
    const org = await cost.orgCost({ start: '2026-11-05', end: TODAY });
    expect(org.total).toBe(0);
    expect(org.dataStart).toBeUndefined();
    expect(org.change).toBeUndefined();
  });
});
