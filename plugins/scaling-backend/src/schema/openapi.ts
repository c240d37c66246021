/**
 * The scaling backend's HTTP contract. Requests are validated against it
 * before a handler runs, and it is served at `/api/scaling/openapi.json`.
 */
export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'scaling',
    version: '1',
    description:
      'How MesChain services are scaled, where they run, how they are deployed and what they cost.',
    license: { name: 'Apache-2.0' },
  },
  servers: [{ url: '/' }],
  components: {
    parameters: {
      kind: {
        name: 'kind',
        in: 'path',
        required: true,
        description: 'The entity kind, e.g. component.',
        schema: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9]*$' },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        schema: { type: 'string', pattern: '^[a-zA-Z0-9._-]{1,63}$' },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        schema: { type: 'string', pattern: '^[a-zA-Z0-9._-]{1,63}$' },
      },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: { type: 'string' },
              message: { type: 'string' },
            },
          },
        },
      },
      EntityCluster: {
        type: 'object',
        required: ['name', 'entityRef', 'region', 'role'],
        properties: {
          name: { type: 'string' },
          entityRef: { type: 'string' },
          title: { type: 'string' },
          region: { type: 'string' },
          role: { type: 'string', enum: ['primary', 'dr'] },
          location: { type: 'string' },
          drRegion: { type: 'string' },
        },
      },
      ScalingEntityFacts: {
        type: 'object',
        required: [
          'entityRef',
          'name',
          'onCall',
          'workload',
          'regions',
          'clusters',
          'regionsWithoutCluster',
          'problems',
          'annotations',
        ],
        properties: {
          entityRef: { type: 'string' },
          name: { type: 'string' },
          title: { type: 'string' },
          description: { type: 'string' },
          owner: { type: 'string' },
          system: { type: 'string' },
          lifecycle: { type: 'string' },
          tier: { type: 'string' },
          onCall: { type: 'array', items: { type: 'string' } },
          scalingPolicy: {
            type: 'string',
            enum: ['cpu', 'memory', 'requests', 'custom'],
          },
          deploymentStrategy: {
            type: 'string',
            enum: ['rolling', 'blue-green', 'canary', 'ab'],
          },
          workload: {
            type: 'object',
            properties: {
              kubernetesId: { type: 'string' },
              labelSelector: { type: 'string' },
              namespace: { type: 'string' },
              cluster: { type: 'string' },
            },
          },
          regions: { type: 'array', items: { type: 'string' } },
          clusters: {
            type: 'array',
            items: { $ref: '#/components/schemas/EntityCluster' },
          },
          regionsWithoutCluster: { type: 'array', items: { type: 'string' } },
          problems: {
            type: 'array',
            items: {
              type: 'object',
              required: ['annotation', 'message'],
              properties: {
                annotation: { type: 'string' },
                message: { type: 'string' },
              },
            },
          },
          annotations: {
            type: 'object',
            additionalProperties: { type: 'string' },
          },
        },
      },
    },
  },
  paths: {
    '/entities/{kind}/{namespace}/{name}/facts': {
      get: {
        operationId: 'GetEntityScalingFacts',
        description:
          'The scaling-relevant facts of a catalog entity: owner, tier, workload selector, regions and clusters.',
        parameters: [
          { $ref: '#/components/parameters/kind' },
          { $ref: '#/components/parameters/namespace' },
          { $ref: '#/components/parameters/name' },
        ],
        responses: {
          '200': {
            description: 'The entity exists.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ScalingEntityFacts' },
              },
            },
          },
          '400': {
            description: 'The entity reference is malformed.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Error' },
              },
            },
          },
          '401': { description: 'No valid credentials were sent.' },
          '404': {
            description: 'The catalog has no such entity.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Error' },
              },
            },
          },
        },
      },
    },
  },
} as const;
