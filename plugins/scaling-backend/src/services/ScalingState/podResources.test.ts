import { ScalableWorkloadObject } from './kubernetesObjects';
import { podResources } from './podResources';

function workload(
  template: NonNullable<ScalableWorkloadObject['spec']>['template'],
  replicas?: number,
): ScalableWorkloadObject {
  return {
    metadata: { name: 'order-service', namespace: 'meschain-sync' },
    spec: { template },
    status: { replicas },
  };
}

describe('podResources', () => {
  it("multiplies the template's container requests by the pods in status", () => {
    const resources = podResources(
      workload(
        {
          spec: {
            containers: [
              {
                name: 'app',
                resources: { requests: { cpu: '250m', memory: '256Mi' } },
              },
              { name: 'sidecar', resources: { requests: { cpu: '50m' } } },
              { name: 'unbounded' },
            ],
          },
        },
        3,
      ),
      undefined,
    );

    expect(resources).toEqual({
      pods: 3,
      requests: { cpuMillicores: 900, memoryBytes: 3 * 256 * 2 ** 20 },
      usage: undefined,
    });
  });

  it("prefers the template's pod-level requests to its containers'", () => {
    const resources = podResources(
      workload(
        {
          spec: {
            resources: { requests: { cpu: '1', memory: '1Gi' } },
            containers: [
              { name: 'app', resources: { requests: { cpu: '250m' } } },
            ],
          },
        },
        2,
      ),
      undefined,
    );

    expect(resources.requests).toEqual({
      cpuMillicores: 2000,
      memoryBytes: 2 * 2 ** 30,
    });
  });

  it('counts no pods and no requests before the status reports any', () => {
    expect(podResources(workload(undefined), undefined)).toEqual({
      pods: 0,
      requests: { cpuMillicores: 0, memoryBytes: 0 },
      usage: undefined,
    });
  });

  it('sums the usage of the pods the metrics API sampled', () => {
    const sample = (name: string, cpu: string, memory: string) => ({
      metadata: { name, namespace: 'meschain-sync' },
      containers: [{ name: 'app', usage: { cpu, memory } }],
    });

    const resources = podResources(workload(undefined, 3), [
      sample('order-service-a', '120m', '100Mi'),
      sample('order-service-b', '80m', '60Mi'),
    ]);

    expect(resources.usage).toEqual({
      pods: 2,
      cpuMillicores: 200,
      memoryBytes: 160 * 2 ** 20,
    });
  });
});
