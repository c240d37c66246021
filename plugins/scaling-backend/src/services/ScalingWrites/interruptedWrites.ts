import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { parseEntityRef } from '@backstage/catalog-model';
import { toError } from '@backstage/errors';
import { AuditEvent, DatabaseScalingAuditStore } from '../../database';
import { readMilliseconds } from '../Clusters';
import { EntityScalingStateService } from '../ScalingState';

/** Longer than any write can take (its cluster calls time out well before). */
const DEFAULT_INTERRUPTED_AFTER_MS = 120_000;

export function readInterruptedWriteAfterMs(config: Config): number {
  return readMilliseconds(config, 'scaling.interruptedWriteAfterMs', {
    defaultMs: DEFAULT_INTERRUPTED_AFTER_MS,
    min: 1000,
  });
}

type SweptStore = Pick<
  DatabaseScalingAuditStore,
  'listStalePending' | 'recordInterrupted'
>;

/** What the workload an attempt named shows now, if it can be read. */
async function observedAfter(
  event: AuditEvent,
  scalingState: EntityScalingStateService,
  auth: AuthService,
): Promise<{ replicas: number } | undefined> {
  if (!event.cluster || !event.workload) {
    return undefined;
  }
  const state = await scalingState.getScalingState(
    parseEntityRef(event.entityRef),
    { credentials: await auth.getOwnServiceCredentials() },
  );
  const workload = state.clusters
    .find(c => c.cluster === event.cluster)
    ?.workloads?.find(
      w =>
        w.namespace === event.namespace &&
        `${w.kind.toLowerCase()}/${w.name}` === event.workload,
    );
  return workload && { replicas: workload.replicas.desired };
}

/**
 * Finds the attempts whose outcome will never be recorded, because the
 * replica making them stopped between the attempt and the cluster's answer,
 * and marks them: still `pending`, since whether the cluster applied them is
 * unknown, with a note saying so and what the cluster shows now.
 */
export function createInterruptedWriteSweep(options: {
  auditStore: SweptStore;
  scalingState: EntityScalingStateService;
  auth: AuthService;
  logger: LoggerService;
  interruptedAfterMs: number;
  now?: () => Date;
}): () => Promise<number> {
  const { auditStore, scalingState, auth, logger, interruptedAfterMs } =
    options;
  const now = options.now ?? (() => new Date());

  return async () => {
    const found = now();
    const stale = await auditStore.listStalePending(
      new Date(found.getTime() - interruptedAfterMs),
    );
    let marked = 0;
    for (const event of stale) {
      let after: { replicas: number } | undefined;
      let observed = 'what the cluster shows now could not be read';
      try {
        after = await observedAfter(event, scalingState, auth);
        if (after) {
          observed = `the cluster shows ${after.replicas} replicas now`;
        }
      } catch (error) {
        observed = `${observed}: ${toError(error).message}`;
      }
      const note = `Interrupted: the backend replica making this change stopped before the cluster answered, so whether it was applied is unknown; ${observed} (checked ${found.toISOString()})`;
      if (
        await auditStore.recordInterrupted(event.id, { note, after }, found)
      ) {
        marked += 1;
        logger.warn('Marked an interrupted scaling write', {
          auditEventId: event.id,
          entityRef: event.entityRef,
          action: event.action,
          cluster: event.cluster,
          workload: event.workload,
        });
      }
    }
    return marked;
  };
}

/**
 * Sweeps every 30 seconds, the first time shortly after start-up, on
 * whichever replica the scheduler picks: a replica that died leaves no attempt open.
 */
export async function scheduleInterruptedWriteSweep(options: {
  scheduler: SchedulerService;
  sweep: () => Promise<number>;
}) {
  await options.scheduler.scheduleTask({
    id: 'scaling-interrupted-writes',
    frequency: { seconds: 30 },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 10 },
    fn: async () => {
      await options.sweep();
    },
  });
}
