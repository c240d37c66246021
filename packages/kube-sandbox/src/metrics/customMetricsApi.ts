import { toKubeTimestamp } from '../clock';
import type {
  DiscoveryGroup,
  SandboxRoute,
  SandboxRouteRequest,
} from '../cluster/types';
import { StatusError } from '../status';
import { matchesLabels, parseLabelSelector } from '../store/selectors';
import { describedService } from './describedService';
import {
  externalMetricSeries,
  EXTERNAL_METRICS,
  OBJECT_METRICS,
  POD_METRICS,
} from './metricCatalog';
import { formatMetricValue } from './quantity';
import type { UsageSampler } from './UsageSampler';

const CUSTOM = 'custom.metrics.k8s.io/v1beta2';
const EXTERNAL = 'external.metrics.k8s.io/v1beta1';
/** How far back a custom metric value looks, as prometheus-adapter reports it. */
const WINDOW_SECONDS = 60;

/** Object resources that carry service-level custom metrics, with the kind and apiVersion of their objects. */
const OBJECT_RESOURCES: Readonly<
  Record<string, { kind: string; apiVersion: string }>
> = {
  services: { kind: 'Service', apiVersion: '/v1' },
  'deployments.apps': { kind: 'Deployment', apiVersion: 'apps/v1' },
  'rollouts.argoproj.io': {
    kind: 'Rollout',
    apiVersion: 'argoproj.io/v1alpha1',
  },
};

export const CUSTOM_METRICS_DISCOVERY: DiscoveryGroup = {
  group: 'custom.metrics.k8s.io',
  version: 'v1beta2',
  resources: [
    ...Object.keys(POD_METRICS).map(metric => `pods/${metric}`),
    ...Object.keys(OBJECT_RESOURCES).flatMap(resource =>
      Object.keys(OBJECT_METRICS).map(metric => `${resource}/${metric}`),
    ),
  ].map(name => ({
    name,
    singularName: '',
    kind: 'MetricValueList',
    namespaced: true,
    verbs: ['get'],
  })),
};

export const EXTERNAL_METRICS_DISCOVERY: DiscoveryGroup = {
  group: 'external.metrics.k8s.io',
  version: 'v1beta1',
  resources: Object.keys(EXTERNAL_METRICS).map(name => ({
    name,
    singularName: '',
    kind: 'ExternalMetricValueList',
    namespaced: true,
    verbs: ['get'],
  })),
};

/**
 * The custom metrics API (custom.metrics.k8s.io/v1beta2, as prometheus-adapter serves it) and the
 * external metrics API (external.metrics.k8s.io/v1beta1), from the same catalog the HPA reads.
 */
export function customMetricsRoutes(usage: UsageSampler): SandboxRoute[] {
  return [
    {
      path: `/apis/${CUSTOM}/namespaces/:namespace/:resource/:name/:metric`,
      handle: request => metricValueList(request, usage),
    },
    {
      path: `/apis/${EXTERNAL}/namespaces/:namespace/:metric`,
      handle: request => {
        const { metric } = request.params;
        const snapshot = usage.snapshot(request.cluster.clock.now());
        const series = externalMetricSeries(
          metric,
          snapshot.services(),
          labelsOf(request.query.labelSelector),
        );
        if (!series) throw metricNotFound(metric, 'external metrics');
        const timestamp = toKubeTimestamp(snapshot.at);
        return {
          kind: 'ExternalMetricValueList',
          apiVersion: EXTERNAL,
          metadata: {},
          items: series.map(s => ({
            metricName: metric,
            metricLabels: s.labels,
            timestamp,
            value: formatMetricValue(s.value),
          })),
        };
      },
    },
  ];
}

function metricValueList(request: SandboxRouteRequest, usage: UsageSampler) {
  const { namespace, resource, name, metric } = request.params;
  const snapshot = usage.snapshot(request.cluster.clock.now());
  const timestamp = toKubeTimestamp(snapshot.at);
  const metricSelector = request.query.metricLabelSelector;
  const item = (describedObject: Record<string, string>, value: number) => ({
    describedObject,
    metric: {
      name: metric,
      ...(metricSelector
        ? { selector: { matchLabels: labelsOf(metricSelector) } }
        : {}),
    },
    timestamp,
    windowSeconds: WINDOW_SECONDS,
    value: formatMetricValue(value),
  });
  const list = (items: unknown[]) => ({
    kind: 'MetricValueList',
    apiVersion: CUSTOM,
    metadata: {},
    items,
  });

  if (resource === 'pods') {
    const read = POD_METRICS[metric];
    if (!read) throw metricNotFound(metric, 'pods');
    const selector = parseLabelSelector(request.query.labelSelector);
    const pods = snapshot.pods.filter(
      ({ pod, usage: podUsage }) =>
        podUsage &&
        pod.metadata.namespace === namespace &&
        (name === '*'
          ? matchesLabels(selector, pod.metadata.labels)
          : pod.metadata.name === name),
    );
    if (name !== '*' && !pods.length)
      throw metricNotFound(metric, 'pods', name);
    return list(
      pods.map(({ pod, usage: podUsage }) =>
        item(
          {
            kind: 'Pod',
            namespace,
            name: pod.metadata.name,
            apiVersion: '/v1',
          },
          read(podUsage!),
        ),
      ),
    );
  }

  const target = OBJECT_RESOURCES[resource];
  const read = OBJECT_METRICS[metric];
  if (!target || !read) throw metricNotFound(metric, resource);
  const names =
    name === '*'
      ? request.cluster.store
          .list(resource, {
            namespace,
            labelSelector: request.query.labelSelector,
          })
          .items.map(o => o.metadata.name)
      : [name];
  const items = names.flatMap(objectName => {
    const service = describedService(
      request.cluster.store,
      resource,
      namespace,
      objectName,
    );
    const totals = service ? snapshot.service(service) : undefined;
    return totals
      ? [
          item(
            {
              kind: target.kind,
              namespace,
              name: objectName,
              apiVersion: target.apiVersion,
            },
            read(totals),
          ),
        ]
      : [];
  });
  if (name !== '*' && !items.length)
    throw metricNotFound(metric, resource, name);
  return list(items);
}

function labelsOf(
  selector: string | undefined,
): Record<string, string> | undefined {
  const requirements = parseLabelSelector(selector);
  const labels: Record<string, string> = {};
  for (const req of requirements) {
    if (req.op === 'in' && req.values.length === 1)
      labels[req.key] = req.values[0];
  }
  return requirements.length ? labels : undefined;
}

function metricNotFound(metric: string, resource: string, name?: string) {
  const what = name ? `${resource} "${name}"` : resource;
  return new StatusError(
    404,
    'NotFound',
    `the server could not find the metric ${metric} for ${what}`,
  );
}
