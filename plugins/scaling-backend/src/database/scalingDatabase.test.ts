import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import {
  DatabaseCostRecommendationStore,
  DatabaseCostStore,
  DatabaseCostUsageStore,
} from '../services/Cost/store';
import { DatabaseScalingAuditStore } from './DatabaseScalingAuditStore';

jest.setTimeout(60_000);

/** The client, with its migration runs counted. */
function countingMigrations(knex: Knex) {
  const latest = jest.fn((config?: Knex.MigratorConfig) =>
    knex.migrate.latest(config),
  );
  const client = new Proxy(knex, {
    get: (target, property, receiver) =>
      property === 'migrate'
        ? { latest }
        : Reflect.get(target, property, receiver),
  });
  return { client, latest };
}

describe('the scaling database', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'is migrated once for all its stores, on %p',
    async databaseId => {
      const { client, latest } = countingMigrations(
        await databases.init(databaseId),
      );
      const database = mockServices.database({
        knex: client,
        migrations: { skip: false },
      });

      const [audit, cost, usage, recommendations] = await Promise.all([
        DatabaseScalingAuditStore.create({ database }),
        DatabaseCostStore.create({ database }),
        DatabaseCostUsageStore.create({ database }),
        DatabaseCostRecommendationStore.create({ database }),
      ]);

      expect(latest).toHaveBeenCalledTimes(1);
      // Every store reads its own tables from the one migrated schema.
      await audit.recordAttempt({
        actorRef: 'user:default/guest',
        entityRef: 'component:default/order-service',
        action: 'replicas.scale',
        request: { replicas: 3 },
      });
      expect(
        await audit.listForEntity('component:default/order-service'),
      ).toHaveLength(1);
      expect(
        await cost.listRuns({ start: '2026-12-01', end: '2026-12-02' }),
      ).toEqual([]);
      expect(
        await usage.entityWorkloads('component:default/order-service'),
      ).toEqual([]);
      expect(await recommendations.lastSet()).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'is not migrated when the app skips migrations, on %p',
    async databaseId => {
      const { client, latest } = countingMigrations(
        await databases.init(databaseId),
      );
      await DatabaseCostStore.create({
        database: mockServices.database({
          knex: client,
          migrations: { skip: true },
        }),
      });
      expect(latest).not.toHaveBeenCalled();
    },
  );
});
