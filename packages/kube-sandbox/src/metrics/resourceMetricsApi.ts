import { toKubeTimestamp } from '../clock';
import type {
  DiscoveryGroup,
  SandboxRoute,
  SandboxRouteRequest,
} from '../cluster/types';
import type { Node, Pod } from '../controllers/kinds';
import { statusErrors } from '../status';
import { matchesLabels, parseLabelSelector } from '../store/selectors';
import { formatKibibytes, formatNanoCores, parseQuantity } from './quantity';
import type { UsageSampler, UsageSnapshot } from './UsageSampler';

const GROUP_VERSION = 'metrics.k8s.io/v1beta1';
const BASE = `/apis/${GROUP_VERSION}`;
/** metrics-server's scrape window. */
const WINDOW = '15s';
/** What the kubelet, runtime and system daemons use on every node besides the pods. */
const NODE_OVERHEAD = { cpuShare: 0.04, memoryBytes: 600 * 2 ** 20 };

export const RESOURCE_METRICS_DISCOVERY: DiscoveryGroup = {
  group: 'metrics.k8s.io',
  version: 'v1beta1',
  resources: [
    {
      name: 'nodes',
      singularName: '',
      kind: 'NodeMetrics',
      namespaced: false,
      verbs: ['get', 'list'],
    },
    {
      name: 'pods',
      singularName: '',
      kind: 'PodMetrics',
      namespaced: true,
      verbs: ['get', 'list'],
    },
  ],
};

/** The resource metrics API as metrics-server serves it, so `kubectl top` and the HPA can read it. */
export function resourceMetricsRoutes(usage: UsageSampler): SandboxRoute[] {
  const snapshot = (request: SandboxRouteRequest) =>
    usage.snapshot(request.cluster.clock.now());
  const podList = (request: SandboxRouteRequest) => ({
    kind: 'PodMetricsList',
    apiVersion: GROUP_VERSION,
    metadata: {},
    items: podMetrics(request, snapshot(request)),
  });
  const nodeList = (request: SandboxRouteRequest) => ({
    kind: 'NodeMetricsList',
    apiVersion: GROUP_VERSION,
    metadata: {},
    items: nodeMetrics(request, snapshot(request)),
  });
  return [
    { path: `${BASE}/pods`, handle: podList },
    { path: `${BASE}/namespaces/:namespace/pods`, handle: podList },
    {
      path: `${BASE}/namespaces/:namespace/pods/:name`,
      handle: request => {
        const { name } = request.params;
        const [item] = podMetrics(
          { ...request, query: { fieldSelector: `metadata.name=${name}` } },
          snapshot(request),
        );
        if (!item)
          throw statusErrors.notFound(
            { resource: 'pods', group: 'metrics.k8s.io' },
            name,
          );
        return item;
      },
    },
    { path: `${BASE}/nodes`, handle: nodeList },
    {
      path: `${BASE}/nodes/:name`,
      handle: request => {
        const [item] = nodeMetrics(request, snapshot(request)).filter(
          m => m.metadata.name === request.params.name,
        );
        if (!item)
          throw statusErrors.notFound(
            { resource: 'nodes', group: 'metrics.k8s.io' },
            request.params.name,
          );
        return item;
      },
    },
  ];
}

/**
 * The pods are selected through the store's label index, as metrics-server answers from its own
 * cache: a selected list costs what it returns, not what the cluster holds.
 */
function podMetrics(request: SandboxRouteRequest, snapshot: UsageSnapshot) {
  const { namespace } = request.params;
  const { labelSelector, fieldSelector } = request.query;
  const timestamp = toKubeTimestamp(snapshot.at);
  return (
    request.cluster.store.list('pods', {
      namespace,
      labelSelector,
      fieldSelector,
    }).items as Pod[]
  ).flatMap(listed => {
    const sampled = snapshot.pod(
      listed.metadata.namespace!,
      listed.metadata.name,
    );
    if (!sampled?.usage) return [];
    const { pod, usage } = sampled;
    return [
      {
        metadata: {
          name: pod.metadata.name,
          namespace: pod.metadata.namespace,
          creationTimestamp: timestamp,
          labels: pod.metadata.labels ?? {},
        },
        timestamp,
        window: WINDOW,
        containers: splitOverContainers(pod, usage.cpuCores, usage.memoryBytes),
      },
    ];
  });
}

/** A pod's usage shared among its containers in proportion to their CPU requests. */
function splitOverContainers(pod: Pod, cpuCores: number, memoryBytes: number) {
  const containers = pod.spec.containers;
  const weights = containers.map(
    c => parseQuantity(c.resources?.requests?.cpu) || 0,
  );
  const total = weights.reduce((a, b) => a + b, 0);
  return containers.map((container, i) => {
    const share = total > 0 ? weights[i] / total : 1 / containers.length;
    return {
      name: container.name,
      usage: {
        cpu: formatNanoCores(cpuCores * share),
        memory: formatKibibytes(memoryBytes * share),
      },
    };
  });
}

function nodeMetrics(request: SandboxRouteRequest, snapshot: UsageSnapshot) {
  const labels = parseLabelSelector(request.query.labelSelector);
  const perNode = new Map<string, { cpu: number; memory: number }>();
  for (const { pod, usage } of snapshot.pods) {
    if (!usage || !pod.spec.nodeName) continue;
    const total = perNode.get(pod.spec.nodeName) ?? { cpu: 0, memory: 0 };
    total.cpu += usage.cpuCores;
    total.memory += usage.memoryBytes;
    perNode.set(pod.spec.nodeName, total);
  }
  const timestamp = toKubeTimestamp(snapshot.at);
  return (request.cluster.store.list('nodes').items as Node[])
    .filter(node => matchesLabels(labels, node.metadata.labels))
    .map(node => {
      const pods = perNode.get(node.metadata.name) ?? { cpu: 0, memory: 0 };
      const cpu =
        parseQuantity(
          node.status?.capacity?.cpu ?? node.status?.allocatable?.cpu,
        ) || 0;
      return {
        metadata: {
          name: node.metadata.name,
          creationTimestamp: timestamp,
          labels: node.metadata.labels ?? {},
        },
        timestamp,
        window: WINDOW,
        usage: {
          cpu: formatNanoCores(pods.cpu + cpu * NODE_OVERHEAD.cpuShare),
          memory: formatKibibytes(pods.memory + NODE_OVERHEAD.memoryBytes),
        },
      };
    });
}
