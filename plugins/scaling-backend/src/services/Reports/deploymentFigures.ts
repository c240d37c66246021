import {
  DeploymentsReportFigures,
  EntityRolloutState,
  ReportPeriod,
  RolloutRollback,
} from '@meschain/backstage-plugin-scaling-common';
import { AuditEvent } from '../../database';
import { countByDay } from './periods';
import { ReportService } from './reportScope';

export const ROLLOUT_ACTION_PREFIX = 'rollout.';

/** The actions that put out a new version: a new image, a restart, or a retry of an aborted rollout. */
const STARTS = ['rollout.set-image', 'rollout.restart', 'rollout.retry'];
/** The actions that take a rollout back. */
const ROLLBACKS = ['rollout.abort', 'rollout.undo'];

const ratio = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

type Outcome = { entityRef: string; rolledBack: boolean };

/**
 * Walks each workload's rollout actions in order: a start opens a rollout,
 * an abort or undo before the next start rolls it back, and a rollout not
 * rolled back counts as succeeded. A rollback's time runs from its rollout's
 * start.
 */
function walk(events: AuditEvent[]): {
  rollouts: Outcome[];
  rollbacks: RolloutRollback[];
  starts: Date[];
} {
  const open = new Map<string, { outcome: Outcome; startedAt: Date }>();
  const rollouts: Outcome[] = [];
  const rollbacks: RolloutRollback[] = [];
  const starts: Date[] = [];
  for (const event of events) {
    if (event.outcome !== 'succeeded') continue;
    const key = `${event.entityRef}|${event.cluster ?? ''}|${
      event.namespace ?? ''
    }|${event.workload ?? ''}`;
    if (STARTS.includes(event.action)) {
      const outcome = { entityRef: event.entityRef, rolledBack: false };
      rollouts.push(outcome);
      starts.push(event.startedAt);
      open.set(key, { outcome, startedAt: event.startedAt });
    } else if (ROLLBACKS.includes(event.action)) {
      const current = open.get(key);
      if (current) {
        current.outcome.rolledBack = true;
        open.delete(key);
      }
      rollbacks.push({
        entityRef: event.entityRef,
        ...(event.cluster && { cluster: event.cluster }),
        ...(event.workload && { workload: event.workload }),
        action: event.action === 'rollout.abort' ? 'abort' : 'undo',
        at: event.startedAt.toISOString(),
        seconds: current
          ? Math.round(
              (event.startedAt.getTime() - current.startedAt.getTime()) / 1000,
            )
          : null,
        actor: event.actorRef,
      });
    }
  }
  return { rollouts, rollbacks, starts };
}

/** Rollouts still under way in the clusters when the report is made. */
function inProgressOf(states: EntityRolloutState[]): number {
  return states
    .flatMap(state => state.clusters)
    .flatMap(cluster => cluster.workloads ?? [])
    .filter(w => w.phase === 'Progressing' || w.phase === 'Paused').length;
}

/** Rollouts, success rate and rollback times from the audited rollout actions, and what is under way now from the Rollouts service. */
export function deploymentFigures(options: {
  services: ReportService[];
  period: ReportPeriod;
  events: AuditEvent[];
  /** Absent when the clusters were not read. */
  states?: EntityRolloutState[];
  notes: string[];
}): DeploymentsReportFigures {
  const { services, period, states, notes } = options;
  const { rollouts, rollbacks, starts } = walk(
    options.events.filter(e => e.action.startsWith(ROLLOUT_ACTION_PREFIX)),
  );
  const byService = services.map(({ entityRef }) => {
    const own = rollouts.filter(r => r.entityRef === entityRef);
    const rolledBack = own.filter(r => r.rolledBack).length;
    return {
      entityRef,
      rollouts: own.length,
      succeeded: own.length - rolledBack,
      rolledBack,
      successRate: ratio(own.length - rolledBack, own.length),
    };
  });
  const rolledBack = rollouts.filter(r => r.rolledBack).length;
  return {
    kind: 'deployments',
    totals: {
      services: services.length,
      rollouts: rollouts.length,
      succeeded: rollouts.length - rolledBack,
      rolledBack,
      successRate: ratio(rollouts.length - rolledBack, rollouts.length),
      medianRollbackSeconds: median(
        rollbacks.flatMap(r => (r.seconds === null ? [] : [r.seconds])),
      ),
      inProgress: states ? inProgressOf(states) : null,
    },
    rolloutsByDay: countByDay(period, starts),
    byService,
    rollbacks,
    notes,
  };
}
