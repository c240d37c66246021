import type { SandboxCluster } from '../../cluster/types';
import type {
  Deployment,
  HorizontalPodAutoscaler,
  Node,
  ReplicaSet,
  Rollout,
} from '../../controllers/kinds';
import { controllerOf, podLimits } from '../../controllers/pods';
import { parseQuantity } from '../quantity';
import type { UsageSnapshot } from '../UsageSampler';
import { ExpositionWriter } from './ExpositionWriter';
import { LATENCY_BUCKETS, type TrafficCounters } from './TrafficCounters';

/** kube-state-metrics reports every condition with one series per status. */
const CONDITION_STATUSES = ['true', 'false', 'unknown'] as const;

/**
 * One cluster's `/metrics`: kube-state-metrics style object gauges, cAdvisor style container
 * usage, the services' HTTP counters and latency histograms, and the MesChain custom metrics.
 * Every sample carries `cluster` and `region`, so one Prometheus can scrape every cluster.
 */
export function renderClusterMetrics(
  cluster: SandboxCluster,
  snapshot: UsageSnapshot,
  counters: TrafficCounters,
): string {
  const out = new ExpositionWriter({
    cluster: cluster.name,
    region: cluster.region,
  });
  workloadGauges(cluster, out);
  podSeries(cluster, snapshot, counters, out);
  serviceGauges(snapshot, out);
  dependencySeries(snapshot, counters, out);
  return out.toString();
}

function workloadGauges(cluster: SandboxCluster, out: ExpositionWriter): void {
  const { store } = cluster;
  for (const d of store.list('deployments.apps').items as Deployment[]) {
    const labels = {
      namespace: d.metadata.namespace,
      deployment: d.metadata.name,
    };
    out.gauge(
      'kube_deployment_spec_replicas',
      'Number of desired pods for a deployment.',
      labels,
      d.spec.replicas ?? 1,
    );
    out.gauge(
      'kube_deployment_status_replicas',
      'The number of replicas per deployment.',
      labels,
      d.status?.replicas ?? 0,
    );
    out.gauge(
      'kube_deployment_status_replicas_ready',
      'The number of ready replicas per deployment.',
      labels,
      d.status?.readyReplicas ?? 0,
    );
    out.gauge(
      'kube_deployment_status_replicas_available',
      'The number of available replicas per deployment.',
      labels,
      d.status?.availableReplicas ?? 0,
    );
    out.gauge(
      'kube_deployment_status_replicas_updated',
      'The number of updated replicas per deployment.',
      labels,
      d.status?.updatedReplicas ?? 0,
    );
  }
  for (const ro of store.list('rollouts.argoproj.io').items as Rollout[]) {
    const labels = { namespace: ro.metadata.namespace, name: ro.metadata.name };
    const strategy = ro.spec.strategy.blueGreen ? 'blueGreen' : 'canary';
    out.gauge(
      'rollout_info',
      'Information about rollout.',
      { ...labels, strategy, phase: ro.status?.phase ?? 'Progressing' },
      1,
    );
    out.gauge(
      'rollout_info_replicas_desired',
      'The number of desired replicas for a rollout.',
      labels,
      ro.spec.replicas ?? 1,
    );
    out.gauge(
      'rollout_info_replicas_available',
      'The number of available replicas per rollout.',
      labels,
      ro.status?.availableReplicas ?? 0,
    );
    out.gauge(
      'rollout_info_replicas_updated',
      'The number of updated replicas per rollout.',
      labels,
      ro.status?.updatedReplicas ?? 0,
    );
  }
  for (const hpa of store.list('horizontalpodautoscalers.autoscaling')
    .items as HorizontalPodAutoscaler[]) {
    const labels = {
      namespace: hpa.metadata.namespace,
      horizontalpodautoscaler: hpa.metadata.name,
    };
    out.gauge(
      'kube_horizontalpodautoscaler_spec_min_replicas',
      'Lower limit for the number of pods that can be set by the autoscaler.',
      labels,
      hpa.spec.minReplicas ?? 1,
    );
    out.gauge(
      'kube_horizontalpodautoscaler_spec_max_replicas',
      'Upper limit for the number of pods that can be set by the autoscaler.',
      labels,
      hpa.spec.maxReplicas,
    );
    out.gauge(
      'kube_horizontalpodautoscaler_status_current_replicas',
      'Current number of replicas of pods managed by this autoscaler.',
      labels,
      hpa.status?.currentReplicas ?? 0,
    );
    out.gauge(
      'kube_horizontalpodautoscaler_status_desired_replicas',
      'Desired number of replicas of pods managed by this autoscaler.',
      labels,
      hpa.status?.desiredReplicas ?? 0,
    );
    for (const condition of hpa.status?.conditions ?? []) {
      for (const status of CONDITION_STATUSES) {
        out.gauge(
          'kube_horizontalpodautoscaler_status_condition',
          'The condition of this autoscaler.',
          { ...labels, condition: condition.type, status },
          condition.status.toLowerCase() === status ? 1 : 0,
        );
      }
    }
  }
  for (const node of store.list('nodes').items as Node[]) {
    const allocatable = node.status?.allocatable ?? {};
    out.gauge(
      'kube_node_status_allocatable',
      'The allocatable for different resources of a node.',
      { node: node.metadata.name, resource: 'cpu', unit: 'core' },
      parseQuantity(allocatable.cpu) || 0,
    );
    out.gauge(
      'kube_node_status_allocatable',
      'The allocatable for different resources of a node.',
      { node: node.metadata.name, resource: 'memory', unit: 'byte' },
      parseQuantity(allocatable.memory) || 0,
    );
  }
}

