import { Entity } from '@backstage/catalog-model';
import { readScalingAnnotations } from './readScalingAnnotations';

function service(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'order-service', annotations },
    spec: { type: 'service', owner: 'commerce-team', lifecycle: 'production' },
  };
}

describe('readScalingAnnotations', () => {
  it('reads the workload selector, regions and presets', () => {
    const result = readScalingAnnotations(
      service({
        'backstage.io/kubernetes-id': 'order-service',
        'backstage.io/kubernetes-namespace': 'meschain-sync',
        'meschain.io/regions': 'us-east, eu-west,,tr-central',
        'meschain.io/scaling-policy': 'requests',
        'meschain.io/deployment-strategy': 'canary',
        'meschain.io/on-call': 'user:default/elif.kaya',
        'github.com/project-slug': 'meschain/order-service',
      }),
    );

    expect(result.workload).toEqual({
      kubernetesId: 'order-service',
      namespace: 'meschain-sync',
      labelSelector: undefined,
      cluster: undefined,
    });
    expect(result.regions).toEqual(['us-east', 'eu-west', 'tr-central']);
    expect(result.scalingPolicy).toBe('requests');
    expect(result.deploymentStrategy).toBe('canary');
    expect(result.onCall).toEqual(['user:default/elif.kaya']);
    expect(result.problems).toEqual([]);
    expect(result.annotations).not.toHaveProperty('github.com/project-slug');
  });

  it('reports unknown preset values instead of guessing', () => {
    const result = readScalingAnnotations(
      service({
        'meschain.io/scaling-policy': 'gpu',
        'meschain.io/deployment-strategy': 'big-bang',
      }),
    );

    expect(result.scalingPolicy).toBeUndefined();
    expect(result.deploymentStrategy).toBeUndefined();
    expect(result.problems).toEqual([
      {
        annotation: 'meschain.io/scaling-policy',
        message: '"gpu" is not one of cpu, memory, requests, custom',
      },
      {
        annotation: 'meschain.io/deployment-strategy',
        message: '"big-bang" is not one of rolling, blue-green, canary, ab',
      },
    ]);
  });

  it('gives an entity without annotations no regions and no problems', () => {
    const result = readScalingAnnotations(service({}));
    expect(result.regions).toEqual([]);
    expect(result.onCall).toEqual([]);
    expect(result.problems).toEqual([]);
  });
});
