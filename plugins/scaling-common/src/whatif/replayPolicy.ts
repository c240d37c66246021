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
import type { ReplayController, SyncView } from './controllerLoop';
import { IncrementalController } from './incrementalController';
import { InstantLoad, LoadCursor } from './loadCursor';
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
  origin: number,
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

/**
 * The floor schedule's step in force, read at increasing instants given in
 * seconds since `origin`.
 */
function floorReader(
  steps: readonly ReplicaFloorStep[] | undefined,
  origin: number,
  policyMinimum: number,
  maxReplicas: number,
): (elapsed: number) => number {
  const sorted = [...(steps ?? [])].sort((a, b) => a.from - b.from);
  const starts = sorted.map(step => (step.from - origin) / 1000);
  let index = -1;
  return elapsed => {
    while (index + 1 < starts.length && starts[index + 1] <= elapsed) {
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
  load: InstantLoad,
  running: number,
): boolean {
  if (running === 0) {
    return load.cpuMillicores > 0 || load.requestsPerSecond > 0;
  }
  for (const metric of metrics) {
    const sample = metric.podSample(load, running);
    if (metric.usageRatio(sample * running, running) > 1) return true;
  }
  return false;
}

function runReplay(
  input: ReplayInput,
  createController: ControllerFactory,
): ReplayResult {
  checkInput(input);
  const options = { ...DEFAULT_HPA_CONTROLLER_OPTIONS, ...input.controller };
  const model = serviceModel(input.workload, input.objectives);
  const start = input.load[0].at;
  const end = input.load[input.load.length - 1].at;
  const controller = createController(input.policy, options, model, start);
  const metrics = applyHpaSpecDefaults(input.policy).metrics.map(
    (metric, index) => replayMetric(metric, index, model),
  );
  const syncSeconds = input.syncPeriodSeconds ?? HPA_SYNC_PERIOD_SECONDS;
  const pods = new PodCohorts(
    input.initialReplicas,
    input.podStartupSeconds,
    Math.min(CPU_SAMPLE_WINDOW_SECONDS, options.cpuInitializationPeriodSeconds),
  );
  const cursor = new LoadCursor(input.load, start);
  const minReplicasAt = floorReader(
    input.floorSchedule,
    start,
    input.policy.minReplicas ?? 1,
    input.policy.maxReplicas,
  );

  const period = (end - start) / SECOND;
  const replicas: ReplicaStep[] = [];
  const scaleEvents: ReplayScaleEvent[] = [];
  let desired = input.initialReplicas;
  let secondsAboveTarget = 0;
  let secondsAboveSlo = 0;
  let replicaSeconds = 0;
  let peakUtilization = 0;
  let lastReady = -1;
  // One view, updated each sync: a month of syncs should not feed the collector.
  const view: SyncView = {
    now: start,
    elapsed: 0,
    currentReplicas: desired,
    minReplicas: 0,
    load: cursor.at(0),
    pods,
  };

  for (
    let elapsed = 0;
    elapsed < period || elapsed === 0;
    elapsed += syncSeconds
  ) {
    const load = cursor.at(elapsed);
    view.now = start + elapsed * SECOND;
    view.elapsed = elapsed;
    view.currentReplicas = desired;
    view.minReplicas = minReplicasAt(elapsed);
    view.load = load;
    const rescale = controller.sync(view);
    if (rescale) {
      scaleEvents.push({
        at: view.now,
        from: desired,
        to: rescale.replicas,
        reason: rescale.reason,
      });
      desired = rescale.replicas;
      pods.scaleTo(desired, elapsed);
    }

    const { running, total } = pods.counts(elapsed);
    if (running !== lastReady || rescale || replicas.length === 0) {
      replicas.push({ at: view.now, desired, ready: running });
      lastReady = running;
    }
    // Each sync's state stands for the period until the next one.
    const seconds = Math.min(syncSeconds, period - elapsed);
    if (aboveTarget(metrics, load, running)) secondsAboveTarget += seconds;
    const podDemand =
      running > 0 ? podCpuDemand(model, load.cpuMillicores, running) : Infinity;
    if (breaksObjectives(model, podDemand)) secondsAboveSlo += seconds;
    if (running > 0) {
      const used = Math.min(podDemand, model.capacityMillicores);
      peakUtilization = Math.max(
        peakUtilization,
        (used * 100) / model.requestMillicores,
      );
    }
    replicaSeconds += total * seconds;
  }

  const minutes = period / 60;
  const replicaHours = replicaSeconds / 3600;
  const hours = minutes / 60;
  return {
    replicas,
    scaleEvents,
    minutesAboveTarget: secondsAboveTarget / 60,
    minutesAboveSlo: secondsAboveSlo / 60,
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
    (spec, options, model, origin) =>
      new StepByStepController(spec, options, model, origin),
  );
}
