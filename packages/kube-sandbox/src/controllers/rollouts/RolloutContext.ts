import type { IstioRoutingPlan } from './istioRouting';
import type {
  PauseCondition,
  ReplicaSet,
  Rollout,
  RolloutStatus,
} from '../kinds';

/**
 * What a strategy (canary or blue-green) works with during one sync of one Rollout: the
 * ReplicaSets sorted into new, stable and others, a mutable copy of the status it is building,
 * and the few writes it may make.
 */
export interface RolloutContext {
  rollout: Rollout;
  status: RolloutStatus;
  now: number;
  timestamp: string;
  /** The `rollout.argoproj.io/revision` of the new ReplicaSet. */
  revision: number;
  newRS: ReplicaSet;
  newHash: string;
  stableRS?: ReplicaSet;
  /** Owned ReplicaSets that are neither new nor stable. */
  others: ReplicaSet[];

  /** Sets a ReplicaSet's `spec.replicas` and records the event; returns the stored version. */
  scale(rs: ReplicaSet, replicas: number): ReplicaSet;
  /** Scales a ReplicaSet to zero once `delaySeconds` have passed since this was first asked. */
  scaleDownAfter(rs: ReplicaSet, delaySeconds: number): void;
  /** Points a Service at the pods of one pod-template hash. */
  pointService(name: string | undefined, hash: string): void;
  /** Rewrites the http routes of the Istio VirtualServices the canary routes through. */
  routeVirtualServices(plan: IstioRoutingPlan): void;
  event(reason: string, message: string, type?: 'Normal' | 'Warning'): void;
  /** Asks for another sync at `at` (a pause ending, a delay running out). */
  wakeAt(at: number): void;
  /** The stored version of a ReplicaSet read earlier in this sync. */
  fresh(rs: ReplicaSet): ReplicaSet;
}

export function pauseCondition(
  status: RolloutStatus,
  reason: PauseCondition['reason'],
): PauseCondition | undefined {
  return status.pauseConditions?.find(c => c.reason === reason);
}

/** Adds a pause condition as the controller does (`AddPauseCondition`), which also marks controllerPause. */
export function addPauseCondition(
  context: RolloutContext,
  reason: PauseCondition['reason'],
): void {
  if (pauseCondition(context.status, reason)) return;
  context.status.pauseConditions = [
    ...(context.status.pauseConditions ?? []),
    { reason, startTime: context.timestamp },
  ];
  context.status.controllerPause = true;
  context.event('RolloutPaused', `Rollout is paused (${reason})`);
}

/** Removes a pause condition; with none left, controllerPause is cleared too (`CalculatePauseConditions`). */
export function removePauseCondition(
  status: RolloutStatus,
  reason: PauseCondition['reason'],
): void {
  const remaining = (status.pauseConditions ?? []).filter(
    c => c.reason !== reason,
  );
  status.pauseConditions = remaining.length ? remaining : null;
  if (!remaining.length) status.controllerPause = false;
}

export function clearPause(status: RolloutStatus): void {
  status.pauseConditions = null;
  status.controllerPause = false;
}

export function availableOf(rs: ReplicaSet | undefined): number {
  return rs?.status?.availableReplicas ?? 0;
}

export function replicasOf(rs: ReplicaSet | undefined): number {
  return rs?.spec.replicas ?? 0;
}
