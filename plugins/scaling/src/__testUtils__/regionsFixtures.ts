import {
  EntityRegions,
  Region,
  RegionFacts,
  RegionServicePlacement,
  RegionsOverview,
  ServiceDrReadiness,
} from '@meschain/backstage-plugin-scaling-common';

const GIB = 1024 ** 3;

const trCentral: Region = {
  id: 'tr-central',
  displayName: 'Türkiye Central',
  role: 'primary',
  drRegion: 'eu-central',
  provider: 'aws',
  providerRegion: 'il-central-1',
  latitude: 39.93,
  longitude: 32.86,
  clusters: ['meschain-tr-central'],
  location: 'Ankara, TR',
  latencyMs: 45,
};

const euCentral: Region = {
  id: 'eu-central',
  displayName: 'EU Central',
  role: 'dr',
  drRegion: 'tr-central',
  latitude: 50.11,
  longitude: 8.68,
  clusters: ['meschain-eu-central'],
};

function placement(
  region: Region,
  kubernetesId: string,
  owner: string,
  image: string,
): RegionServicePlacement {
  return {
    kubernetesId,
    entityRef: `component:default/${kubernetesId}`,
    title: kubernetesId,
    owner: `group:default/${owner}`,
    system: owner === 'platform-team' ? 'observability' : 'commerce',
    region: region.id,
    cluster: region.clusters[0],
    namespace: 'default',
    workload: { kind: 'Deployment', name: kubernetesId },
    replicas: { desired: 3, ready: 3 },
    images: [image],
    requested: { cpuCores: 0.6, memoryBytes: GIB },
  };
}

function facts(
  region: Region,
  services: RegionServicePlacement[],
  overrides: Partial<RegionFacts> = {},
): RegionFacts {
  const amounts = (cpuCores: number) => ({
    cpuCores,
    memoryBytes: cpuCores * 4 * GIB,
  });
  return {
    region,
    health: 'healthy',
    capacity: {
      allocatable: amounts(8),
      requested: amounts(2),
      free: amounts(6),
      nodes: 2,
      readyNodes: 2,
    },
    cost: { currency: 'USD', hourly: 0.5, monthly: 365 },
    latency: { configuredMs: region.latencyMs, measuredMs: 3.2 },
    clusters: [{ name: region.clusters[0], reachable: true, roundTripMs: 3.2 }],
    services,
    errors: [],
    ...overrides,
  };
}

const orderInTr = placement(
  trCentral,
  'order-service',
  'commerce-team',
  'meschain/order-service:2.0.0',
);
const loggingInTr = placement(
  trCentral,
  'logging-service',
  'platform-team',
  'meschain/logging-service:1.0.0',
);
const orderInEu = placement(
  euCentral,
  'order-service',
  'commerce-team',
  'meschain/order-service:1.9.0',
);

export const orderServiceDr: ServiceDrReadiness = {
  kubernetesId: 'order-service',
  entityRef: 'component:default/order-service',
  owner: 'group:default/commerce-team',
  system: 'commerce',
  primaryRegion: 'tr-central',
  partnerRegion: 'eu-central',
  verdict: 'fail',
  checks: [
    {
      id: 'deployed-in-partner',
      verdict: 'pass',
      summary: 'eu-central runs order-service',
      figures: { partnerReplicas: 3, partnerReadyReplicas: 3 },
    },
    {
      id: 'same-image',
      verdict: 'fail',
      summary: 'eu-central runs another image',
      figures: {
        primaryImages: ['meschain/order-service:2.0.0'],
        partnerImages: ['meschain/order-service:1.9.0'],
      },
    },
    {
      id: 'partner-capacity',
      verdict: 'pass',
      summary: 'eu-central has room',
      figures: {
        needed: { cpuCores: 0.6, memoryBytes: GIB },
        partnerFree: { cpuCores: 6, memoryBytes: 24 * GIB },
      },
    },
    {
      id: 'scale-up-time',
      verdict: 'pass',
      summary: 'within the limit',
      figures: {
        fromReplicas: 3,
        toReplicas: 6,
        maxReplicas: 10,
        minutes: 0.5,
        limitMinutes: 10,
      },
    },
  ],
};

/** Two regions paired for DR; tr-central runs two teams' services, eu-central's cluster is down. */
export const regionsOverview: RegionsOverview = {
  regions: [
    facts(trCentral, [orderInTr, loggingInTr]),
    facts(euCentral, [orderInEu], {
      health: 'degraded',
      errors: [
        {
          cluster: 'meschain-eu-central-2',
          name: 'ServiceUnavailableError',
          message: 'cluster did not answer',
        },
      ],
    }),
  ],
  edgeLocations: [
    {
      id: 'ist-cdn',
      kind: 'cdn-pop',
      city: 'Istanbul',
      country: 'TR',
      latitude: 41.01,
      longitude: 28.98,
    },
    {
      id: 'fra-edge',
      kind: 'edge-compute',
      city: 'Frankfurt',
      country: 'DE',
      latitude: 50.11,
      longitude: 8.68,
    },
  ],
  dr: {
    summary: { verdict: 'fail', pass: 0, fail: 1, unknown: 0 },
    services: [orderServiceDr],
  },
  generatedAt: '2026-11-27T01:00:00Z',
};

export const orderServiceRegions: EntityRegions = {
  entityRef: 'component:default/order-service',
  placements: [orderInTr, { ...orderInEu, replicas: { desired: 3, ready: 1 } }],
  regions: [trCentral, euCentral],
  dr: [orderServiceDr],
  verdict: 'fail',
  errors: [],
};
