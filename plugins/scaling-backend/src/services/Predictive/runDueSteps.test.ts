import { mockServices } from '@backstage/backend-test-utils';
import { createPredictiveScalingService } from './createPredictiveScalingService';
import { AppliedSchedule, PredictiveScheduleStore } from './types';

const T0 = Date.UTC(2026, 11, 7, 6);
const HOUR = 3_600_000;
const ORDERS = 'component:default/order-service';

function memoryStore(): PredictiveScheduleStore & {
  rows: Map<string, AppliedSchedule>;
} {
  const rows = new Map<string, AppliedSchedule>();
  const key = (entityRef: string, region: string) => `${entityRef}|${region}`;
  return {
    rows,
    async save(schedule) {
      rows.set(key(schedule.entityRef, schedule.region), { ...schedule });
    },
    async get(entityRef, region) {
      return rows.get(key(entityRef, region));
    },
    async list() {
      return [...rows.values()];
    },
    async markApplied(entityRef, region, stepFrom) {
      rows.get(key(entityRef, region))!.appliedStepFrom = stepFrom;
    },
    async remove(entityRef, region) {
      rows.delete(key(entityRef, region));
    },
  };
}

function scheduleIn(region: string): AppliedSchedule {
  return {
    entityRef: ORDERS,
    region,
    cluster: `meschain-${region}`,
    workload: {
      namespace: 'meschain-sync',
      kind: 'Deployment',
      name: 'order-service',
    },
    steps: [
      { from: T0, minReplicas: 6 },
      { from: T0 + HOUR, minReplicas: 3 },
    ],
    until: T0 + 2 * HOUR,
    baseMinReplicas: 2,
    appliedBy: 'user:default/ada',
    appliedAt: new Date(T0 - HOUR).toISOString(),
  };
}

/** A cluster per region holding one HPA, patched through the fake placement. */
function setUp(options: { failIn?: string } = {}) {
  let now = T0 + 60_000;
  const minimums = new Map<string, number>([
    ['meschain-eu-west', 2],
    ['meschain-us-east', 2],
  ]);
  const audited: Array<{
    taskId: string;
    onBehalfOf: string;
    action: string;
    cluster?: string;
    before?: unknown;
  }> = [];
  const store = memoryStore();
  const pipeline = {
    run: jest.fn(),
    runSuiteWrite: jest.fn(),
    runScheduled: jest.fn(async (task, write, operation) =>
      operation({
        facts: { entityRef: ORDERS } as any,
        asAdmin: false,
        async inCluster(target: any, call: any) {
          audited.push({
            taskId: task.taskId,
            onBehalfOf: task.onBehalfOf,
            action: write.action,
            cluster: target.cluster,
            before: target.before,
          });
          return (await call()).result;
        },
        auditedChange: jest.fn(),
      }),
    ),
  };
  const placement = {
    clusterOf: (_facts: unknown, name: string) => ({ name, region: name }),
    regionsOf: jest.fn(),
    clientFor: async (cluster: { name: string }) => ({
      get: async () => ({
        metadata: { resourceVersion: '7' },
        spec: { minReplicas: minimums.get(cluster.name), maxReplicas: 20 },
      }),
      patch: async (_path: string, body: { spec: { minReplicas: number } }) => {
        if (cluster.name === options.failIn) throw new Error('cluster down');
        minimums.set(cluster.name, body.spec.minReplicas);
        return {
          spec: { minReplicas: body.spec.minReplicas, maxReplicas: 20 },
        };
      },
    }),
    workloadIn: async () => ({
      kind: 'Deployment',
      namespace: 'meschain-sync',
      name: 'order-service',
      autoscaler: { name: 'order-service' },
    }),
    soleWorkloadIn: jest.fn(),
  };
  const service = createPredictiveScalingService({
    entityFacts: {} as any,
    scalingState: {} as any,
    history: {} as any,
    store,
    pipeline: pipeline as any,
    placement: placement as any,
    settings: { podStartupSeconds: 60 },
    logger: mockServices.logger.mock(),
    now: () => now,
  });
  return {
    store,
    minimums,
    audited,
    runAt: async (at: number) => {
      now = at;
      await service.runDueSteps({} as any);
    },
  };
}

describe('runDueSteps', () => {
  it('sets each step once, when it comes, audited on behalf of the owner', async () => {
    const { store, minimums, audited, runAt } = setUp();
    await store.save(scheduleIn('us-east'));

    await runAt(T0 + 60_000);
    expect(minimums.get('meschain-us-east')).toBe(6);
    expect(audited).toEqual([
      {
        taskId: 'scaling-predictive-schedules',
        onBehalfOf: 'user:default/ada',
        action: 'predictive-schedule.step',
        cluster: 'meschain-us-east',
        before: { min: 2 },
      },
    ]);

    await runAt(T0 + 120_000);
    expect(audited).toHaveLength(1);

    await runAt(T0 + HOUR + 1);
    expect(minimums.get('meschain-us-east')).toBe(3);
    expect(audited).toHaveLength(2);
    expect((await store.get(ORDERS, 'us-east'))?.appliedStepFrom).toBe(
      T0 + HOUR,
    );
  });

  it('gives the HPA its minimum back when the schedule ends, and forgets it', async () => {
    const { store, minimums, audited, runAt } = setUp();
    await store.save({ ...scheduleIn('us-east'), appliedStepFrom: T0 + HOUR });
    minimums.set('meschain-us-east', 3);

    await runAt(T0 + 2 * HOUR);
    expect(minimums.get('meschain-us-east')).toBe(2);
    expect(audited.map(a => a.action)).toEqual(['predictive-schedule.remove']);
    expect(await store.list()).toEqual([]);
  });

  it('keeps setting the other schedules when one cluster fails, and tries that one again', async () => {
    const { store, minimums, audited, runAt } = setUp({
      failIn: 'meschain-eu-west',
    });
    await store.save(scheduleIn('eu-west'));
    await store.save(scheduleIn('us-east'));

    await runAt(T0 + 60_000);
    expect(minimums.get('meschain-us-east')).toBe(6);
    expect(minimums.get('meschain-eu-west')).toBe(2);
    expect(
      (await store.get(ORDERS, 'eu-west'))?.appliedStepFrom,
    ).toBeUndefined();

    await runAt(T0 + 120_000);
    expect(audited.filter(a => a.cluster === 'meschain-eu-west')).toHaveLength(
      2,
    );
    expect(audited.filter(a => a.cluster === 'meschain-us-east')).toHaveLength(
      1,
    );
  });
});
