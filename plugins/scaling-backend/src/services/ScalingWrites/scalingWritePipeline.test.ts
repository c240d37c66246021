import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConflictError, InputError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  scalingAdminPermission,
  scalingCostBackfillPermission,
  ScalingEntityFacts,
  scalingReplicasUpdatePermission,
} from '@meschain/backstage-plugin-scaling-common';
import { Request } from 'express';
import { ScalingAuditStore } from '../../database';
import { clusterStateCacheKey, ClusterStateCache } from '../ScalingState';
import { createScalingWritePipeline } from './scalingWritePipeline';

const facts = {
  entityRef: 'component:default/web',
  name: 'web',
  owner: 'group:default/web-team',
  workload: { kubernetesId: 'web' },
  clusters: [],
  regions: [],
} as unknown as ScalingEntityFacts;

type Decision = AuthorizeResult.ALLOW | AuthorizeResult.DENY;

/**
 * `result` answers the write's own permissions and `admin` answers
 * `scaling.admin`; the caller, ada, is in web-team unless `owner` is false.
 */
function setUp(
  result: Decision,
  { owner = true, admin = AuthorizeResult.DENY as Decision } = {},
) {
  const steps: string[] = [];
  const auditStore: ScalingAuditStore = {
    recordAttempt: jest.fn(async () => {
      steps.push('attempt');
      return 'audit-1';
    }),
    recordDenial: jest.fn(async () => {
      steps.push('denial');
      return 'audit-1';
    }),
    recordOutcome: jest.fn(async (_id, { outcome }) => {
      steps.push(`outcome:${outcome}`);
    }),
    listForEntity: jest.fn(),
  };
  const auditorEvent = {
    success: jest.fn(async () => {
      steps.push('auditor:success');
    }),
    fail: jest.fn(async () => {
      steps.push('auditor:fail');
    }),
  };
  const auditor = mockServices.auditor.mock({
    createEvent: jest.fn(async () => auditorEvent),
  });
  const stateCache: ClusterStateCache = {
    getOrLoad: jest.fn(),
    evict: jest.fn(async () => {
      steps.push('evict');
    }),
  };
  const pipeline = createScalingWritePipeline({
    permissions: mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(({ permission }) => ({
          result:
            permission.name === scalingAdminPermission.name ? admin : result,
        })),
    }),
    userInfo: mockServices.userInfo({
      ownershipEntityRefs: [
        'user:default/ada',
        owner ? 'group:default/web-team' : 'group:default/platform-team',
      ],
    }),
    auditor,
    auditStore,
    entityFacts: { getFacts: async () => facts },
    stateCache,
    logger: mockServices.logger.mock(),
  });
  const caller = {
    credentials: mockCredentials.user('user:default/ada'),
    request: {} as Request,
  };
  const write = {
    entityRef: { kind: 'component', namespace: 'default', name: 'web' },
    action: 'replicas.scale' as const,
    required: [scalingReplicasUpdatePermission],
    asked: { replicas: 3 },
    cluster: 'eu-west-1',
  };
  return {
    steps,
    auditor,
    auditStore,
    auditorEvent,
    stateCache,
    pipeline,
    caller,
    write,
  };
}

