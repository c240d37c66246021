import type { ClusterSpec } from '../cluster/types';
import type { KubeObject } from '../store/types';

/**
 * Istio's VirtualService, as far as Argo Rollouts needs it: the kind, served at the version the
 * controller asks for by default (`--istio-api-version v1alpha3`), with no schema. The real
 * control plane runs no Istio; a header-routed canary only needs a VirtualService to rewrite.
 */
export const VIRTUAL_SERVICE_CRD: KubeObject = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'virtualservices.networking.istio.io' },
  spec: {
    group: 'networking.istio.io',
    scope: 'Namespaced',
    names: {
      plural: 'virtualservices',
      singular: 'virtualservice',
      kind: 'VirtualService',
      shortNames: ['vs'],
    },
    versions: ['v1alpha3', 'v1beta1', 'v1'].map(name => ({
      name,
      served: true,
      storage: name === 'v1alpha3',
      schema: {
        openAPIV3Schema: {
          type: 'object',
          'x-kubernetes-preserve-unknown-fields': true,
        },
      },
    })),
  },
};

interface IstioRouting {
  canaryService: string;
  stableService: string;
  virtualService: { name: string; routes?: string[] };
}

function istioRoutingOf(strategy: unknown): IstioRouting | undefined {
  const canary = (strategy as { canary?: any } | undefined)?.canary;
  const virtualService = canary?.trafficRouting?.istio?.virtualService;
  return virtualService && { ...canary, virtualService };
}

/**
 * The VirtualService each Istio-routed Rollout of the fleet names, as a service mesh team would
 * have created it: every named route sends all traffic to the stable Service and none to the
 * canary, which is the state Argo Rollouts starts from.
 */
export function virtualServiceObjects(spec: ClusterSpec): KubeObject[] {
  return spec.services.flatMap(service => {
    const routing = istioRoutingOf(service.rolloutStrategy);
    if (!routing) return [];
    const { virtualService, stableService, canaryService } = routing;
    return [
      {
        apiVersion: 'networking.istio.io/v1alpha3',
        kind: 'VirtualService',
        metadata: { name: virtualService.name, namespace: spec.namespace },
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
      },
    ];
  });
}
