import {
  computeHpaRecommendation,
  type HpaCondition,
  type HpaHistory,
  type HpaMetricSpec,
  type MetricObservations,
  type PodSample,
  type PodUsageSample,
} from '@meschain/backstage-plugin-scaling-common';
import { toKubeTimestamp, type SimClock } from '../clock';
import {
  describedService,
  DESCRIBABLE_RESOURCES,
} from '../metrics/describedService';
import {
  externalMetricSeries,
  OBJECT_METRICS,
  POD_METRICS,
} from '../metrics/metricCatalog';
import type { UsageSampler, UsageSnapshot } from '../metrics/UsageSampler';
import {
  formatLabelSelector,
  fromLabelSelectorObject,
} from '../store/selectors';
import type { KubeObject, ObjectStore, StoreEvent } from '../store/types';
import type { EventRecorder } from './EventRecorder';
import type {
  Condition,
  HorizontalPodAutoscaler,
  LabelSelectorObject,
  Pod,
} from './kinds';
import { isPodReady, podRequests } from './pods';
import { objectKey, splitKey, WorkQueue } from './WorkQueue';

const SOURCE = { component: 'horizontal-pod-autoscaler' };
const HPA_RESOURCE = 'horizontalpodautoscalers.autoscaling';
/** How a ScalingActive False condition's message begins; the cause follows. */
const UNABLE_TO_COMPUTE = 'the HPA was unable to compute the replica count: ';

/** The scale targets an HPA may name, by kind. */
const SCALE_TARGETS: Record<string, string> = {
  Deployment: 'deployments.apps',
  ReplicaSet: 'replicasets.apps',
  Rollout: 'rollouts.argoproj.io',
};

interface ScaleTarget extends KubeObject {
  spec: { replicas?: number; selector?: LabelSelectorObject };
  status?: { replicas?: number; selector?: string };
}

/**
 * The HPA controller: every sync period (15 s) it reads each HPA's scale target, pods and metrics,
 * asks the shared HPA algorithm for a replica count, writes it to the target as `/scale` would,
 * and records the status and the `SuccessfulRescale` event as kube-controller-manager does.
 */
export class HorizontalPodAutoscalerController {
  readonly #store: ObjectStore;
  readonly #clock: SimClock;
  readonly #events: EventRecorder;
  readonly #usage: UsageSampler;
  readonly #syncPeriodMs: number;
  readonly #queue = new WorkQueue();
  /** What the algorithm carries between evaluations, by HPA uid (upstream keeps it in memory too). */
  readonly #history = new Map<string, HpaHistory>();
  readonly #generations = new Map<string, number>();

  constructor(deps: {
    store: ObjectStore;
    clock: SimClock;
    events: EventRecorder;
    usage: UsageSampler;
    syncPeriodMs: number;
  }) {
    this.#store = deps.store;
    this.#clock = deps.clock;
    this.#events = deps.events;
    this.#usage = deps.usage;
    this.#syncPeriodMs = deps.syncPeriodMs;
    for (const hpa of this.#store.list(HPA_RESOURCE).items) this.#remember(hpa);
  }

  observe(event: StoreEvent): void {
    if (event.resource !== HPA_RESOURCE) return;
    const uid = event.object.metadata.uid ?? '';
    if (event.type === 'DELETED') {
      this.#history.delete(uid);
      this.#generations.delete(uid);
      return;
    }
    // A spec change is acted on at once; status writes (ours) wait for the next period.
    if (this.#generations.get(uid) !== event.object.metadata.generation)
      this.#remember(event.object);
  }

  reconcile(now: number): number {
    const keys = this.#queue.takeDue(now);
    for (const key of keys) {
      const { namespace, name } = splitKey(key);
      const hpa = this.#store.get(HPA_RESOURCE, namespace, name) as
        | HorizontalPodAutoscaler
        | undefined;
      if (!hpa) continue;
      this.#sync(hpa, now);
      this.#queue.add(key, now + this.#syncPeriodMs);
    }
    return keys.length;
  }

  #remember(hpa: KubeObject): void {
    const uid = hpa.metadata.uid ?? '';
    const known = this.#generations.has(uid);
    this.#generations.set(uid, hpa.metadata.generation ?? 0);
    // A new HPA is first evaluated two periods after it appears. The sandbox seeds HPAs together
    // with their workloads, whose pods have no metrics (and then too fresh metrics) at first;
    // upstream would fill every cluster's events with FailedGetResourceMetric warnings at start-up.
    // A spec change of a known HPA is evaluated at once.
    const createdAt =
      Date.parse(hpa.metadata.creationTimestamp ?? '') || this.#clock.now();
    this.#queue.add(
      objectKey(hpa.metadata.namespace, hpa.metadata.name),
      known ? undefined : createdAt + 2 * this.#syncPeriodMs,
    );
  }

