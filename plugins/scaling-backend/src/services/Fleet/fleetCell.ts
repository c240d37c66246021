import {
  FleetCell,
  FleetHealth,
  parseQuantity,
  WorkloadRolloutState,
} from '@meschain/backstage-plugin-scaling-common';
import { describeArgoRollout } from '../Rollouts/describeArgoRollout';
import { describeDeployment } from '../Rollouts/describeDeployment';
import { DeploymentObject, RolloutObject } from '../Rollouts/rolloutObjects';
import { WorkloadQuery, workloadReplicas } from '../ScalingState';
import { ClusterSnapshot, SnapshotWorkload } from './clusterSnapshot';

/** What a cell shows of its clusters; region, cost and DR are added by the caller. */
export type CellReading = Pick<
  FleetCell,
  'health' | 'healthSummary' | 'replicas' | 'hpa' | 'rollout'
> & { deployed: boolean };

type HpaReading = NonNullable<FleetCell['hpa']> & { warning?: string };

type MetricValue = {
  averageUtilization?: number;
  averageValue?: string | number;
  value?: string | number;
};
type MetricEntry = { type: string } & Record<
  string,
  | {
      name?: string;
      metric?: { name?: string };
      target?: MetricValue;
      current?: MetricValue;
    }
  | string
  | undefined
>;

function metricNumber(value: MetricValue | undefined) {
  if (!value) return null;
  if (value.averageUtilization !== undefined) return value.averageUtilization;
  const quantity = value.averageValue ?? value.value;
  return quantity === undefined ? null : parseQuantity(String(quantity));
}

/** The block of a metric entry its type names: `resource`, `pods`, `object`... */
function sourceOf(metric: MetricEntry | undefined) {
  if (!metric) return undefined;
  const field = metric.type.charAt(0).toLowerCase() + metric.type.slice(1);
  const source = metric[field];
  return typeof source === 'object' ? source : undefined;
}

/**
 * The HPA's first metric against its target, read straight from the object:
 * the full autoscaler state (with its parsed policy) costs too much for
 * every cell of the fleet.
 */
function hpaOf(
  snapshot: ClusterSnapshot,
  workload: SnapshotWorkload,
): HpaReading | null {
  const hpa = snapshot.autoscalerOf(workload);
  if (!hpa) return null;
  const { spec, status } = hpa;
  const metric = spec.metrics?.[0] as MetricEntry | undefined;
  const source = sourceOf(metric);
  const name = source?.name ?? source?.metric?.name ?? '';
  const current = (status?.currentMetrics as MetricEntry[] | undefined)
    ?.filter(entry => entry.type === metric?.type)
    .map(sourceOf)
    .find(entry => (entry?.name ?? entry?.metric?.name ?? '') === name);
  const replicas = status?.currentReplicas ?? 0;
  const atMax = replicas >= spec.maxReplicas;
  const failing = status?.conditions?.find(
    condition =>
      (condition.type === 'AbleToScale' ||
        condition.type === 'ScalingActive') &&
      condition.status === 'False',
  );
  const atMaxWarning = atMax
    ? `At the HPA's maximum of ${spec.maxReplicas} replicas`
    : undefined;
  return {
    current: metricNumber(current?.current),
    target: metricNumber(source?.target),
    unit: source?.target?.averageUtilization !== undefined ? '%' : name,
    atMax,
    replicas,
    maxReplicas: spec.maxReplicas,
    warning: failing
      ? `HPA ${failing.type}: ${failing.message ?? failing.reason ?? 'False'}`
      : atMaxWarning,
  };
}

function rolloutOf(
  snapshot: ClusterSnapshot,
  workload: SnapshotWorkload,
): FleetCell['rollout'] {
  const replicaSets = snapshot.replicaSetsOf(workload);
  let state: WorkloadRolloutState;
  try {
    state =
      workload.kind === 'Rollout'
        ? describeArgoRollout(workload.object as RolloutObject, replicaSets)
        : describeDeployment(workload.object as DeploymentObject, replicaSets);
  } catch {
    return null;
  }
  if (state.phase === 'Healthy') return null;
  const canary = state.canary as
    | { currentStepIndex?: number; steps?: unknown[] }
    | undefined;
  return {
    phase: state.phase,
    step: canary?.currentStepIndex,
    steps: canary?.steps?.length,
    revision: state.currentRevision,
  };
}

/**
 * One service's cell in one cluster, from the snapshot alone: health from
 * its pods' readiness, its HPA's conditions and its rollout, as the issue
 * allows when the health checks are too slow for the whole fleet (they query
 * Prometheus per service and region).
 */
export function readCell(
  snapshot: ClusterSnapshot,
  query: WorkloadQuery,
): CellReading {
  const workloads = snapshot.workloadsMatching(query);
  if (workloads.length === 0) {
    return {
      deployed: false,
      health: 'unknown',
      healthSummary: `Not deployed in ${snapshot.clusterName}`,
      replicas: { desired: 0, ready: 0 },
      hpa: null,
      rollout: null,
    };
  }
  let desired = 0;
  let ready = 0;
  for (const { object } of workloads) {
    const replicas = workloadReplicas(object);
    desired += replicas.desired;
    ready += replicas.ready;
  }
  const kindOrder = (kind: SnapshotWorkload['kind']) =>
    kind === 'Deployment' ? 0 : 1;
  const first = workloads.sort(
    (a, b) =>
      kindOrder(a.kind) - kindOrder(b.kind) ||
      a.object.metadata.name.localeCompare(b.object.metadata.name),
  )[0];
  const hpaReading = hpaOf(snapshot, first);
  const rollout = rolloutOf(snapshot, first);

  let health: FleetHealth = 'pass';
  let healthSummary = `${ready} of ${desired} pods ready`;
  if (desired > 0 && ready === 0) {
    health = 'fail';
  } else if (rollout?.phase === 'Degraded') {
    health = 'fail';
    healthSummary = `Rollout degraded; ${healthSummary}`;
  } else if (ready < desired) {
    health = 'warn';
  } else if (hpaReading?.warning) {
    health = 'warn';
    healthSummary = `${hpaReading.warning}; ${healthSummary}`;
  }
  let hpa: FleetCell['hpa'] = null;
  if (hpaReading) {
    const { warning, ...shown } = hpaReading;
    hpa = shown;
  }
  return {
    deployed: true,
    health,
    healthSummary,
    replicas: { desired, ready },
    hpa,
    rollout,
  };
}
