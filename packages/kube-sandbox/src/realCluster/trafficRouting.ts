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
