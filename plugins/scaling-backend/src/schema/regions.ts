/**
 * The regions part of the scaling backend's OpenAPI spec: schemas and paths
 * that `openapi.ts` spreads in. They mirror the types of
 * `@meschain/backstage-plugin-scaling-common`'s `regions` module.
 */
import {
  entityNotFound,
  entityParameters,
  errorContent,
  malformedEntityRef,
  unauthorized,
} from './shared';

const ref = <T extends string>(name: T) =>
  ({ $ref: `#/components/schemas/${name}` } as const);

const verdict = { type: 'string', enum: ['pass', 'fail', 'unknown'] } as const;

export const regionsSchemas = {
  ComputeAmounts: {
    type: 'object',
    description: 'CPU in cores and memory in bytes.',
    required: ['cpuCores', 'memoryBytes'],
    properties: {
      cpuCores: { type: 'number' },
      memoryBytes: { type: 'number' },
    },
  },
  RegionCapacity: {
    type: 'object',
    description:
      'Allocatable of the Ready nodes against the requests of the pods bound to them.',
    required: ['allocatable', 'requested', 'free', 'nodes', 'readyNodes'],
    properties: {
      allocatable: ref('ComputeAmounts'),
      requested: ref('ComputeAmounts'),
      free: ref('ComputeAmounts'),
      nodes: { type: 'integer' },
      readyNodes: { type: 'integer' },
    },
  },
  Region: {
    type: 'object',
    required: ['id', 'displayName', 'role', 'clusters'],
    properties: {
      id: { type: 'string' },
      displayName: { type: 'string' },
      role: { type: 'string', enum: ['primary', 'dr'] },
      drRegion: { type: 'string' },
      provider: { type: 'string' },
      providerRegion: { type: 'string' },
      latitude: { type: 'number' },
      longitude: { type: 'number' },
      clusters: { type: 'array', items: { type: 'string' } },
      location: { type: 'string' },
      latencyMs: { type: 'number' },
      pricing: {
        type: 'object',
        required: ['currency', 'cpuCoreHour', 'memoryGiBHour'],
        properties: {
          currency: { type: 'string' },
          cpuCoreHour: { type: 'number' },
          memoryGiBHour: { type: 'number' },
        },
      },
    },
  },
  EdgeLocation: {
    type: 'object',
    required: ['id', 'kind', 'city', 'country', 'latitude', 'longitude'],
    properties: {
      id: { type: 'string' },
      kind: { type: 'string', enum: ['cdn-pop', 'edge-compute'] },
      city: { type: 'string' },
      country: { type: 'string' },
      latitude: { type: 'number' },
      longitude: { type: 'number' },
      region: { type: 'string' },
    },
  },
  RegionClusterError: {
    type: 'object',
    required: ['cluster', 'name', 'message'],
    properties: {
      cluster: { type: 'string' },
      name: { type: 'string' },
      message: { type: 'string' },
    },
  },
  RegionClusterFacts: {
    type: 'object',
    required: ['name', 'reachable'],
    properties: {
      name: { type: 'string' },
      reachable: { type: 'boolean' },
      roundTripMs: { type: 'number' },
      capacity: ref('RegionCapacity'),
      error: ref('RegionClusterError'),
    },
  },
  RegionServicePlacement: {
    type: 'object',
    required: [
      'kubernetesId',
      'region',
      'cluster',
      'namespace',
      'workload',
      'replicas',
      'images',
      'requested',
    ],
    properties: {
      kubernetesId: { type: 'string' },
      entityRef: { type: 'string' },
      title: { type: 'string' },
      owner: { type: 'string' },
      system: { type: 'string' },
      region: { type: 'string' },
      cluster: { type: 'string' },
      namespace: { type: 'string' },
      workload: {
        type: 'object',
        required: ['kind', 'name'],
        properties: {
          kind: { type: 'string', enum: ['Deployment', 'Rollout'] },
          name: { type: 'string' },
        },
      },
      replicas: {
        type: 'object',
        required: ['desired', 'ready'],
        properties: {
          desired: { type: 'integer' },
          ready: { type: 'integer' },
        },
      },
      images: { type: 'array', items: { type: 'string' } },
      requested: ref('ComputeAmounts'),
    },
  },
  RegionFacts: {
    type: 'object',
    required: [
      'region',
      'health',
      'capacity',
      'cost',
      'latency',
      'clusters',
      'services',
      'errors',
    ],
    properties: {
      region: ref('Region'),
      health: {
        type: 'string',
        enum: ['healthy', 'degraded', 'down', 'unknown'],
      },
      capacity: ref('RegionCapacity'),
      cost: {
        type: 'object',
        required: ['currency', 'hourly', 'monthly'],
        properties: {
          currency: { type: 'string' },
          hourly: { type: 'number' },
          monthly: { type: 'number' },
        },
      },
      latency: {
        type: 'object',
        properties: {
          configuredMs: { type: 'number' },
          measuredMs: { type: 'number' },
        },
      },
      clusters: { type: 'array', items: ref('RegionClusterFacts') },
      services: { type: 'array', items: ref('RegionServicePlacement') },
      errors: { type: 'array', items: ref('RegionClusterError') },
    },
  },
  DrCheck: {
    type: 'object',
    description:
      'One DR check with its verdict, a sentence, and the figures behind it (by check id).',
    required: ['id', 'verdict', 'summary', 'figures'],
    properties: {
      id: {
        type: 'string',
        enum: [
          'deployed-in-partner',
          'same-image',
          'partner-capacity',
          'scale-up-time',
        ],
      },
      verdict,
      summary: { type: 'string' },
      figures: { type: 'object', additionalProperties: true },
    },
  },
  ServiceDrReadiness: {
    type: 'object',
    required: ['kubernetesId', 'primaryRegion', 'verdict', 'checks'],
    properties: {
      kubernetesId: { type: 'string' },
      entityRef: { type: 'string' },
      owner: { type: 'string' },
      system: { type: 'string' },
      primaryRegion: { type: 'string' },
      partnerRegion: { type: 'string' },
      verdict,
      checks: { type: 'array', items: ref('DrCheck') },
    },
  },
  RegionsOverview: {
    type: 'object',
    required: ['regions', 'edgeLocations', 'dr', 'generatedAt'],
    properties: {
      regions: { type: 'array', items: ref('RegionFacts') },
      edgeLocations: { type: 'array', items: ref('EdgeLocation') },
      dr: {
        type: 'object',
        required: ['summary', 'services'],
        properties: {
          summary: {
            type: 'object',
            required: ['verdict', 'pass', 'fail', 'unknown'],
            properties: {
              verdict,
              pass: { type: 'integer' },
              fail: { type: 'integer' },
              unknown: { type: 'integer' },
            },
          },
          services: { type: 'array', items: ref('ServiceDrReadiness') },
        },
      },
      generatedAt: { type: 'string', format: 'date-time' },
    },
  },
  EntityRegions: {
    type: 'object',
    required: ['entityRef', 'placements', 'regions', 'dr', 'verdict', 'errors'],
    properties: {
      entityRef: { type: 'string' },
      placements: { type: 'array', items: ref('RegionServicePlacement') },
      regions: { type: 'array', items: ref('Region') },
      dr: { type: 'array', items: ref('ServiceDrReadiness') },
      verdict,
      errors: { type: 'array', items: ref('RegionClusterError') },
    },
  },
} as const;