  #sync(hpa: HorizontalPodAutoscaler, now: number): void {
    const namespace = hpa.metadata.namespace ?? 'default';
    const ref = hpa.spec.scaleTargetRef;
    const resource = SCALE_TARGETS[ref.kind];
    const target = resource
      ? (this.#store.get(resource, namespace, ref.name) as
          | ScaleTarget
          | undefined)
      : undefined;
    const conditions = (hpa.status?.conditions ?? []).map(toHpaCondition);
    if (!resource || !target) {
      const message = `the HPA controller was unable to get the target's current scale: ${
        resource ?? ref.kind
      } "${ref.name}" not found`;
      this.#events.warning(SOURCE, hpa, 'FailedGetScale', message);
      // Upstream changes only the condition, and writes the status as it read it otherwise.
      this.#writeStatus(hpa, {
        ...hpa.status,
        conditions: [
          {
            type: 'AbleToScale',
            status: 'False',
            reason: 'FailedGetScale',
            message,
            lastTransitionTime: now,
          },
          ...conditions.filter(c => c.type !== 'AbleToScale'),
        ],
      });
      return;
    }

    const currentReplicas = target.spec.replicas ?? 1;
    const pods = this.#targetPods(namespace, target, resource);
    const snapshot = this.#usage.snapshot(now);
    const uid = hpa.metadata.uid ?? '';
    const recommendation = computeHpaRecommendation({
      spec: hpa.spec,
      currentReplicas,
      statusReplicas: target.status?.replicas,
      pods: pods.map(toPodSample),
      metrics: this.#observe(hpa.spec.metrics ?? [], pods, snapshot, namespace),
      now,
      history: this.#history.get(uid),
      conditions,
    });
    this.#history.set(uid, recommendation.nextHistory);

    // Upstream's `computeReplicasForMetrics` gives up when every metric failed, or when the
    // valid ones would scale down: ScalingActive is then False, for the first failed metric.
    const scalingActive = recommendation.conditions.find(
      c => c.type === 'ScalingActive',
    );
    const gaveUp =
      recommendation.error !== undefined && scalingActive?.status === 'False';
    if (gaveUp) {
      // Upstream records each failed metric under the condition's reason, then that it gave up.
      // The algorithm reports the first failed metric only, so only its event is recorded here.
      if (scalingActive.message.startsWith(UNABLE_TO_COMPUTE))
        this.#events.warning(
          SOURCE,
          hpa,
          scalingActive.reason,
          scalingActive.message.slice(UNABLE_TO_COMPUTE.length),
        );
      this.#events.warning(
        SOURCE,
        hpa,
        'FailedComputeMetricsReplicas',
        recommendation.error!,
      );
    }
    let lastScaleTime = hpa.status?.lastScaleTime;
    if (recommendation.rescale) {
      this.#store.modify(resource, namespace, ref.name, draft => {
        (draft as ScaleTarget).spec.replicas = recommendation.desiredReplicas;
      });
      lastScaleTime = this.#clock.timestamp();
      this.#events.normal(
        SOURCE,
        hpa,
        'SuccessfulRescale',
        `New size: ${recommendation.desiredReplicas}; reason: ${
          recommendation.reason ?? 'All metrics below target'
        }`,
      );
    }
    // As upstream's `setStatus`: a new status, whose current replicas are the scale's
    // `spec.replicas` as read before this evaluation (not the pods the target runs), and whose
    // desired replicas stay as they were when the controller gave up.
    this.#writeStatus(hpa, {
      ...(lastScaleTime && { lastScaleTime }),
      ...(currentReplicas && { currentReplicas }),
      desiredReplicas: gaveUp
        ? hpa.status?.desiredReplicas ?? 0
        : recommendation.desiredReplicas,
      currentMetrics: recommendation.metricStatuses.length
        ? recommendation.metricStatuses
        : null,
      conditions: recommendation.conditions,
    });
  }

  #targetPods(namespace: string, target: ScaleTarget, resource: string): Pod[] {
    // A Rollout's scale selector is status.selector (the active pods for blue-green).
    const selector =
      resource === 'rollouts.argoproj.io' && target.status?.selector
        ? target.status.selector
        : formatLabelSelector(
            fromLabelSelectorObject(target.spec.selector ?? {}),
          );
    if (!selector) return [];
    return this.#store.list('pods', { namespace, labelSelector: selector })
      .items as Pod[];
  }

  #observe(
    metrics: readonly HpaMetricSpec[],
    pods: readonly Pod[],
    snapshot: UsageSnapshot,
    namespace: string,
  ): MetricObservations {
    const podUsage: Record<string, PodUsageSample> = {};
    for (const pod of pods) {
      const usage = snapshot.pod(namespace, pod.metadata.name)?.usage;
      if (!usage) continue;
      podUsage[pod.metadata.name] = {
        usage: { cpu: usage.cpuCores * 1000, memory: usage.memoryBytes },
        timestamp: snapshot.at,
      };
    }
    const observations: Required<MetricObservations> = {
      podUsage,
      pods: [],
      object: [],
      external: [],
    };
    for (const metric of metrics) {
      if (metric.type === 'Pods') {
        const read = POD_METRICS[metric.pods.metric.name];
        if (!read) continue;
        const values: Record<string, number> = {};
        for (const pod of pods) {
          const usage = snapshot.pod(namespace, pod.metadata.name)?.usage;
          if (usage) values[pod.metadata.name] = read(usage);
        }
        observations.pods.push({ metric: metric.pods.metric, values });
      } else if (metric.type === 'Object') {
        const read = OBJECT_METRICS[metric.object.metric.name];
        const { kind, name } = metric.object.describedObject;
        const resource = DESCRIBABLE_RESOURCES[kind];
        const service = resource
          ? describedService(this.#store, resource, namespace, name)
          : undefined;
        const totals = service ? snapshot.service(service) : undefined;
        if (read && totals) {
          observations.object.push({
            describedObject: metric.object.describedObject,
            metric: metric.object.metric,
            value: read(totals),
          });
        }
      } else if (metric.type === 'External') {
        const series = externalMetricSeries(
          metric.external.metric.name,
          snapshot.services(),
          metric.external.metric.selector?.matchLabels,
        );
        if (series?.length)
          observations.external.push({
            metric: metric.external.metric,
            values: series.map(s => s.value),
          });
      }
    }
    return observations;
  }

  /**
   * Replaces the HPA's status, as upstream's controller does (it never sets
   * `observedGeneration`).
   */
  #writeStatus(
    hpa: HorizontalPodAutoscaler,
    status: Omit<
      NonNullable<HorizontalPodAutoscaler['status']>,
      'conditions'
    > & { conditions: HpaCondition[] },
  ): void {
    this.#store.modify(
      HPA_RESOURCE,
      hpa.metadata.namespace,
      hpa.metadata.name,
      draft => {
        (draft as HorizontalPodAutoscaler).status = {
          ...status,
          conditions: status.conditions.map(fromHpaCondition),
        };
      },
      { subresource: 'status' },
    );
  }
}

