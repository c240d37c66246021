import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { DatabasePredictiveScheduleStore } from './DatabasePredictiveScheduleStore';
import { AppliedSchedule } from './types';

jest.setTimeout(60_000);

const ORDERS = 'component:default/order-service';
const T0 = Date.UTC(2026, 11, 7, 6);

const schedule: AppliedSchedule = {
  entityRef: ORDERS,
  region: 'eu-west',
  cluster: 'eu-west',
  workload: {
    namespace: 'meschain-sync',
    kind: 'Deployment',
    name: 'order-service',
  },
  steps: [
    { from: T0, minReplicas: 4 },
    { from: T0 + 3_600_000, minReplicas: 2 },
  ],
  until: T0 + 2 * 3_600_000,
  baseMinReplicas: 2,
  appliedBy: 'user:default/ada',
  appliedAt: '2026-12-07T05:55:00.000Z',
};

describe('DatabasePredictiveScheduleStore', () => {
  const databases = TestDatabases.create();

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    return DatabasePredictiveScheduleStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
  }

  it.each(databases.eachSupportedId())(
    'keeps one schedule per entity and region, and the step last set, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.save(schedule);
      await store.save({ ...schedule, region: 'us-east', cluster: 'us-east' });
      expect(await store.get(ORDERS, 'eu-west')).toEqual(schedule);

      await store.save({ ...schedule, steps: [{ from: T0, minReplicas: 6 }] });
      await store.markApplied(ORDERS, 'eu-west', T0);
      expect(await store.get(ORDERS, 'eu-west')).toEqual({
        ...schedule,
        steps: [{ from: T0, minReplicas: 6 }],
        appliedStepFrom: T0,
      });
      expect((await store.list()).map(s => s.region)).toEqual([
        'eu-west',
        'us-east',
      ]);

      await store.remove(ORDERS, 'eu-west');
      expect(await store.get(ORDERS, 'eu-west')).toBeUndefined();
      expect(await store.list()).toHaveLength(1);
    },
  );
});
