import {
  FleetCell,
  FleetOverview,
  FleetService,
} from '@meschain/backstage-plugin-scaling-common';

/** A healthy cell with replicas, an HPA and a cost; `overrides` change it. */
export function fleetCell(
  region: string,
  overrides: Partial<FleetCell> = {},
): FleetCell {
  return {
    region,
    cluster: `meschain-${region}`,
    health: 'pass',
    healthSummary: 'All pods ready',
    replicas: { desired: 3, ready: 3 },
    hpa: null,
    costPerHour: 0.42,
    rollout: null,
    dr: 'ready',
    ...overrides,
  };
}

export const orderService: FleetService = {
  entityRef: 'component:default/order-service',
  title: 'Order Service',
  owner: 'group:default/commerce-team',
  system: 'system:default/meschain-sync',
  tier: 'critical',
  regions: [
    fleetCell('eu-west'),
    fleetCell('us-east', {
      health: 'warn',
      healthSummary: '5 of 6 pods ready',
      replicas: { desired: 6, ready: 5 },
      hpa: {
        current: 45,
        target: 70,
        unit: '%',
        atMax: false,
        replicas: 6,
        maxReplicas: 20,
      },
      costPerHour: 1.2,
      rollout: { phase: 'Progressing', step: 2, steps: 4 },
    }),
    fleetCell('ap-southeast', {
      health: 'unknown',
      healthSummary: 'The cluster could not be read',
      replicas: { desired: 0, ready: 0 },
      costPerHour: null,
      dr: 'n/a',
      error:
        'ap-southeast: meschain-ap-southeast did not answer within 5000 ms',
    }),
  ],
};

export const loggingService: FleetService = {
  entityRef: 'component:default/logging-service',
  title: 'Logging Service',
  owner: 'group:default/platform-team',
  system: 'system:default/observability',
  tier: 'high',
  regions: [
    fleetCell('eu-west', {
      health: 'fail',
      healthSummary: '0 of 2 pods ready',
      replicas: { desired: 2, ready: 0 },
      dr: 'not-ready',
    }),
  ],
};

export const fleet: FleetOverview = {
  services: [orderService, loggingService],
  regions: ['eu-west', 'us-east', 'ap-southeast'],
  generatedAt: new Date().toISOString(),
};

/** A fleet of `count` services in each of `regions`, named service-0000 on. */
export function largeFleet(count: number, regions: string[]): FleetOverview {
  return {
    services: Array.from({ length: count }, (_, index) => {
      const name = `service-${String(index).padStart(4, '0')}`;
      return {
        entityRef: `component:default/${name}`,
        title: name,
        owner: 'group:default/platform-team',
        regions: regions.map(region => fleetCell(region)),
      };
    }),
    regions,
    generatedAt: new Date().toISOString(),
  };
}
