import { withScaleDownDefaults, withScaleUpDefaults } from '../../hpa/defaults';
import type { HorizontalPodAutoscaler } from '../types';

/**
 * The HPA as the API server returns it after a create: defaulted behavior,
 * server-set metadata, fields other tools added, and a status.
 */
export function serverReturned(
  hpa: HorizontalPodAutoscaler,
): HorizontalPodAutoscaler {
  const { behavior } = hpa.spec;
  return {
    ...hpa,
    metadata: {
      ...hpa.metadata,
      labels: { ...hpa.metadata.labels, 'argocd.argoproj.io/instance': 'web' },
      annotations: {
        ...hpa.metadata.annotations,
        'kubectl.kubernetes.io/last-applied-configuration': '{}',
      },
      uid: '6f1c2c3e-8c1e-4c59-9d2a-0b6f3f1a2b3c',
      resourceVersion: '48151',
      generation: 3,
      creationTimestamp: '2025-01-01T00:00:00Z',
      managedFields: [{ manager: 'meschain-scaling', operation: 'Apply' }],
    },
    spec: {
      ...hpa.spec,
      ...(behavior && {
        behavior: {
          scaleUp: withScaleUpDefaults(behavior.scaleUp),
          scaleDown: withScaleDownDefaults(behavior.scaleDown),
        },
      }),
    },
    status: {
      currentReplicas: 4,
      desiredReplicas: 4,
      lastScaleTime: '2025-01-01T00:05:00Z',
    },
  };
}
