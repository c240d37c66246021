/**
 * Inputs and outputs of the what-if replay: a period of a service's recorded
 * load, played through the HPA controller loop under a policy.
 */
import type { HpaControllerOptions, HpaSpec } from '../hpa/types';

/**
 * @public
 * One sample of recorded or forecast load: what the service's traffic asked
 * of its pods at `at`, spread evenly over the ready pods.
 */
export interface LoadSample {
  /** Epoch ms. */
  at: number;
  /** CPU the traffic needs over the whole service, in millicores, beyond the pods' idle use. */
  cpuMillicores: number;
  /** Requests per second over the whole service; needed only by policies scaling on request rate. */
  requestsPerSecond?: number;
}

/** @public A predictive minimum: from `from` on, `minReplicas` replaces the policy's own. */
export interface ReplicaFloorStep {
  /** Epoch ms. */
  from: number;
  minReplicas: number;
}

/** @public How one pod of the service behaves, for the utilisation and latency it shows under load. */
export interface ReplayWorkload {
  /** CPU request of one pod, in millicores. */
  cpuRequestMillicores: number;
  /** CPU one pod uses with no traffic. Default 0. */
  idleCpuMillicores?: number;
  /** CPU at which a pod saturates (its limit). Default twice the request. */
  cpuCapacityMillicores?: number;
  /** p95 latency of an idle pod. Default 80 ms. */
  baseLatencyMs?: number;
}

/** @public The service level the replay counts breaches of. */
export interface ReplayObjectives {
  /** p95 latency objective. Default three times the idle latency. */
  latencyP95Ms?: number;
  /** Availability objective, 0–1. Default 0.999. */
  availability?: number;
}

/** @public The price of one replica. */
export interface ReplayPricing {
  perReplicaHour: number;
  currency: string;
}

/** @public Everything one replay reads. */
export interface ReplayInput {
  /** Samples in time order, at any resolution; the load between two samples is interpolated. */
  load: readonly LoadSample[];
  /** The HPA spec under test (`autoscaling/v2` field names, as the policy editor renders them). */
  policy: HpaSpec;
  workload: ReplayWorkload;
  /** Replicas running (ready) when the replay starts. */
  initialReplicas: number;
  /** From a pod's creation until it is running and ready. */
  podStartupSeconds: number;
  /** Default 15, the controller manager's. */
  syncPeriodSeconds?: number;
  /** Predictive minimums applied as `minReplicas` changes over time. */
  floorSchedule?: readonly ReplicaFloorStep[];
  pricing?: ReplayPricing;
  objectives?: ReplayObjectives;
  /** The controller manager's flags; its defaults otherwise. */
  controller?: Partial<HpaControllerOptions>;
}

/** @public A change of the replica counts, kept only when one of them changes. */
export interface ReplicaStep {
  at: number;
  /** The scale target's `spec.replicas`. */
  desired: number;
  /** Pods running and serving. */
  ready: number;
}

/** @public One rescale the controller made. */
export interface ReplayScaleEvent {
  at: number;
  from: number;
  to: number;
  /** As the `SuccessfulRescale` event words it, e.g. `cpu resource utilization (percentage of request) above target`. */
  reason: string;
}

/** @public What a replay found. */
export interface ReplayResult {
  /** Replica counts from the first sync on, as steps. */
  replicas: ReplicaStep[];
  scaleEvents: ReplayScaleEvent[];
  /** Time the ready pods ran above the policy's CPU target utilisation. */
  minutesAboveTarget: number;
  /** Time the modelled p95 latency or error ratio broke the objectives. */
  minutesAboveSlo: number;
  /** Replica-hours over the period: every created pod counts, started or not. */
  replicaHours: number;
  /** Replica-hours at the pricing; absent without pricing. */
  cost?: { total: number; perMonth: number; currency: string };
  /** Highest CPU utilisation of the ready pods, in percent of their request. */
  peakUtilization: number;
  /** Length of the replayed period. */
  minutes: number;
}
