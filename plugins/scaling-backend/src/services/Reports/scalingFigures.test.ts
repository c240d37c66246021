import { RegionsOverview } from '@meschain/backstage-plugin-scaling-common';
import { MetricsSource } from '@meschain/backstage-plugin-scaling-node';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  atMaxStepSeconds,
  hoursAtMaxQuery,
  scalingFigures,
} from './scalingFigures';

const PERIOD = { start: '2026-11-23', end: '2026-11-30' };
const services = [
  {
    entityRef: 'component:default/order-service',
    kubernetesId: 'order-service',
    namespace: 'meschain-sync',
  },
  {
    entityRef: 'component:default/user-service',
    kubernetesId: 'user-service',
    namespace: 'meschain-sync',
  },
];

function region(id: string): RegionsOverview['regions'][number] {
  const amounts = (cpuCores: number, memoryBytes: number) => ({
    cpuCores,
    memoryBytes,
  });
  return {
    region: { id, displayName: id, role: 'primary', clusters: [] },
    health: 'healthy',
    capacity: {
      allocatable: amounts(16, 64e9),
      requested: amounts(12, 16e9),
      free: amounts(4, 48e9),
      nodes: 4,
      readyNodes: 4,
    },
    services: [
      {
        kubernetesId: 'order-service',
        entityRef: 'component:default/order-service',
        region: id,
        cluster: `meschain-${id}`,
        namespace: 'meschain-sync',
        requested: amounts(1.5, 2e9),
      },
      {
        kubernetesId: 'cart',
        entityRef: 'component:default/cart',
        region: id,
        cluster: `meschain-${id}`,
        namespace: 'meschain-sync',
        requested: amounts(3, 4e9),
      },
    ],
    errors: [],
  } as unknown as RegionsOverview['regions'][number];
}

describe('scalingFigures', () => {
  it('reads each region’s time at the maximum from kube-state-metrics and sums it per service', async () => {
    const queries: Array<{ promql: string; region: string; time?: Date }> = [];
    const metrics: MetricsSource = {
      async query(promql, { region: regionId, time }) {
        queries.push({ promql, region: regionId, time });
        if (regionId === 'us-east') {
          throw new ServiceUnavailableError(
            'Prometheus of us-east did not answer',
          );
        }
        return [
          {
            labels: {
              namespace: 'meschain-sync',
              horizontalpodautoscaler: 'order-service',
            },
            time: 0,
            value: 5.5,
          },
          {
            labels: {
              namespace: 'other',
              horizontalpodautoscaler: 'user-service',
            },
            time: 0,
            value: 99,
          },
        ];
      },
      queryRange: jest.fn(),
    };
    const figures = await scalingFigures({
      services,
      period: PERIOD,
      events: [],
      overview: {
        regions: [region('eu-west'), region('us-east')],
      } as RegionsOverview,
      metrics,
      now: new Date('2026-12-03T00:00:00Z'),
    });

    const step = atMaxStepSeconds(PERIOD);
    expect(step).toBe(120);
    expect(queries).toEqual([
      {
        promql: hoursAtMaxQuery('eu-west', 7 * 86400, step),
        region: 'eu-west',
        time: new Date('2026-11-30T00:00:00Z'),
      },
      {
        promql: hoursAtMaxQuery('us-east', 7 * 86400, step),
        region: 'us-east',
        time: new Date('2026-11-30T00:00:00Z'),
      },
    ]);
    expect(queries[0].promql).toBe(
      'sum by (namespace, horizontalpodautoscaler) (sum_over_time((' +
        'kube_horizontalpodautoscaler_status_current_replicas{region="eu-west"} >= bool ' +
        'kube_horizontalpodautoscaler_spec_max_replicas{region="eu-west"}' +
        ')[604800s:120s])) * 120 / 3600',
    );
    // user-service's namesake in another namespace is not its autoscaler.
    expect(figures.byService.map(s => s.hoursAtMax)).toEqual([5.5, 0]);
    expect(figures.totals.hoursAtMax).toBe(5.5);
    expect(figures.notes).toEqual([
      'Time at the maximum in us-east is unknown: Prometheus of us-east did not answer',
      expect.stringContaining('Time at the maximum from Prometheus'),
    ]);
    expect(figures.headroom[0]).toEqual({
      region: 'eu-west',
      allocatableCpuCores: 16,
      freeCpuCores: 4,
      cpuHeadroom: 0.25,
      allocatableMemoryBytes: 64e9,
      freeMemoryBytes: 48e9,
      memoryHeadroom: 0.75,
      requestedCpuCores: 1.5,
      requestedMemoryBytes: 2e9,
      errors: [],
    });
  });

  it('leaves the time at the maximum unknown, not zero, when no region’s metrics answer', async () => {
    const figures = await scalingFigures({
      services,
      period: PERIOD,
      events: [],
      overview: { regions: [region('eu-west')] } as RegionsOverview,
      metrics: {
        query: async () => {
          throw new ServiceUnavailableError('No Prometheus is configured');
        },
        queryRange: jest.fn(),
      },
      now: new Date('2026-12-03T00:00:00Z'),
    });
    expect(figures.totals.hoursAtMax).toBeNull();
    expect(figures.byService.map(s => s.hoursAtMax)).toEqual([null, null]);
  });
});
