import { ScalingEntityFacts } from '@meschain/backstage-plugin-scaling-common';
import {
  matchesWorkloadQuery,
  prometheusLabelName,
  workloadQueryFor,
} from './workloadQuery';

function facts(workload: ScalingEntityFacts['workload']): ScalingEntityFacts {
  return {
    entityRef: 'component:default/order-service',
    name: 'order-service',
    onCall: [],
    workload,
    regions: [],
    clusters: [],
    regionsWithoutCluster: [],
    problems: [],
    annotations: {},
  };
}

describe('workloadQueryFor', () => {
  it('selects on backstage.io/kubernetes-id, as the upstream Kubernetes backend does', () => {
    expect(
      workloadQueryFor(
        facts({ kubernetesId: 'orders', namespace: 'meschain-sync' }),
      ),
    ).toEqual({
      labelSelector: 'backstage.io/kubernetes-id=orders',
      namespace: 'meschain-sync',
    });
  });

  it('prefers an explicit label selector over the kubernetes id', () => {
    expect(
      workloadQueryFor(
        facts({
          kubernetesId: 'orders',
          labelSelector: 'app.kubernetes.io/name in (orders,orders-worker)',
        }),
      ),
    ).toEqual({
      labelSelector: 'app.kubernetes.io/name in (orders,orders-worker)',
      namespace: undefined,
    });
  });

  it("falls back to the entity's name, and treats blank annotations as absent", () => {
    expect(
      workloadQueryFor(
        facts({ kubernetesId: ' ', labelSelector: '', namespace: '  ' }),
      ),
    ).toEqual({
      labelSelector: 'backstage.io/kubernetes-id=order-service',
      namespace: undefined,
    });
  });
});

describe('matchesWorkloadQuery', () => {
  const labels = {
    backstage_io_kubernetes_id: 'order-service',
    tier: 'critical',
    app: 'orders',
  };
  const inSync = { namespace: 'meschain-sync', labels };

  it.each([
    ['backstage.io/kubernetes-id=order-service', true],
    ['backstage.io/kubernetes-id==order-service', true],
    ['backstage.io/kubernetes-id=user-service', false],
    ['tier in (critical, standard),app', true],
    ['tier notin (critical)', false],
    ['tier!=critical', false],
    ['!canary,app=orders', true],
    ['app', true],
    ['missing', false],
    ['tier in critical', false],
  ])('reads %p in Prometheus label spelling: %p', (labelSelector, matches) => {
    expect(
      matchesWorkloadQuery({ labelSelector }, inSync, prometheusLabelName),
    ).toBe(matches);
  });

  it('requires the namespace when the query names one', () => {
    const query = workloadQueryFor(
      facts({ kubernetesId: 'order-service', namespace: 'payments' }),
    );
    expect(matchesWorkloadQuery(query, inSync, prometheusLabelName)).toBe(
      false,
    );
    expect(
      matchesWorkloadQuery(
        { ...query, namespace: 'meschain-sync' },
        inSync,
        prometheusLabelName,
      ),
    ).toBe(true);
  });
});