function podSeries(
  cluster: SandboxCluster,
  snapshot: UsageSnapshot,
  counters: TrafficCounters,
  out: ExpositionWriter,
): void {
  const workloadOfReplicaSet = new Map<string, string>();
  for (const rs of cluster.store.list('replicasets.apps')
    .items as ReplicaSet[]) {
    const owner = controllerOf(rs);
    if (owner)
      workloadOfReplicaSet.set(
        `${rs.metadata.namespace}/${rs.metadata.name}`,
        owner.name,
      );
  }
  for (const { pod, service, usage, requests } of snapshot.pods) {
    const namespace = pod.metadata.namespace ?? 'default';
    const owner = controllerOf(pod);
    const deployment = owner
      ? workloadOfReplicaSet.get(`${namespace}/${owner.name}`)
      : undefined;
    const labels = {
      namespace,
      pod: pod.metadata.name,
      node: pod.spec.nodeName,
      deployment,
      service,
    };
    out.gauge(
      'kube_pod_status_phase',
      'The pods current phase.',
      {
        namespace,
        pod: pod.metadata.name,
        phase: pod.status?.phase ?? 'Pending',
      },
      1,
    );
    out.gauge(
      'kube_pod_container_resource_requests',
      'The number of requested request resource by a container.',
      { ...labels, resource: 'cpu', unit: 'core' },
      requests.cpuCores,
    );
    out.gauge(
      'kube_pod_container_resource_requests',
      'The number of requested request resource by a container.',
      { ...labels, resource: 'memory', unit: 'byte' },
      requests.memoryBytes,
    );
    const limits = podLimits(pod.spec.containers);
    if (limits.cpuCores > 0)
      out.gauge(
        'kube_pod_container_resource_limits',
        'The number of requested limit resource by a container.',
        { ...labels, resource: 'cpu', unit: 'core' },
        limits.cpuCores,
      );
    if (limits.memoryBytes > 0)
      out.gauge(
        'kube_pod_container_resource_limits',
        'The number of requested limit resource by a container.',
        { ...labels, resource: 'memory', unit: 'byte' },
        limits.memoryBytes,
      );
    if (!usage) continue;
    const container = pod.spec.containers[0]?.name;
    out.gauge(
      'container_memory_working_set_bytes',
      'Current working set of the container in bytes.',
      { ...labels, container },
      Math.round(usage.memoryBytes),
    );
    out.gauge(
      'meschain_db_connections',
      'Database connections held by the pod.',
      labels,
      round(usage.dbConnections),
    );
    const total = counters.get(namespace, pod.metadata.name);
    if (!total) continue;
    out.counter(
      'container_cpu_usage_seconds_total',
      'Cumulative cpu time consumed by the container in seconds.',
      { ...labels, container },
      round(total.cpuSeconds),
    );
    out.counter(
      'http_requests_total',
      'HTTP requests served, by status code class.',
      { ...labels, code: '2xx' },
      Math.floor(total.requests - total.errors),
    );
    out.counter(
      'http_requests_total',
      'HTTP requests served, by status code class.',
      { ...labels, code: '5xx' },
      Math.floor(total.errors),
    );
    out.histogram(
      'http_request_duration_seconds',
      'HTTP request latency.',
      labels,
      {
        buckets: LATENCY_BUCKETS.map(
          (bound, i) => [bound, Math.floor(total.latencyBuckets[i])] as const,
        ),
        sum: round(total.latencySum),
        count: Math.floor(total.requests),
      },
    );
  }
}

function serviceGauges(snapshot: UsageSnapshot, out: ExpositionWriter): void {
  for (const service of snapshot.services()) {
    const labels = { service: service.service };
    out.gauge(
      'meschain_queue_length',
      "Messages waiting in the service's work queue.",
      labels,
      round(service.queueLength),
    );
    out.gauge(
      'meschain_marketplace_api_latency_seconds',
      'Latency of the marketplace APIs the service calls.',
      labels,
      round(service.load.marketplaceApiLatencyMs / 1000),
    );
    out.gauge(
      'meschain_ready_pods',
      'Ready pods serving the service.',
      labels,
      service.readyPods,
    );
  }
}

/** The databases, caches and queues, labelled with their catalog Resource names. */
function dependencySeries(
  snapshot: UsageSnapshot,
  counters: TrafficCounters,
  out: ExpositionWriter,
): void {
  for (const usage of snapshot.resources()) {
    const labels = { resource: usage.resource.name };
    if (usage.connectionsInUse !== undefined)
      out.gauge(
        'meschain_db_connections_in_use',
        "Connections of the database's pool in use.",
        labels,
        usage.connectionsInUse,
      );
    if (usage.connectionsMax !== undefined)
      out.gauge(
        'meschain_db_connections_max',
        "Size of the database's connection pool.",
        labels,
        usage.connectionsMax,
      );
    if (usage.replicationLagSeconds !== undefined)
      out.gauge(
        'meschain_db_replication_lag_seconds',
        "How far the database's replica is behind its primary.",
        labels,
        round(usage.replicationLagSeconds),
      );
    const cache = counters.cache(usage.resource.name);
    if (cache) {
      for (const [result, count] of [
        ['hit', cache.hits],
        ['miss', cache.misses],
      ] as const)
        out.counter(
          'meschain_cache_requests_total',
          'Cache lookups, by whether they hit.',
          { ...labels, result },
          Math.floor(count),
        );
    }
    if (usage.queueMessages !== undefined)
      out.gauge(
        'meschain_queue_messages',
        'Messages in the queue, ready or unacknowledged.',
        labels,
        usage.queueMessages,
      );
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