describe('createScalingWritePipeline', () => {
  it('records the attempt before the cluster call and the outcome after, then evicts the cluster’s cached state', async () => {
    const { steps, auditStore, stateCache, pipeline, caller, write } = setUp(
      AuthorizeResult.ALLOW,
    );
    const result = await pipeline.run(caller, write, authorized =>
      authorized.inCluster(
        { cluster: 'eu-west-1', before: { replicas: 2 } },
        async () => {
          steps.push('cluster call');
          return { result: 'done', after: { replicas: 3 } };
        },
      ),
    );
    expect(result).toBe('done');
    expect(steps).toEqual([
      'attempt',
      'cluster call',
      'outcome:succeeded',
      'auditor:success',
      'evict',
    ]);
    expect(auditStore.recordAttempt).toHaveBeenCalledWith(
      expect.objectContaining({
        actorRef: 'user:default/ada',
        entityRef: 'component:default/web',
        before: { replicas: 2 },
        asAdmin: false,
      }),
    );
    expect(stateCache.evict).toHaveBeenCalledWith(
      clusterStateCacheKey('eu-west-1', {
        labelSelector: 'backstage.io/kubernetes-id=web',
      }),
    );
  });

  it('audits a change outside the clusters before and after, with no cluster, and evicts nothing', async () => {
    const { steps, auditStore, stateCache, pipeline, caller, write } = setUp(
      AuthorizeResult.ALLOW,
    );
    const result = await pipeline.run(
      caller,
      { ...write, cluster: undefined },
      authorized =>
        authorized.auditedChange({ rules: 1 }, async () => {
          steps.push('change');
          return { result: 'done', after: { rules: 2 } };
        }),
    );
    expect(result).toBe('done');
    expect(steps).toEqual([
      'attempt',
      'change',
      'outcome:succeeded',
      'auditor:success',
    ]);
    expect(auditStore.recordAttempt).toHaveBeenCalledWith(
      expect.objectContaining({
        cluster: undefined,
        before: { rules: 1 },
      }),
    );
    expect(auditStore.recordOutcome).toHaveBeenCalledWith('audit-1', {
      outcome: 'succeeded',
      after: { rules: 2 },
    });
    expect(stateCache.evict).not.toHaveBeenCalled();
  });

  it('records a failed call with its error and rethrows it', async () => {
    const { steps, auditStore, pipeline, caller, write } = setUp(
      AuthorizeResult.ALLOW,
    );
    const conflict = new ConflictError('changed since you loaded it');
    await expect(
      pipeline.run(caller, write, authorized =>
        authorized.inCluster({ cluster: 'eu-west-1' }, async () => {
          throw conflict;
        }),
      ),
    ).rejects.toBe(conflict);
    expect(steps).toEqual([
      'attempt',
      'outcome:failed',
      'auditor:fail',
      'evict',
    ]);
    expect(auditStore.recordOutcome).toHaveBeenCalledWith('audit-1', {
      outcome: 'failed',
      error: 'changed since you loaded it',
    });
  });

  it('audits a refusal as denied and throws NotAllowedError naming the permission', async () => {
    const { steps, auditStore, pipeline, caller, write } = setUp(
      AuthorizeResult.DENY,
    );
    const operation = jest.fn();
    await expect(pipeline.run(caller, write, operation)).rejects.toMatchObject({
      name: 'NotAllowedError',
      message:
        'You may not scale component:default/web: it needs the scaling.replicas.update permission',
    });
    expect(operation).not.toHaveBeenCalled();
    expect(steps).toEqual(['denial', 'auditor:fail']);
    expect(auditStore.recordDenial).toHaveBeenCalledWith({
      actorRef: 'user:default/ada',
      entityRef: 'component:default/web',
      action: 'replicas.scale',
      cluster: 'eu-west-1',
      request: { replicas: 3 },
      asAdmin: false,
    });
  });
  it('audits a write refused before any cluster call as a failed attempt', async () => {
    const { steps, auditStore, pipeline, caller, write } = setUp(
      AuthorizeResult.ALLOW,
    );
    const refusal = new ConflictError(
      'HorizontalPodAutoscaler web owns the replicas of Deployment prod/web',
    );
    await expect(
      pipeline.run(caller, write, async () => {
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect(steps).toEqual(['attempt', 'outcome:failed', 'auditor:fail']);
    expect(auditStore.recordOutcome).toHaveBeenCalledWith('audit-1', {
      outcome: 'failed',
      error: refusal.message,
    });
  });

  it('does not audit the refusal of a dry run, which writes nothing', async () => {
    const { steps, pipeline, caller, write } = setUp(AuthorizeResult.ALLOW);
    await expect(
      pipeline.run(caller, { ...write, dryRun: true }, async () => {
        throw new ConflictError('refused');
      }),
    ).rejects.toThrow('refused');
    expect(steps).toEqual([]);
  });
  it('audits a write by an admin who does not own the entity as an admin action', async () => {
    const { pipeline, auditStore, caller, write } = setUp(
      AuthorizeResult.ALLOW,
      { owner: false, admin: AuthorizeResult.ALLOW },
    );
    const seenAsAdmin = jest.fn();
    const result = await pipeline.run(caller, write, authorized => {
      seenAsAdmin(authorized.asAdmin);
      return authorized.inCluster({ cluster: 'eu-west-1' }, async () => ({
        result: 'done',
      }));
    });
    expect(result).toBe('done');
    expect(seenAsAdmin).toHaveBeenCalledWith(true);
    expect(auditStore.recordAttempt).toHaveBeenCalledWith(
      expect.objectContaining({ actorRef: 'user:default/ada', asAdmin: true }),
    );
  });

  it('does not call an owner’s write an admin action, even when the owner is an admin', async () => {
    const { pipeline, auditStore, caller, write } = setUp(
      AuthorizeResult.ALLOW,
      { owner: true, admin: AuthorizeResult.ALLOW },
    );
    await pipeline.run(caller, write, authorized =>
      authorized.inCluster({ cluster: 'eu-west-1' }, async () => ({
        result: 'done',
      })),
    );
    expect(auditStore.recordAttempt).toHaveBeenCalledWith(
      expect.objectContaining({ asAdmin: false }),
    );
  });

  it('records an admin’s write refused before any cluster call as an admin action too', async () => {
    const { pipeline, auditStore, caller, write } = setUp(
      AuthorizeResult.ALLOW,
      { owner: false, admin: AuthorizeResult.ALLOW },
    );
    await expect(
      pipeline.run(caller, write, async () => {
        throw new ConflictError('refused');
      }),
    ).rejects.toThrow('refused');
    expect(auditStore.recordAttempt).toHaveBeenCalledWith(
      expect.objectContaining({ asAdmin: true }),
    );
  });

  describe('a write of the suite’s own data', () => {
    const backfill = {
      action: 'cost.backfill' as const,
      permission: scalingCostBackfillPermission,
      asked: { start: '2026-12-01', end: '2026-12-02' },
    };

    it('audits the write with the auditor alone, and what it changed on success', async () => {
      const { steps, auditor, auditStore, auditorEvent, pipeline } = setUp(
        AuthorizeResult.ALLOW,
      );
      const caller = {
        credentials: mockCredentials.service('plugin:pricing-job'),
        request: {} as Request,
      };
      const result = await pipeline.runSuiteWrite(caller, backfill, ({ act }) =>
        act(async () => {
          steps.push('backfill');
          return { result: 'done', after: { runs: 3, failed: 1 } };
        }),
      );
      expect(result).toBe('done');
      expect(steps).toEqual(['backfill', 'auditor:success']);
      expect(auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({
          eventId: 'scaling-cost-backfill',
          meta: { action: 'cost.backfill', asked: backfill.asked },
        }),
      );
      expect(auditorEvent.success).toHaveBeenCalledWith({
        meta: {
          action: 'cost.backfill',
          asked: backfill.asked,
          runs: 3,
          failed: 1,
        },
      });
      expect(auditStore.recordAttempt).not.toHaveBeenCalled();
    });

    it('audits a refusal and throws NotAllowedError naming the permission', async () => {
      const { steps, auditStore, pipeline, caller } = setUp(
        AuthorizeResult.DENY,
      );
      const operation = jest.fn();
      await expect(
        pipeline.runSuiteWrite(caller, backfill, operation),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message:
          'You may not backfill cost: it needs the scaling.cost.backfill permission',
      });
      expect(operation).not.toHaveBeenCalled();
      expect(steps).toEqual(['auditor:fail']);
      expect(auditStore.recordDenial).not.toHaveBeenCalled();
    });

    it('audits input refused before the write acts as a failed attempt', async () => {
      const { steps, auditorEvent, pipeline, caller } = setUp(
        AuthorizeResult.ALLOW,
      );
      const invalid = new InputError('start must be before end');
      await expect(
        pipeline.runSuiteWrite(caller, backfill, async () => {
          throw invalid;
        }),
      ).rejects.toBe(invalid);
      expect(steps).toEqual(['auditor:fail']);
      expect(auditorEvent.fail).toHaveBeenCalledWith(
        expect.objectContaining({ error: invalid }),
      );
    });

    it('audits a write that fails as it acts once, as failed', async () => {
      const { steps, pipeline, caller } = setUp(AuthorizeResult.ALLOW);
      await expect(
        pipeline.runSuiteWrite(caller, backfill, ({ act }) =>
          act(async () => {
            throw new Error('OpenCost answered 500');
          }),
        ),
      ).rejects.toThrow('OpenCost answered 500');
      expect(steps).toEqual(['auditor:fail']);
    });
  });
});
