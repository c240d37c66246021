/**
 * Replays recorded load through an HPA controller, sync by sync, and sums up
 * what the service went through: replicas, rescales, time above target and
 * above its objectives, and what the pods cost.
 */
import {
  applyHpaSpecDefaults,
  DEFAULT_HPA_CONTROLLER_OPTIONS,
  HPA_SYNC_PERIOD_SECONDS,
} from '../hpa/defaults';
import type { HpaControllerOptions, HpaSpec } from '../hpa/types';
import type { ReplayController } from './controllerLoop';
import { IncrementalController } from './incrementalController';
import { LoadCursor } from './loadCursor';
import { PodCohorts } from './podCohorts';
import { ReplayMetric, replayMetric } from './replayMetrics';
import {
  breaksObjectives,
  podCpuDemand,
  ServiceModel,
  serviceModel,
} from './serviceModel';
import { StepByStepController } from './stepByStepController';
import type {
  ReplayInput,
  ReplayResult,
  ReplayScaleEvent,
  ReplicaFloorStep,
  ReplicaStep,
} from './types';

const SECOND = 1000;
const HOURS_PER_MONTH = 730;
/** The window of a metrics-server sample: a pod's first CPU sample after it starts is partial. */
const CPU_SAMPLE_WINDOW_SECONDS = 15;

type ControllerFactory = (
  spec: HpaSpec,
  options: HpaControllerOptions,
  model: ServiceModel,
) => ReplayController;

/** Thrown for a replay input that cannot describe a period of load. */
export class InvalidReplayInputError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'InvalidReplayInputError';
    this.field = field;
  }
}

function checkInput(input: ReplayInput): void {
  const { load } = input;
  if (load.length === 0) {
    throw new InvalidReplayInputError('load', 'no samples to replay');
  }
  for (let i = 1; i < load.length; i++) {
    if (!(load[i].at > load[i - 1].at)) {
      throw new InvalidReplayInputError(
        `load[${i}].at`,
        'samples must be in increasing time order',
      );
    }
  }
  if (!Number.isInteger(input.initialReplicas) || input.initialReplicas < 0) {
    throw new InvalidReplayInputError(
      'initialReplicas',
      'must be a whole number of replicas, 0 or more',
    );
  }
  if (!(input.podStartupSeconds >= 0)) {
    throw new InvalidReplayInputError('podStartupSeconds', 'must be 0 or more');
  }
  if (!(input.workload.cpuRequestMillicores > 0)) {
    throw new InvalidReplayInputError(
      'workload.cpuRequestMillicores',
      'must be more than 0',
    );
  }
  if (input.syncPeriodSeconds !== undefined && !(input.syncPeriodSeconds > 0)) {
    throw new InvalidReplayInputError(
      'syncPeriodSeconds',
      'must be more than 0',
    );
  }
}

/** The floor schedule's step in force, read at increasing instants. */
function floorReader(
  steps: readonly ReplicaFloorStep[] | undefined,
  policyMinimum: number,
  maxReplicas: number,
): (now: number) => number {
  const sorted = [...(steps ?? [])].sort((a, b) => a.from - b.from);
  let index = -1;
  return now => {
    while (index + 1 < sorted.length && sorted[index + 1].from <= now) {
      index += 1;
    }
    return index < 0
      ? policyMinimum
      : Math.min(sorted[index].minReplicas, maxReplicas);
  };
}

/** Whether the running pods' metrics are above the policy's target, whatever the controller did about it. */
function aboveTarget(
  metrics: readonly ReplayMetric[],
  load: { cpuMillicores: number; requestsPerSecond: number },
  running: number,
): boolean {
  if (running === 0)
    return load.cpuMillicores > 0 || load.requestsPerSecond > 0;
  return metrics.some(
    metric =>
      metric.usageRatio(metric.podSample(load, running) * running, running) > 1,
  );
}

