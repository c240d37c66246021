import type { KubeObject } from '../store/types';
import type { ClusterSpec, ServiceSpec } from './types';

/** The labels every object of a service carries; the upstream Kubernetes plugin finds workloads by them. */
export function serviceLabels(
  cluster: ClusterSpec,
  service: ServiceSpec,
): Record<string, string> {
  return {
    'app.kubernetes.io/name': service.name,
    'app.kubernetes.io/part-of': 'meschain-sync',
    'backstage.io/kubernetes-id': service.name,
    ...(service.team ? { 'meschain.io/team': service.team } : {}),
    'meschain.io/region': cluster.region,
  };
}

function selectorLabels(service: ServiceSpec): Record<string, string> {
  return { 'app.kubernetes.io/name': service.name };
}

function podTemplate(cluster: ClusterSpec, service: ServiceSpec) {
  const port = service.port ?? 8080;
  return {
    metadata: { labels: serviceLabels(cluster, service) },
    spec: {
      containers: [
        {
          name: service.name,
          image: service.image,
          ports: [{ name: 'http', containerPort: port }],
          env: [
            { name: 'MESCHAIN_REGION', value: cluster.region },
            { name: 'MESCHAIN_ROLE', value: cluster.role },
          ],
          resources: service.resources,
          readinessProbe: {
            httpGet: { path: '/healthz', port: 'http' },
            periodSeconds: 10,
          },
        },
      ],
    },
  };
}

/** The service's workload: a Deployment for rolling updates, an Argo Rollout otherwise. */
export function workloadObject(
  cluster: ClusterSpec,
  service: ServiceSpec,
): KubeObject {
  const metadata = {
    name: service.name,
    namespace: cluster.namespace,
    labels: serviceLabels(cluster, service),
  };
  const common = {
    replicas: service.replicas,
    revisionHistoryLimit: 10,
    selector: { matchLabels: selectorLabels(service) },
    template: podTemplate(cluster, service),
  };
  if (service.strategy === 'rolling') {
    return {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata,
      spec: common,
    };
  }
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata,
    spec: {
      ...common,
      strategy: service.rolloutStrategy,
      ...(service.rollbackWindow && { rollbackWindow: service.rollbackWindow }),
    },
  };
}

/** The Services in front of the workload: the main one, plus canary or preview ones for rollouts. */
export function serviceObjects(
  cluster: ClusterSpec,
  service: ServiceSpec,
): KubeObject[] {
  const names = [service.name];
  if (service.strategy === 'canary' || service.strategy === 'ab')
    names.push(`${service.name}-canary`);
  if (service.strategy === 'blue-green') names.push(`${service.name}-preview`);
  return names.map(name => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name,
      namespace: cluster.namespace,
      labels: serviceLabels(cluster, service),
    },
    spec: {
      selector: selectorLabels(service),
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
    },
  }));
}

/** The HPA of a service with a scaling policy, targeting its Deployment or Rollout. */
export function autoscalerObject(
  cluster: ClusterSpec,
  service: ServiceSpec,
): KubeObject | undefined {
  if (!service.autoscaling) return undefined;
  const target =
    service.strategy === 'rolling'
      ? { apiVersion: 'apps/v1', kind: 'Deployment', name: service.name }
      : {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Rollout',
          name: service.name,
        };
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: {
      name: service.name,
      namespace: cluster.namespace,
      labels: serviceLabels(cluster, service),
      annotations: { 'meschain.io/scaling-policy': service.scaling },
    },
    spec: { scaleTargetRef: target, ...service.autoscaling },
  };
}

/**
 * The Istio VirtualService a header-routed Rollout names, as a service mesh team would have
 * created it: every named route sends all traffic to the stable Service and none to the canary,
 * which is the state Argo Rollouts starts from. None for other services.
 */
export function virtualServiceObject(
  cluster: ClusterSpec,
  service: ServiceSpec,
): KubeObject | undefined {
  const canary = (service.rolloutStrategy as { canary?: any } | undefined)
    ?.canary;
  const virtualService = canary?.trafficRouting?.istio?.virtualService as
    | { name: string; routes?: string[] }
    | undefined;
  if (!virtualService) return undefined;
  const { stableService, canaryService } = canary;
  return {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'VirtualService',
    metadata: { name: virtualService.name, namespace: cluster.namespace },
    spec: {
      hosts: [stableService],
      http: (virtualService.routes ?? ['primary']).map(name => ({
        name,
        route: [
          { destination: { host: stableService }, weight: 100 },
          { destination: { host: canaryService }, weight: 0 },
        ],
      })),
    },
  };
}
