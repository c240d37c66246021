import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ScalingReportFigures } from '@meschain/backstage-plugin-scaling-common';
import { DatabaseScalingAuditStore } from '../../database';
import { DatabaseReportStore } from './DatabaseReportStore';

jest.setTimeout(60_000);

const figures: ScalingReportFigures = {
  kind: 'scaling',
  totals: { services: 1, scaleEvents: 2, hoursAtMax: null },
  scaleEventsByDay: [{ date: '2026-11-30', count: 2 }],
  byService: [
    {
      entityRef: 'component:default/order-service',
      scaleEvents: 2,
      hoursAtMax: null,
    },
  ],
  headroom: [],
  notes: ['No metrics source answered.'],
};

describe('DatabaseReportStore', () => {
  const databases = TestDatabases.create();

  async function createStores(
    databaseId: Parameters<typeof databases.init>[0],
  ) {
    const knex = await databases.init(databaseId);
    const database = mockServices.database({
      knex,
      migrations: { skip: false },
    });
    return {
      reports: await DatabaseReportStore.create({ database }),
      audit: await DatabaseScalingAuditStore.create({ database }),
    };
  }

  it.each(databases.eachSupportedId())(
    'keeps a report with its figures and producer, and lists by scope newest first, on %p',
    async databaseId => {
      const { reports } = await createStores(databaseId);
      const team = await reports.add(
        {
          kind: 'scaling',
          scope: 'team',
          team: 'group:default/platform-team',
          period: { start: '2026-11-30', end: '2026-12-07' },
          createdBy: 'task:weekly-reports',
          figures,
        },
        new Date('2026-12-07T06:00:00Z'),
      );
      const org = await reports.add(
        {
          kind: 'scaling',
          scope: 'org',
          period: { start: '2026-11-01', end: '2026-12-01' },
          createdBy: 'user:default/elif.kaya',
          figures,
        },
        new Date('2026-12-07T07:00:00Z'),
      );

      expect(await reports.get(team.id)).toEqual({
        id: team.id,
        kind: 'scaling',
        scope: 'team',
        team: 'group:default/platform-team',
        period: { start: '2026-11-30', end: '2026-12-07' },
        createdAt: '2026-12-07T06:00:00.000Z',
        createdBy: 'task:weekly-reports',
        figures,
      });
      expect((await reports.list({})).map(r => r.id)).toEqual([
        org.id,
        team.id,
      ]);
      expect(
        await reports.list({ team: 'group:default/platform-team' }),
      ).toEqual([
        expect.objectContaining({
          id: team.id,
          createdBy: 'task:weekly-reports',
        }),
      ]);
      expect((await reports.list({ scope: 'org' })).map(r => r.id)).toEqual([
        org.id,
      ]);
      await expect(reports.get('missing')).rejects.toThrow(
        'No report with id missing',
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'reads the audit events of a period by entity and action, oldest first, on %p',
    async databaseId => {
      const { audit } = await createStores(databaseId);
      const attempt = (entityRef: string, action: string) => ({
        actorRef: 'user:default/guest',
        entityRef,
        action,
        request: {},
      });
      const order = 'component:default/order-service';
      const user = 'component:default/user-service';
      await audit.recordAttempt(
        attempt(order, 'replicas.scale'),
        new Date('2026-11-29T23:59:59Z'),
      );
      await audit.recordAttempt(
        attempt(order, 'autoscaler.bounds'),
        new Date('2026-12-01T10:00:00Z'),
      );
      await audit.recordAttempt(
        attempt(order, 'replicas.scale'),
        new Date('2026-11-30T00:00:00Z'),
      );
      await audit.recordAttempt(
        attempt(order, 'rollout.undo'),
        new Date('2026-12-01T11:00:00Z'),
      );
      await audit.recordAttempt(
        attempt(user, 'replicas.scale'),
        new Date('2026-12-02T10:00:00Z'),
      );
      await audit.recordAttempt(
        attempt(order, 'replicas.scale'),
        new Date('2026-12-07T00:00:00Z'),
      );

      const period = {
        from: new Date('2026-11-30T00:00:00Z'),
        to: new Date('2026-12-07T00:00:00Z'),
        actionPrefixes: ['replicas.', 'autoscaler.'],
      };
      const ofOrder = await audit.listInPeriod({
        ...period,
        entityRefs: [order],
      });
      expect(ofOrder.map(e => [e.action, e.startedAt.toISOString()])).toEqual([
        ['replicas.scale', '2026-11-30T00:00:00.000Z'],
        ['autoscaler.bounds', '2026-12-01T10:00:00.000Z'],
      ]);
      expect((await audit.listInPeriod(period)).map(e => e.entityRef)).toEqual([
        order,
        order,
        user,
      ]);
    },
  );
});
