/**
 * The deployment-strategy part of the scaling backend's HTTP contract; the
 * types it describes are in `@meschain/backstage-plugin-scaling-common`'s
 * `rollouts` module. Spread into `openapi.ts`.
 */
import {
  entityNotFound,
  entityParameters,
  errorContent,
  malformedEntityRef,
  unauthorized,
} from './shared';

const ACTIONS = [
  'promote',
  'promote-full',
  'abort',
  'retry',
  'restart',
  'pause',
  'resume',
  'undo',
  'set-image',
] as const;

export const rolloutSchemas = {
  ContainerImage: {
    type: 'object',
    required: ['container', 'image'],
    additionalProperties: false,
    properties: {
      container: { type: 'string', minLength: 1, maxLength: 63 },
      image: { type: 'string', minLength: 1, maxLength: 512 },
    },
  },
  RolloutActionRequest: {
    type: 'object',
    required: ['cluster', 'workload', 'action'],
    additionalProperties: false,
    properties: {
      cluster: { type: 'string', minLength: 1 },
      workload: { $ref: '#/components/schemas/ScalingWorkloadRef' },
      action: { type: 'string', enum: ACTIONS },
      revision: {
        type: 'integer',
        minimum: 1,
        description:
          'undo: the revision to return to; the previous one when absent.',
      },
      image: { $ref: '#/components/schemas/ContainerImage' },
    },
  },
  RolloutActionSnapshot: {
    type: 'object',
    required: ['paused', 'aborted', 'images'],
    properties: {
      phase: { type: 'string' },
      paused: { type: 'boolean' },
      aborted: { type: 'boolean' },
      currentStepIndex: { type: 'integer' },
      images: {
        type: 'array',
        items: { $ref: '#/components/schemas/ContainerImage' },
      },
    },
  },
  RolloutActionResult: {
    type: 'object',
    required: ['cluster', 'region', 'workload', 'action', 'before', 'after'],
    properties: {
      cluster: { type: 'string' },
      region: { type: 'string' },
      workload: { $ref: '#/components/schemas/ScalingWorkloadRef' },
      action: { type: 'string', enum: ACTIONS },
      before: { $ref: '#/components/schemas/RolloutActionSnapshot' },
      after: { $ref: '#/components/schemas/RolloutActionSnapshot' },
    },
  },
  RolloutRevision: {
    type: 'object',
    required: [
      'revision',
      'replicaSet',
      'images',
      'createdAt',
      'replicas',
      'current',
      'stable',
    ],
    properties: {
      revision: { type: 'integer' },
      replicaSet: { type: 'string' },
      podTemplateHash: { type: 'string' },
      images: {
        type: 'array',
        items: { $ref: '#/components/schemas/ContainerImage' },
      },
      createdAt: { type: 'string' },
      replicas: {
        type: 'object',
        required: ['desired', 'ready', 'available'],
        properties: {
          desired: { type: 'integer' },
          ready: { type: 'integer' },
          available: { type: 'integer' },
        },
      },
      current: { type: 'boolean' },
      stable: { type: 'boolean' },
    },
  },
  WorkloadRolloutState: {
    type: 'object',
    description:
      'One Rollout or Deployment: `canary`, `blueGreen` or `deployment` holds what its strategy shows (see `WorkloadRolloutState` in scaling-common).',
    required: [
      'kind',
      'apiVersion',
      'name',
      'namespace',
      'resourceVersion',
      'strategy',
      'phase',
      'paused',
      'pauseConditions',
      'aborted',
      'stableImages',
      'revisions',
      'availableActions',
    ],
    properties: {
      kind: { type: 'string', enum: ['Deployment', 'Rollout'] },
      apiVersion: { type: 'string' },
      name: { type: 'string' },
      namespace: { type: 'string' },
      resourceVersion: { type: 'string' },
      strategy: {
        type: 'string',
        enum: ['rolling', 'recreate', 'canary', 'blue-green', 'ab'],
      },
      phase: {
        type: 'string',
        enum: ['Healthy', 'Progressing', 'Paused', 'Degraded'],
      },
      message: { type: 'string' },
      paused: { type: 'boolean' },
      pauseConditions: {
        type: 'array',
        items: {
          type: 'object',
          required: ['reason', 'startTime'],
          properties: {
            reason: { type: 'string' },
            startTime: { type: 'string' },
            endsAt: { type: 'string' },
          },
        },
      },
      aborted: { type: 'boolean' },
      stableImages: {
        type: 'array',
        items: { $ref: '#/components/schemas/ContainerImage' },
      },
      canaryImages: {
        type: 'array',
        items: { $ref: '#/components/schemas/ContainerImage' },
      },
      currentRevision: { type: 'integer' },
      revisions: {
        type: 'array',
        items: { $ref: '#/components/schemas/RolloutRevision' },
      },
      canary: { type: 'object' },
      blueGreen: { type: 'object' },
      deployment: { type: 'object' },
      availableActions: {
        type: 'array',
        items: { type: 'string', enum: ACTIONS },
      },
    },
  },
  EntityRolloutState: {
    type: 'object',
    required: ['entityRef', 'clusters'],
    properties: {
      entityRef: { type: 'string' },
      clusters: {
        type: 'array',
        items: {
          type: 'object',
          description:
            'One cluster: its workloads (`WorkloadRolloutState` in scaling-common), or its error.',
          required: ['region'],
          properties: {
            cluster: { type: 'string' },
            region: { type: 'string' },
            role: { type: 'string', enum: ['primary', 'dr'] },
            observedAt: { type: 'string' },
            workloads: {
              type: 'array',
              items: { $ref: '#/components/schemas/WorkloadRolloutState' },
            },
            error: { $ref: '#/components/schemas/ErrorSummary' },
          },
        },
      },
    },
  },
} as const;

export const rolloutPaths = {
  '/entities/{kind}/{namespace}/{name}/rollouts': {
    get: {
      operationId: 'GetEntityRollouts',
      description:
        'The rollout state of the entity’s Argo Rollouts and Deployments in every cluster of its regions: canary steps and weights, blue-green sides, rolling-update progress, revisions and the actions that apply now. Read afresh on every call; a cluster that cannot be read is reported with its error.',
      parameters: entityParameters,
      responses: {
        '200': {
          description:
            'Each of the entity’s clusters, with its workloads or its error.',
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/EntityRolloutState' },
            },
          },
        },
        '400': malformedEntityRef,
        '401': unauthorized,
        '404': entityNotFound,
      },
    },
  },
  '/entities/{kind}/{namespace}/{name}/rollouts/actions': {
    post: {
      operationId: 'ActOnRollout',
      description:
        'Promotes, fully promotes, aborts, retries, restarts, pauses, resumes, rolls back or sets the image of a workload, with the patches the kubectl plugins send. Needs scaling.rollout.manage on the entity; audited before and after the cluster call.',
      parameters: entityParameters,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/RolloutActionRequest' },
          },
        },
      },
      responses: {
        '200': {
          description:
            'The workload as it was before the action and as the patch left it.',
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/RolloutActionResult' },
            },
          },
        },
        '400': {
          description:
            'A field is invalid, or the action does not apply to the workload’s kind; the message names it.',
          content: errorContent,
        },
        '401': unauthorized,
        '403': {
          description:
            'The caller may not manage the entity’s rollouts; the refusal is audited.',
          content: errorContent,
        },
        '404': {
          description: 'No such entity, workload, revision or container.',
          content: errorContent,
        },
        '409': {
          description:
            'The action does not apply to the workload’s current state; the message says why.',
          content: errorContent,
        },
      },
    },
  },
} as const;
