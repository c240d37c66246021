import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { AlertRule } from '@meschain/backstage-plugin-scaling-common';
import { DatabaseAlertRuleStore } from './DatabaseAlertRuleStore';

jest.setTimeout(60_000);

const rule: AlertRule = {
  id: 'rule-1',
  entityRef: 'component:default/order-service',
  kind: 'threshold',
  name: 'HighErrorRatio',
  severity: 'critical',
  region: 'eu-west',
  for: '5m',
  threshold: { signal: 'errorRatio', comparison: 'above', value: 0.05 },
  updatedBy: 'user:default/elif.kaya',
  updatedAt: '2026-12-05T10:00:00.000Z',
};

describe('DatabaseAlertRuleStore', () => {
  const databases = TestDatabases.create();

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    return DatabaseAlertRuleStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
  }

  it.each(databases.eachSupportedId())(
    'keeps an entity’s rules in the order they were added, replaces one by id and deletes it, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const composite: AlertRule = {
        id: 'rule-2',
        entityRef: rule.entityRef,
        kind: 'composite',
        name: 'SlowAndFailing',
        severity: 'warning',
        for: '2m',
        conditions: [
          { signal: 'errorRatio', comparison: 'above', value: 0.01 },
          { signal: 'latencyP95', comparison: 'above', value: 0.5 },
        ],
        updatedBy: 'user:default/guest',
        updatedAt: '2026-12-05T11:00:00.000Z',
      };
      await store.save(rule);
      await store.save(composite);
      await store.save({
        ...rule,
        id: 'other',
        entityRef: 'component:default/web',
      });

      expect(await store.list(rule.entityRef)).toEqual([rule, composite]);

      const changed: AlertRule = {
        ...rule,
        severity: 'warning',
        threshold: { signal: 'errorRatio', comparison: 'above', value: 0.1 },
        updatedBy: 'user:default/guest',
        updatedAt: '2026-12-05T12:00:00.000Z',
      };
      await store.save(changed);
      expect(await store.list(rule.entityRef)).toEqual([changed, composite]);

      await store.delete(rule.entityRef, rule.id);
      expect(await store.list(rule.entityRef)).toEqual([composite]);
      expect(await store.list('component:default/web')).toHaveLength(1);
    },
  );
});
