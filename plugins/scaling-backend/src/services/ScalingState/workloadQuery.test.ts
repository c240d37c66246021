import { ScalingEntityFacts } from '@meschain/backstage-plugin-scaling-common';
import { workloadQueryFor } from './workloadQuery';

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
