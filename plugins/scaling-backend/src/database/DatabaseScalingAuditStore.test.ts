import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { DatabaseScalingAuditStore } from './DatabaseScalingAuditStore';

jest.setTimeout(60_000);

describe('DatabaseScalingAuditStore', () => {
  const databases = TestDatabases.create();

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseScalingAuditStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    return { knex, store };
  }

  it.each(databases.eachSupportedId())(
    'records an attempt before the cluster call and its outcome after, on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const startedAt = new Date('2026-11-26T10:00:00Z');

      const id = await store.recordAttempt(
        {
          actorRef: 'user:default/elif.kaya',
          entityRef: 'component:default/order-service',
          action: 'replicas.scale',
          cluster: 'meschain-eu-west',
          namespace: 'meschain-sync',
          workload: 'deployment/order-service',
          request: { replicas: 6 },
          before: { replicas: 4 },
        },
        startedAt,
      );

      const [pending] = await store.listForEntity(
        'component:default/order-service',
      );
      expect(pending).toMatchObject({
        id,
        outcome: 'pending',
        request: { replicas: 6 },
        before: { replicas: 4 },
        after: undefined,
        finishedAt: undefined,
      });
      expect(pending.startedAt.toISOString()).toBe(startedAt.toISOString());

      await store.recordOutcome(id, {
        outcome: 'succeeded',
        after: { replicas: 6 },
      });
      const [done] = await store.listForEntity(
        'component:default/order-service',
      );
      expect(done).toMatchObject({
        outcome: 'succeeded',
        after: { replicas: 6 },
        error: undefined,
      });
      expect(done.finishedAt).toBeInstanceOf(Date);

      const rows = await knex('scaling_audit_events').select('outcome');
      expect(rows).toEqual([{ outcome: 'succeeded' }]);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps a failed outcome with its error and refuses to complete an event twice, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const id = await store.recordAttempt({
        actorRef: 'user:default/guest',
        entityRef: 'component:default/user-service',
        action: 'policy.apply',
        request: { preset: 'cpu' },
      });

      await store.recordOutcome(id, {
        outcome: 'failed',
        error: 'Cluster meschain-us-east did not answer within 5000 ms',
      });
      await expect(
        store.recordOutcome(id, { outcome: 'succeeded' }),
      ).rejects.toThrow(`No pending audit event with id ${id}`);

      const [event] = await store.listForEntity(
        'component:default/user-service',
      );
      expect(event).toMatchObject({
        outcome: 'failed',
        error: 'Cluster meschain-us-east did not answer within 5000 ms',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'lists an entity’s events newest first, and only that entity’s, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const attempt = {
        actorRef: 'user:default/guest',
        action: 'replicas.scale',
        request: {},
      };
      await store.recordAttempt(
        { ...attempt, entityRef: 'component:default/order-service' },
        new Date('2026-11-26T09:00:00Z'),
      );
      await store.recordAttempt(
        { ...attempt, entityRef: 'component:default/order-service' },
        new Date('2026-11-26T11:00:00Z'),
      );
      await store.recordAttempt(
        { ...attempt, entityRef: 'component:default/product-service' },
        new Date('2026-11-26T10:00:00Z'),
      );

      const events = await store.listForEntity(
        'component:default/order-service',
      );
      expect(events.map(e => e.startedAt.toISOString())).toEqual([
        '2026-11-26T11:00:00.000Z',
        '2026-11-26T09:00:00.000Z',
      ]);
      expect(
        await store.listForEntity('component:default/order-service', {
          limit: 1,
        }),
      ).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'records a denied attempt as finished, with no cluster call to wait for, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const deniedAt = new Date('2026-11-26T12:00:00Z');
      const id = await store.recordDenial(
        {
          actorRef: 'user:default/guest',
          entityRef: 'component:default/order-service',
          action: 'replicas.scale',
          cluster: 'meschain-eu-west',
          request: { replicas: 6 },
        },
        deniedAt,
      );
      const [denied] = await store.listForEntity(
        'component:default/order-service',
      );
      expect(denied).toMatchObject({ id, outcome: 'denied' });
      expect(denied.finishedAt?.toISOString()).toBe(deniedAt.toISOString());
      await expect(
        store.recordOutcome(id, { outcome: 'succeeded' }),
      ).rejects.toThrow(`No pending audit event with id ${id}`);
    },
  );
  it.each(databases.eachSupportedId())(
    'keeps whether an admin acted on a service it does not own, on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await store.recordAttempt(
        {
          actorRef: 'user:default/guest',
          entityRef: 'component:default/order-service',
          action: 'replicas.scale',
          request: { replicas: 6 },
          asAdmin: true,
        },
        new Date('2026-12-05T10:00:00Z'),
      );
      await store.recordAttempt(
        {
          actorRef: 'user:default/elif.kaya',
          entityRef: 'component:default/order-service',
          action: 'replicas.scale',
          request: { replicas: 5 },
        },
        new Date('2026-12-05T11:00:00Z'),
      );

      const events = await store.listForEntity(
        'component:default/order-service',
      );
      expect(
        events.map(({ actorRef, asAdmin }) => ({ actorRef, asAdmin })),
      ).toEqual([
        { actorRef: 'user:default/elif.kaya', asAdmin: false },
        { actorRef: 'user:default/guest', asAdmin: true },
      ]);
      const rows = await knex('scaling_audit_events')
        .where({ actor_ref: 'user:default/guest' })
        .select('as_admin');
      expect(Boolean(rows[0].as_admin)).toBe(true);
    },
  );

  it.each(databases.eachSupportedId())(
    'finds attempts left pending past a time and marks them interrupted, once, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const attempt = {
        actorRef: 'user:default/elif.kaya',
        entityRef: 'component:default/order-service',
        action: 'replicas.scale',
        cluster: 'meschain-eu-west',
        namespace: 'meschain-sync',
        workload: 'deployment/order-service',
        request: { replicas: 6 },
        before: { replicas: 4 },
      };
      const stale = await store.recordAttempt(
        attempt,
        new Date('2026-11-26T10:00:00Z'),
      );
      const recent = await store.recordAttempt(
        attempt,
        new Date('2026-11-26T10:05:00Z'),
      );
      const done = await store.recordAttempt(
        attempt,
        new Date('2026-11-26T09:00:00Z'),
      );
      await store.recordOutcome(done, { outcome: 'failed', error: 'boom' });

      const cutoff = new Date('2026-11-26T10:03:00Z');
      expect(
        (await store.listStalePending(cutoff)).map(event => event.id),
      ).toEqual([stale]);

      const foundAt = new Date('2026-11-26T10:06:00Z');
      expect(
        await store.recordInterrupted(
          stale,
          { note: 'Interrupted: the replica stopped', after: { replicas: 6 } },
          foundAt,
        ),
      ).toBe(true);
      expect(
        await store.recordInterrupted(stale, { note: 'again' }, foundAt),
      ).toBe(false);
      expect(await store.listStalePending(cutoff)).toEqual([]);

      const events = await store.listForEntity(
        'component:default/order-service',
      );
      expect(events.find(event => event.id === stale)).toMatchObject({
        outcome: 'pending',
        error: 'Interrupted: the replica stopped',
        after: { replicas: 6 },
      });
      expect(
        events.find(event => event.id === stale)?.finishedAt?.toISOString(),
      ).toBe(foundAt.toISOString());
      expect(events.find(event => event.id === recent)).toMatchObject({
        outcome: 'pending',
        finishedAt: undefined,
      });
    },
  );
});
