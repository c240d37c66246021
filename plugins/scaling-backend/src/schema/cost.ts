/**
 * The cost routes' part of the OpenAPI spec; `openapi.ts` spreads it in.
 * The response shapes are those of `@meschain/backstage-plugin-scaling-common`'s cost types.
 */

import {
  entityNotFound,
  entityParameters,
  errorContent,
  unauthorized,
} from './shared';

const DAY_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

const windowParameters = [
  {
    name: 'start',
    in: 'query',
    required: false,
    description: 'First UTC day, YYYY-MM-DD; 30 days before `end` by default.',
    schema: { type: 'string', pattern: DAY_PATTERN },
  },
  {
    name: 'end',
    in: 'query',
    required: false,
    description: 'The UTC day after the last, YYYY-MM-DD; today by default.',
    schema: { type: 'string', pattern: DAY_PATTERN },
  },
] as const;

const entityWindowParameters = [
  ...entityParameters,
  ...windowParameters,
] as const;

const badWindow = {
  description: 'A date is malformed, or the window is empty or too long.',
  content: errorContent,
} as const;

/**
 * A cost answer. `dataStart` is the first day with cost data; `change` is left
 * out when the window before starts earlier, as there is nothing to compare.
 */
function report(schema: string, required: readonly string[]) {
  return {
    description: `A ${schema}.`,
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required,
          additionalProperties: true,
          properties: {},
        },
      },
    },
  } as const;
}

const ingestionRuns = {
  type: 'object',
  required: ['window', 'runs'],
  properties: {
    window: {
      type: 'object',
      required: ['start', 'end'],
      properties: { start: { type: 'string' }, end: { type: 'string' } },
    },
    runs: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'date',
          'cluster',
          'region',
          'status',
          'stored',
          'skipped',
          'total',
        ],
        properties: {
          date: { type: 'string' },
          cluster: { type: 'string' },
          region: { type: 'string' },
          status: {
            type: 'string',
            enum: ['complete', 'incomplete', 'failed'],
          },
          reason: { type: 'string' },
          stored: { type: 'integer' },
          skipped: { type: 'integer' },
          total: { type: 'number' },
        },
      },
    },
  },
} as const;

export const costPaths = {
  '/cost/entities/{kind}/{namespace}/{name}': {
    get: {
      operationId: 'GetEntityCost',
      description:
        'An entity’s daily cost by region and resource over the window, against the window before it.',
      parameters: entityWindowParameters,
      responses: {
        '200': report('EntityCost', [
          'entityRef',
          'currency',
          'window',
          'total',
          'daily',
          'byRegion',
          'byResource',
          'incomplete',
        ]),
        '400': badWindow,
        '401': unauthorized,
        '404': entityNotFound,
      },
    },
  },
  '/cost/entities/{kind}/{namespace}/{name}/efficiency': {
    get: {
      operationId: 'GetEntityCostEfficiency',
      description:
        'CPU and memory requested against used over the window, and the cost of the unused requests.',
      parameters: entityWindowParameters,
      responses: {
        '200': report('CostEfficiency', [
          'entityRef',
          'currency',
          'window',
          'cpu',
          'memory',
        ]),
        '400': badWindow,
        '401': unauthorized,
        '404': entityNotFound,
      },
    },
  },
  '/cost/entities/{kind}/{namespace}/{name}/recommendations': {
    get: {
      operationId: 'GetEntityCostRecommendations',
      description:
        'Right-sizing, spot, reserved and HPA savings, each with its inputs, as worked out after the last ingestion from the hourly usage of the recommendation window.',
      parameters: entityParameters,
      responses: {
        '200': report('CostRecommendations', [
          'entityRef',
          'currency',
          'window',
          'recommendations',
          'savings',
        ]),
        '401': unauthorized,
        '404': entityNotFound,
      },
    },
  },
  '/cost/teams/{kind}/{namespace}/{name}': {
    get: {
      operationId: 'GetTeamCost',
      description:
        'The cost of the entities a group owns, by service and region, and their savings.',
      parameters: entityWindowParameters,
      responses: {
        '200': report('TeamCost', [
          'teamRef',
          'currency',
          'window',
          'total',
          'daily',
          'byService',
          'byRegion',
          'savings',
          'incomplete',
        ]),
        '400': badWindow,
        '401': unauthorized,
        '404': entityNotFound,
      },
    },
  },
  '/cost/org': {
    get: {
      operationId: 'GetOrgCost',
      description: 'The org’s cost by team, service, region and month.',
      parameters: windowParameters,
      responses: {
        '200': report('OrgCost', [
          'currency',
          'window',
          'total',
          'byTeam',
          'topServices',
          'byRegion',
          'byMonth',
          'savings',
          'incomplete',
        ]),
        '400': badWindow,
        '401': unauthorized,
      },
    },
  },
  '/cost/ingestion': {
    get: {
      operationId: 'GetCostIngestion',
      description:
        'How each day of each cluster in the window was last ingested.',
      parameters: windowParameters,
      responses: {
        '200': {
          description: 'Runs by day and cluster.',
          content: { 'application/json': { schema: ingestionRuns } },
        },
        '400': badWindow,
        '401': unauthorized,
      },
    },
  },
  '/cost/backfill': {
    post: {
      operationId: 'BackfillCost',
      description:
        'Ingests the days of a window again, replacing what was stored. Needs `scaling.cost.backfill`.',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['start', 'end'],
              additionalProperties: false,
              properties: {
                start: { type: 'string', pattern: DAY_PATTERN },
                end: { type: 'string', pattern: DAY_PATTERN },
                clusters: {
                  type: 'array',
                  minItems: 1,
                  items: { type: 'string', minLength: 1 },
                },
              },
            },
          },
        },
      },
      responses: {
        '200': {
          description: 'One run per day and cluster.',
          content: { 'application/json': { schema: ingestionRuns } },
        },
        '400': {
          description: 'The window or a cluster name is invalid.',
          content: errorContent,
        },
        '401': unauthorized,
        '403': {
          description: 'The caller may not backfill cost.',
          content: errorContent,
        },
      },
    },
  },
} as const;