export const regionsPaths = {
  '/regions': {
    get: {
      operationId: 'GetRegionsOverview',
      description:
        "Every region with its clusters' live capacity, services, health, cost and latency, the edge locations, and each service's DR readiness. A cluster that fails is named in its region's errors; the rest is still returned.",
      responses: {
        '200': {
          description: 'The regions, possibly with per-cluster errors.',
          content: { 'application/json': { schema: ref('RegionsOverview') } },
        },
        '401': unauthorized,
      },
    },
  },
  '/regions/{regionId}': {
    get: {
      operationId: 'GetRegionFacts',
      description: "One region with its clusters' live facts.",
      parameters: [
        {
          name: 'regionId',
          in: 'path',
          required: true,
          schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' },
        },
      ],
      responses: {
        '200': {
          description: 'The region, possibly with per-cluster errors.',
          content: { 'application/json': { schema: ref('RegionFacts') } },
        },
        '400': {
          description: 'The region id is malformed.',
          content: errorContent,
        },
        '401': unauthorized,
        '404': { description: 'No such region.', content: errorContent },
      },
    },
  },
  '/entities/{kind}/{namespace}/{name}/regions': {
    get: {
      operationId: 'GetEntityRegions',
      description:
        'The regions a catalog entity runs in, with its replicas there and its DR readiness.',
      parameters: entityParameters,
      responses: {
        '200': {
          description: 'The entity exists.',
          content: { 'application/json': { schema: ref('EntityRegions') } },
        },
        '400': malformedEntityRef,
        '401': unauthorized,
        '404': entityNotFound,
      },
    },
  },
} as const;
