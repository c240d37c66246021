import {
  HorizontalPodAutoscaler,
  LABEL_MANAGED_BY,
  MANAGED_BY_SCALING,
  parseHorizontalPodAutoscaler,
  renderHorizontalPodAutoscaler,
} from '@meschain/backstage-plugin-scaling-common';
import { policyChanges } from './policyChanges';

const workload = {
  kind: 'Deployment' as const,
  name: 'logging-service',
  namespace: 'meschain-sync',
};

/** An HPA written by hand, as the fleet's are: not labelled as the suite's. */
const live: HorizontalPodAutoscaler = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: {
    name: 'logging-service',
    namespace: 'meschain-sync',
    labels: { 'app.kubernetes.io/name': 'logging-service' },
  },
  spec: {
    scaleTargetRef: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'logging-service',
    },
    minReplicas: 2,
    maxReplicas: 15,
    metrics: [
      {
        type: 'Resource',
        resource: {
          name: 'memory',
          target: { type: 'Utilization', averageUtilization: 80 },
        },
      },
    ],
    behavior: {
      scaleDown: {
        stabilizationWindowSeconds: 600,
        policies: [{ type: 'Percent', value: 40, periodSeconds: 120 }],
      },
    },
  },
};

function rendered(policy = parseHorizontalPodAutoscaler(live).policy) {
  return renderHorizontalPodAutoscaler({
    policy,
    workload,
    labels: live.metadata.labels,
  });
}

describe('policyChanges', () => {
  it('finds nothing to change when the policy is the one the live HPA expresses', () => {
    expect(rendered().metadata.labels?.[LABEL_MANAGED_BY]).toBe(
      MANAGED_BY_SCALING,
    );
    expect(policyChanges(live, rendered())).toEqual([]);
  });

  it('lists every change, the label included, once the policy differs', () => {
    const policy = parseHorizontalPodAutoscaler(live).policy;
    expect(
      policyChanges(live, rendered({ ...policy, maxReplicas: 20 })),
    ).toEqual([
      {
        path: `metadata.labels[${JSON.stringify(LABEL_MANAGED_BY)}]`,
        before: undefined,
        after: MANAGED_BY_SCALING,
      },
      { path: 'spec.maxReplicas', before: 15, after: 20 },
    ]);
  });

  it('lists the whole HPA when there is none yet', () => {
    expect(policyChanges(undefined, rendered()).length).toBeGreaterThan(1);
  });
});