function runReplay(
  input: ReplayInput,
  createController: ControllerFactory,
): ReplayResult {
  checkInput(input);
  const options = { ...DEFAULT_HPA_CONTROLLER_OPTIONS, ...input.controller };
  const model = serviceModel(input.workload, input.objectives);
  const controller = createController(input.policy, options, model);
  const metrics = applyHpaSpecDefaults(input.policy).metrics.map(
    (metric, index) => replayMetric(metric, index, model),
  );
  const syncMs = (input.syncPeriodSeconds ?? HPA_SYNC_PERIOD_SECONDS) * SECOND;
  const pods = new PodCohorts(
    input.initialReplicas,
    input.podStartupSeconds * SECOND,
    Math.min(
      CPU_SAMPLE_WINDOW_SECONDS,
      options.cpuInitializationPeriodSeconds,
    ) * SECOND,
  );
  const cursor = new LoadCursor(input.load);
  const minReplicasAt = floorReader(
    input.floorSchedule,
    input.policy.minReplicas ?? 1,
    input.policy.maxReplicas,
  );

  const start = input.load[0].at;
  const end = input.load[input.load.length - 1].at;
  const replicas: ReplicaStep[] = [];
  const scaleEvents: ReplayScaleEvent[] = [];
  let desired = input.initialReplicas;
  let msAboveTarget = 0;
  let msAboveSlo = 0;
  let replicaMs = 0;
  let peakUtilization = 0;
  let lastReady = -1;

  for (let now = start; now < end || now === start; now += syncMs) {
    const load = cursor.at(now);
    const rescale = controller.sync({
      now,
      currentReplicas: desired,
      minReplicas: minReplicasAt(now),
      load,
      pods,
    });
    if (rescale) {
      scaleEvents.push({
        at: now,
        from: desired,
        to: rescale.replicas,
        reason: rescale.reason,
      });
      desired = rescale.replicas;
      pods.scaleTo(desired, now);
    }

    const { running, total } = pods.counts(now);
    if (running !== lastReady || rescale || replicas.length === 0) {
      replicas.push({ at: now, desired, ready: running });
      lastReady = running;
    }
    // Each sync's state stands for the period until the next one.
    const periodMs = Math.min(syncMs, end - now);
    if (aboveTarget(metrics, load, running)) msAboveTarget += periodMs;
    const podDemand =
      running > 0 ? podCpuDemand(model, load.cpuMillicores, running) : Infinity;
    if (breaksObjectives(model, podDemand)) msAboveSlo += periodMs;
    if (running > 0) {
      const used = Math.min(podDemand, model.capacityMillicores);
      peakUtilization = Math.max(
        peakUtilization,
        (used * 100) / model.requestMillicores,
      );
    }
    replicaMs += total * periodMs;
  }

  const minutes = (end - start) / (60 * SECOND);
  const replicaHours = replicaMs / (3600 * SECOND);
  const hours = minutes / 60;
  return {
    replicas,
    scaleEvents,
    minutesAboveTarget: msAboveTarget / (60 * SECOND),
    minutesAboveSlo: msAboveSlo / (60 * SECOND),
    replicaHours,
    cost: input.pricing && {
      total: replicaHours * input.pricing.perReplicaHour,
      perMonth:
        hours > 0
          ? (replicaHours / hours) *
            HOURS_PER_MONTH *
            input.pricing.perReplicaHour
          : 0,
      currency: input.pricing.currency,
    },
    peakUtilization,
    minutes,
  };
}

/**
 * @public
 * Replays `input.load` through the HPA controller under `input.policy`: a sync
 * every 15 s with the controller's tolerance, CPU initialization period,
 * stabilization windows and behavior rate limits, pods that serve only
 * `podStartupSeconds` after they are created, and `floorSchedule` steps
 * applied as `minReplicas` changes.
 */
export function replayPolicy(input: ReplayInput): ReplayResult {
  return runReplay(
    input,
    (spec, options, model) => new IncrementalController(spec, options, model),
  );
}

/**
 * The same replay with the HPA module's full per-sync evaluation: every pod
 * listed and every window scanned. The reference for tests and the benchmark.
 */
export function replayPolicyStepByStep(input: ReplayInput): ReplayResult {
  return runReplay(
    input,
    (spec, options, model) => new StepByStepController(spec, options, model),
  );
}
