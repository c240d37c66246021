import { mockServices } from '@backstage/backend-test-utils';
import { AuditEvent } from '../../database';
import { EntityScalingStateService } from '../ScalingState';
import { createInterruptedWriteSweep } from './interruptedWrites';

const startedAt = new Date('2026-12-06T03:00:00Z');

function pendingScale(id: string): AuditEvent {
  return {
    id,
    actorRef: 'user:default/guest',
    entityRef: 'component:default/web',
    action: 'replicas.scale',
    cluster: 'c1',
    namespace: 'shop',
    workload: 'deployment/web',
    request: { replicas: 5 },
    before: { replicas: 2 },
    asAdmin: false,
    outcome: 'pending',
    startedAt,
  };
}

function setUp(options: { failRead?: boolean } = {}) {
  const marked = new Map<string, { note: string; after?: unknown }>();
  const auditStore = {
    listStalePending: jest.fn(async () => [pendingScale('a')]),
    recordInterrupted: jest.fn(
      async (id: string, value: { note: string; after?: unknown }) => {
        marked.set(id, value);
        return true;
      },
    ),
  };
  const scalingState: EntityScalingStateService = {
    getScalingState: jest.fn(async () => {
      if (options.failRead)
        throw new Error('Cluster c1 did not answer within 5000 ms');
      return {
        entityRef: 'component:default/web',
        workloadQuery: { labelSelector: 'app=web' },
        clusters: [
          {
            cluster: 'c1',
            region: 'r1',
            workloads: [
              {
                kind: 'Deployment',
                name: 'web',
                namespace: 'shop',
                replicas: { desired: 5 },
              } as any,
            ],
          },
        ],
      };
    }),
  };
  const sweep = createInterruptedWriteSweep({
    auditStore,
    scalingState,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    interruptedAfterMs: 60_000,
    now: () => new Date('2026-12-06T03:05:00Z'),
  });
  return { sweep, auditStore, marked };
}

describe('createInterruptedWriteSweep', () => {
  it('marks attempts pending past the limit as interrupted, with what the cluster shows now', async () => {
    const { sweep, auditStore, marked } = setUp();
    expect(await sweep()).toBe(1);
    expect(auditStore.listStalePending).toHaveBeenCalledWith(
      new Date('2026-12-06T03:04:00Z'),
    );
    expect(marked.get('a')).toEqual({
      after: { replicas: 5 },
      note: expect.stringMatching(
        /^Interrupted: the backend replica making this change stopped before the cluster answered, so whether it was applied is unknown; the cluster shows 5 replicas now/,
      ),
    });
  });

  it('marks them even when the cluster cannot be read, saying why', async () => {
    const { sweep, marked } = setUp({ failRead: true });
    expect(await sweep()).toBe(1);
    expect(marked.get('a')?.after).toBeUndefined();
    expect(marked.get('a')?.note).toMatch(
      /could not be read: Cluster c1 did not answer within 5000 ms/,
    );
  });
});
