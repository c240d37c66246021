import type {
  V1DeploymentSpec,
  V1HorizontalPodAutoscalerSpec,
  V1ScaleStatus,
  V2HorizontalPodAutoscalerSpec,
  V2HorizontalPodAutoscalerStatus,
  V2HPAScalingRules,
  V2MetricSpec,
} from '@kubernetes/client-node';
import { apiVersionOf, type ResourceDefinition } from '../store/resources';
import {
  formatLabelSelector,
  fromLabelSelectorObject,
} from '../store/selectors';
import type { Json, KubeObject } from '../store/types';

/**
 * Conversion between a resource's storage version and the other versions it is served at.
 * Only autoscaling/v1 HorizontalPodAutoscalers need it; as upstream does, what v1 cannot express
 * travels in `autoscaling.alpha.kubernetes.io/*` annotations so that a v1 round trip loses nothing.
 */

const METRICS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/metrics';
const CURRENT_METRICS_ANNOTATION =
  'autoscaling.alpha.kubernetes.io/current-metrics';
const CONDITIONS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/conditions';
const BEHAVIOR_ANNOTATION = 'autoscaling.alpha.kubernetes.io/behavior';

export function toServedVersion(
  def: ResourceDefinition,
  version: string,
  object: KubeObject,
): KubeObject {
  if (version === def.version) return object;
  if (def.key === 'horizontalpodautoscalers.autoscaling' && version === 'v1')
    return hpaV2ToV1(object);
  return { ...object, apiVersion: apiVersionOf(def.group, version) };
}

export function toStorageVersion(
  def: ResourceDefinition,
  version: string,
  object: KubeObject,
): KubeObject {
  if (version === def.version) return object;
  if (def.key === 'horizontalpodautoscalers.autoscaling' && version === 'v1')
    return hpaV1ToV2(object);
  return { ...object, apiVersion: apiVersionOf(def.group, def.version) };
}

function isCpuUtilization(metric: V2MetricSpec): boolean {
  return (
    metric.type === 'Resource' &&
    metric.resource?.name === 'cpu' &&
    metric.resource.target.type === 'Utilization'
  );
}

function hpaV2ToV1(object: KubeObject): KubeObject {
  const spec = (object.spec ?? {}) as Partial<V2HorizontalPodAutoscalerSpec>;
  const status = object.status as
    | Json<V2HorizontalPodAutoscalerStatus>
    | undefined;
  const metrics = spec.metrics ?? [];
  const cpu = metrics.find(isCpuUtilization);
  const otherMetrics = metrics.filter(m => m !== cpu);
  const annotations: Record<string, string> = {
    ...(object.metadata.annotations ?? {}),
  };
  if (otherMetrics.length)
    annotations[METRICS_ANNOTATION] = JSON.stringify(otherMetrics);
  if (spec.behavior)
    annotations[BEHAVIOR_ANNOTATION] = JSON.stringify(spec.behavior);
  const currentCpu = status?.currentMetrics?.find(
    m => m.type === 'Resource' && m.resource?.name === 'cpu',
  );
  const otherCurrent =
    status?.currentMetrics?.filter(m => m !== currentCpu) ?? [];
  if (otherCurrent.length)
    annotations[CURRENT_METRICS_ANNOTATION] = JSON.stringify(otherCurrent);
  if (status?.conditions?.length)
    annotations[CONDITIONS_ANNOTATION] = JSON.stringify(status.conditions);

  return {
    apiVersion: 'autoscaling/v1',
    kind: 'HorizontalPodAutoscaler',
    metadata: {
      ...object.metadata,
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
    spec: {
      scaleTargetRef: spec.scaleTargetRef,
      minReplicas: spec.minReplicas,
      maxReplicas: spec.maxReplicas,
      ...(cpu
        ? {
            targetCPUUtilizationPercentage:
              cpu.resource!.target.averageUtilization,
          }
        : {}),
    },
    status: {
      ...(status?.observedGeneration !== undefined
        ? { observedGeneration: status.observedGeneration }
        : {}),
      ...(status?.lastScaleTime ? { lastScaleTime: status.lastScaleTime } : {}),
      currentReplicas: status?.currentReplicas ?? 0,
      desiredReplicas: status?.desiredReplicas ?? 0,
      ...(currentCpu?.resource?.current.averageUtilization !== undefined
        ? {
            currentCPUUtilizationPercentage:
              currentCpu.resource.current.averageUtilization,
          }
        : {}),
    },
  };
}

function hpaV1ToV2(object: KubeObject): KubeObject {
  const spec = (object.spec ?? {}) as Partial<V1HorizontalPodAutoscalerSpec>;
  const annotations: Record<string, string> = {
    ...(object.metadata.annotations ?? {}),
  };
  const extraMetrics =
    takeJson<V2MetricSpec[]>(annotations, METRICS_ANNOTATION) ?? [];
  const behavior = takeJson<V2HPAScalingRules>(
    annotations,
    BEHAVIOR_ANNOTATION,
  );
  delete annotations[CURRENT_METRICS_ANNOTATION];
  delete annotations[CONDITIONS_ANNOTATION];
  const metrics: V2MetricSpec[] = [
    ...(spec.targetCPUUtilizationPercentage !== undefined
      ? [
          {
            type: 'Resource',
            resource: {
              name: 'cpu',
              target: {
                type: 'Utilization',
                averageUtilization: spec.targetCPUUtilizationPercentage,
              },
            },
          },
        ]
      : []),
    ...extraMetrics,
  ];
  const { annotations: _dropped, ...metadata } = object.metadata;
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: {
      ...metadata,
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
    spec: {
      scaleTargetRef: spec.scaleTargetRef,
      minReplicas: spec.minReplicas,
      maxReplicas: spec.maxReplicas,
      ...(metrics.length ? { metrics } : {}),
      ...(behavior ? { behavior } : {}),
    },
    ...(object.status ? { status: object.status } : {}),
  };
}

function takeJson<T>(
  annotations: Record<string, string>,
  key: string,
): T | undefined {
  const text = annotations[key];
  delete annotations[key];
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** The fields `/scale` reads, which every scalable kind has. */
type ScalableSpec = Partial<Pick<V1DeploymentSpec, 'replicas' | 'selector'>>;

/** A Rollout publishes its selector in status; the others are formatted from `spec.selector`. */
function scaleSelector(
  kind: string,
  spec: ScalableSpec,
  status: Partial<V1ScaleStatus>,
): string | undefined {
  if (kind === 'Rollout' && typeof status.selector === 'string')
    return status.selector;
  return spec.selector
    ? formatLabelSelector(fromLabelSelectorObject(spec.selector))
    : undefined;
}

/** The autoscaling/v1 Scale of a Deployment, ReplicaSet or Rollout, as `/scale` returns it. */
export function toScale(object: KubeObject): KubeObject {
  const spec = (object.spec ?? {}) as ScalableSpec;
  const status = (object.status ?? {}) as Partial<V1ScaleStatus>;
  const selector = scaleSelector(object.kind, spec, status);
  const { name, namespace, uid, resourceVersion, creationTimestamp } =
    object.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: spec.replicas ?? 0 },
    status: {
      replicas: status.replicas ?? 0,
      ...(selector ? { selector } : {}),
    },
  };
}
