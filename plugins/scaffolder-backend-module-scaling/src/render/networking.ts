import { Manifest } from './types';

type Owner = {
  name: string;
  namespace: string;
  labels: Record<string, string>;
};

/** A ClusterIP Service in front of the service's pods, on its `http` port. */
export function renderService(serviceName: string, owner: Owner): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: serviceName,
      namespace: owner.namespace,
      labels: owner.labels,
    },
    spec: {
      type: 'ClusterIP',
      selector: { 'app.kubernetes.io/name': owner.name },
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
    },
  };
}

/**
 * Lets a node drain take one pod at a time: with the presets' two or more
 * replicas, one always keeps serving.
 */
export function renderPodDisruptionBudget(owner: Owner): Manifest {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: {
      name: owner.name,
      namespace: owner.namespace,
      labels: owner.labels,
    },
    spec: {
      maxUnavailable: 1,
      selector: { matchLabels: { 'app.kubernetes.io/name': owner.name } },
    },
  };
}

/**
 * The Istio VirtualService a header-routed Rollout manages: Argo Rollouts
 * adds its header route to it and moves the weights between the two
 * destinations, so it must exist before the Rollout's first update.
 */
export function renderVirtualService(
  virtualService: { name: string; routes: string[] },
  destinations: { stable: string; canary: string },
  owner: Owner,
): Manifest {
  return {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'VirtualService',
    metadata: {
      name: virtualService.name,
      namespace: owner.namespace,
      labels: owner.labels,
    },
    spec: {
      hosts: [destinations.stable],
      http: virtualService.routes.map(route => ({
        name: route,
        route: [
          { destination: { host: destinations.stable }, weight: 100 },
          { destination: { host: destinations.canary }, weight: 0 },
        ],
      })),
    },
  };
}