function toPodSample(pod: Pod): PodSample {
  const requests = podRequests(pod.spec.containers);
  const ready = pod.status?.conditions?.find(c => c.type === 'Ready');
  return {
    name: pod.metadata.name,
    // client-node types the API's enums as strings; the kubelet writes only their values.
    phase: pod.status?.phase as PodSample['phase'],
    deleting: !!pod.metadata.deletionTimestamp,
    ready: isPodReady(pod),
    readyTransitionTime: ready?.lastTransitionTime
      ? Date.parse(ready.lastTransitionTime)
      : undefined,
    startTime: pod.status?.startTime
      ? Date.parse(pod.status.startTime)
      : undefined,
    requests: { cpu: requests.cpuCores * 1000, memory: requests.memoryBytes },
  };
}

function toHpaCondition(condition: Condition): HpaCondition {
  return {
    type: condition.type as HpaCondition['type'],
    status: condition.status as HpaCondition['status'],
    reason: condition.reason ?? '',
    message: condition.message ?? '',
    lastTransitionTime: condition.lastTransitionTime
      ? Date.parse(condition.lastTransitionTime)
      : 0,
  };
}

function fromHpaCondition(condition: HpaCondition): Condition {
  return {
    ...condition,
    lastTransitionTime: toKubeTimestamp(condition.lastTransitionTime),
  };
}
