/**
 * The scaling backend's HTTP contract. Requests are validated against it
 * before a handler runs, and it is served at `/api/scaling/openapi.json`.
 */
import { rolloutPaths, rolloutSchemas } from './rollouts';
import { regionsPaths, regionsSchemas } from './regions';
import {
  entityParameters,
  errorContent,
  malformedEntityRef,
  unauthorized,
  forbidden,
  entityNotFound,
  objectNotFound,
  conflict,
} from './shared';
import { costPaths } from './cost';

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
      ...rolloutSchemas,
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
      ...regionsSchemas,
      ErrorSummary: {
        type: 'object',
        description: 'A `@backstage/errors` error: its name and message.',
        required: ['name', 'message'],
        properties: {
          name: { type: 'string' },
          message: { type: 'string' },
        },
      },
      WorkloadReplicas: {
        type: 'object',
        required: ['desired', 'current', 'ready', 'available', 'updated'],
        properties: {
          desired: {
            type: 'integer',
            description:
              '`spec.replicas`: how many pods the workload asks for.',
          },
          current: {
            type: 'integer',
            description: '`status.replicas`: pods that exist, in any state.',
          },
          ready: { type: 'integer' },
          available: { type: 'integer' },
          updated: {
            type: 'integer',
            description: 'Pods running the latest pod template.',
          },
        },
      },
      PodResourceAmounts: {
        type: 'object',
        required: ['cpuMillicores', 'memoryBytes'],
        properties: {
          cpuMillicores: { type: 'number' },
          memoryBytes: { type: 'number' },
        },
      },
      WorkloadPodResources: {
        type: 'object',
        required: ['pods', 'requests'],
        properties: {
          pods: {
            type: 'integer',
            description:
              "The workload's pods, as its `status.replicas` counts them.",
          },
          requests: {
            $ref: '#/components/schemas/PodResourceAmounts',
            description:
              "The pod template's requests times `pods`: during a rollout, pods of the previous template count at the current one's.",
          },
          usage: {
            type: 'object',
            description:
              'Summed over the pods metrics.k8s.io has a sample for (`pods`). Absent when the resource metrics API did not answer.',
            required: ['pods', 'cpuMillicores', 'memoryBytes'],
            properties: {
              pods: { type: 'integer' },
              cpuMillicores: { type: 'number' },
              memoryBytes: { type: 'number' },
            },
          },
        },
      },
      AutoscalerMetricValue: {
        type: 'object',
        description: 'Quantities are Kubernetes quantity strings, e.g. `500m`.',
        properties: {
          value: { type: 'string' },
          averageValue: { type: 'string' },
          averageUtilization: {
            type: 'integer',
            description: "Percent of the pods' requests.",
          },
        },
      },
      AutoscalerMetricState: {
        type: 'object',
        required: ['type', 'name', 'target'],
        properties: {
          type: {
            type: 'string',
            enum: [
              'Resource',
              'ContainerResource',
              'Pods',
              'Object',
              'External',
            ],
          },
          name: {
            type: 'string',
            description:
              "The resource (`cpu`, `memory`) or the custom metric's name.",
          },
          container: { type: 'string' },
          describedObject: {
            type: 'object',
            required: ['kind', 'name'],
            properties: {
              apiVersion: { type: 'string' },
              kind: { type: 'string' },
              name: { type: 'string' },
            },
          },
          target: {
            type: 'object',
            required: ['type'],
            properties: {
              type: {
                type: 'string',
                enum: ['Utilization', 'Value', 'AverageValue'],
              },
              value: { type: 'string' },
              averageValue: { type: 'string' },
              averageUtilization: { type: 'integer' },
            },
          },
          current: {
            $ref: '#/components/schemas/AutoscalerMetricValue',
            description:
              'Absent until the HPA controller has computed the metric.',
          },
        },
      },
      AutoscalerScalingRules: {
        type: 'object',
        properties: {
          stabilizationWindowSeconds: { type: 'integer' },
          selectPolicy: { type: 'string', enum: ['Max', 'Min', 'Disabled'] },
          policies: {
            type: 'array',
            items: {
              type: 'object',
              required: ['type', 'value', 'periodSeconds'],
              properties: {
                type: { type: 'string', enum: ['Pods', 'Percent'] },
                value: { type: 'integer' },
                periodSeconds: { type: 'integer' },
              },
            },
          },
          tolerance: { type: 'string' },
        },
      },
      AutoscalerCondition: {
        type: 'object',
        required: ['type', 'status'],
        properties: {
          type: { type: 'string' },
          status: { type: 'string', enum: ['True', 'False', 'Unknown'] },
          reason: { type: 'string' },
          message: { type: 'string' },
          lastTransitionTime: { type: 'string' },
        },
      },
      AutoscalerState: {
        type: 'object',
        description:
          'The autoscaling/v2 HorizontalPodAutoscaler whose scaleTargetRef is the workload.',
        required: [
          'name',
          'minReplicas',
          'maxReplicas',
          'currentReplicas',
          'desiredReplicas',
          'metrics',
          'conditions',
        ],
        properties: {
          name: { type: 'string' },
          minReplicas: { type: 'integer' },
          maxReplicas: { type: 'integer' },
          currentReplicas: { type: 'integer' },
          desiredReplicas: { type: 'integer' },
          lastScaleTime: { type: 'string' },
          metrics: {
            type: 'array',
            items: { $ref: '#/components/schemas/AutoscalerMetricState' },
          },
          behavior: {
            type: 'object',
            description:
              "As written in the spec; a direction left out uses the controller's defaults.",
            properties: {
              scaleUp: { $ref: '#/components/schemas/AutoscalerScalingRules' },
              scaleDown: {
                $ref: '#/components/schemas/AutoscalerScalingRules',
              },
            },
          },
          conditions: {
            type: 'array',
            items: { $ref: '#/components/schemas/AutoscalerCondition' },
          },
          policy: {
            type: 'object',
            description:
              'The scaling policy this HPA expresses, which the policy editor starts from; `unsupported` lists the parts of the HPA the policy cannot hold.',
            required: ['policy', 'unsupported'],
            properties: {
              policy: {
                type: 'object',
                description: 'A ScalingPolicy.',
              },
              unsupported: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['field', 'message'],
                  properties: {
                    field: { type: 'string' },
                    message: { type: 'string' },
                  },
                },
              },
            },
          },
        },
      },
      WorkloadScalingState: {
        type: 'object',
        required: [
          'kind',
          'apiVersion',
          'name',
          'namespace',
          'resourceVersion',
          'replicas',
          'pods',
        ],
        properties: {
          kind: { type: 'string', enum: ['Deployment', 'Rollout'] },
          apiVersion: { type: 'string' },
          name: { type: 'string' },
          namespace: { type: 'string' },
          resourceVersion: {
            type: 'string',
            description:
              'Send it back with a scale request, so that a stale view cannot overwrite a newer change.',
          },
          replicas: { $ref: '#/components/schemas/WorkloadReplicas' },
          autoscaler: { $ref: '#/components/schemas/AutoscalerState' },
          pods: { $ref: '#/components/schemas/WorkloadPodResources' },
        },
      },
      ClusterScalingState: {
        type: 'object',
        description:
          "An entity's workloads in one cluster, or why they could not be read: exactly one of `workloads` and `error` is set.",
        required: ['region'],
        properties: {
          cluster: {
            type: 'string',
            description: 'Absent when no cluster serves the region.',
          },
          region: { type: 'string' },
          role: { type: 'string', enum: ['primary', 'dr'] },
          observedAt: {
            type: 'string',
            description:
              'When the cluster answered (RFC 3339); a cached answer is a few seconds old.',
          },
          workloads: {
            type: 'array',
            items: { $ref: '#/components/schemas/WorkloadScalingState' },
          },
          error: { $ref: '#/components/schemas/ErrorSummary' },
        },
      },
      EntityScalingState: {
        type: 'object',
        required: ['entityRef', 'workloadQuery', 'clusters'],
        properties: {
          entityRef: { type: 'string' },
          workloadQuery: {
            type: 'object',
            description: 'How the workloads were looked up in every cluster.',
            required: ['labelSelector'],
            properties: {
              labelSelector: { type: 'string' },
              namespace: { type: 'string' },
            },
          },
          clusters: {
            type: 'array',
            description: "In the order of the entity's regions.",
            items: { $ref: '#/components/schemas/ClusterScalingState' },
          },
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
      ScalingWorkloadRef: {
        type: 'object',
        required: ['kind', 'namespace', 'name'],
        additionalProperties: false,
        properties: {
          kind: { type: 'string', enum: ['Deployment', 'Rollout'] },
          namespace: { type: 'string', minLength: 1, maxLength: 63 },
          name: { type: 'string', minLength: 1, maxLength: 253 },
        },
      },
      ScaleRequest: {
        type: 'object',
        required: ['cluster', 'workload', 'replicas', 'resourceVersion'],
        additionalProperties: false,
        properties: {
          cluster: { type: 'string', minLength: 1 },
          workload: { $ref: '#/components/schemas/ScalingWorkloadRef' },
          replicas: { type: 'integer', minimum: 0 },
          resourceVersion: {
            type: 'string',
            minLength: 1,
            description:
              'The workload’s resourceVersion as it was read; a stale one gives 409.',
          },
        },
      },
      ScaleResult: {
        type: 'object',
        required: ['cluster', 'region', 'workload', 'before', 'after'],
        properties: {
          cluster: { type: 'string' },
          region: { type: 'string' },
          workload: { $ref: '#/components/schemas/ScalingWorkloadRef' },
          before: { type: 'integer' },
          after: { type: 'integer' },
        },
      },
      AutoscalerBoundsRequest: {
        type: 'object',
        required: ['cluster', 'workload', 'minReplicas', 'maxReplicas'],
        additionalProperties: false,
        properties: {
          cluster: { type: 'string', minLength: 1 },
          workload: { $ref: '#/components/schemas/ScalingWorkloadRef' },
          minReplicas: { type: 'integer', minimum: 0 },
          maxReplicas: { type: 'integer', minimum: 1 },
        },
      },
      AutoscalerBounds: {
        type: 'object',
        required: ['min', 'max'],
        properties: {
          min: { type: 'integer' },
          max: { type: 'integer' },
        },
      },
      AutoscalerBoundsResult: {
        type: 'object',
        required: ['cluster', 'region', 'hpa', 'before', 'after'],
        properties: {
          cluster: { type: 'string' },
          region: { type: 'string' },
          hpa: { type: 'string' },
          before: { $ref: '#/components/schemas/AutoscalerBounds' },
          after: { $ref: '#/components/schemas/AutoscalerBounds' },
        },
      },
      PolicyApplyRequest: {
        type: 'object',
        required: ['regions', 'policy'],
        additionalProperties: false,
        properties: {
          regions: {
            type: 'array',
            minItems: 1,
            maxItems: 50,
            items: { type: 'string', minLength: 1, maxLength: 63 },
            description:
              'Region ids, or ["*"] for all of the entity’s regions.',
          },
          policy: {
            type: 'object',
            description:
              'A ScalingPolicy; validated field by field, and every problem is returned in `problems`.',
          },
          dryRun: { type: 'boolean' },
        },
      },
      RegionWriteResult: {
        type: 'object',
        required: ['region', 'outcome'],
        properties: {
          region: { type: 'string' },
          cluster: { type: 'string' },
          outcome: {
            type: 'string',
            enum: [
              'created',
              'updated',
              'unchanged',
              'deleted',
              'absent',
              'failed',
            ],
          },
          hpa: {
            description:
              'The autoscaling/v2 HorizontalPodAutoscaler as the API server returned it (in a dry run, as it would be).',
          },
          diff: {
            type: 'array',
            items: {
              type: 'object',
              required: ['path'],
              properties: { path: { type: 'string' }, before: {}, after: {} },
            },
          },
          error: { $ref: '#/components/schemas/ErrorSummary' },
        },
      },
      PolicyApplyResult: {
        type: 'object',
        required: ['dryRun', 'results'],
        properties: {
          dryRun: { type: 'boolean' },
          results: {
            type: 'array',
            items: { $ref: '#/components/schemas/RegionWriteResult' },
          },
        },
      },
      PolicyDeleteResult: {
        type: 'object',
        required: ['results'],
        properties: {
          results: {
            type: 'array',
            items: { $ref: '#/components/schemas/RegionWriteResult' },
          },
        },
      },
      PolicyRejection: {
        type: 'object',
        required: ['error', 'problems'],
        properties: {
          error: { $ref: '#/components/schemas/ErrorSummary' },
          problems: {
            type: 'array',
            items: {
              type: 'object',
              required: ['field', 'message'],
              properties: {
                field: { type: 'string' },
                message: { type: 'string' },
              },
            },
          },
        },
      },
      ScalingOptions: {
        type: 'object',
        required: ['presets', 'guardRails'],
        properties: {
          presets: {
            type: 'array',
            description:
              'ScalingPreset objects: a name, a description and a policy.',
            items: {},
          },
          guardRails: {
            type: 'object',
            required: ['maxReplicas', 'allowedRegions', 'scaleToZeroAllowed'],
            properties: {
              maxReplicas: { type: 'integer' },
              tier: { type: 'string' },
              allowedRegions: { type: 'array', items: { type: 'string' } },
              scaleToZeroAllowed: { type: 'boolean' },
            },
          },
        },
      },
      ScalingHistory: {
        type: 'object',
        required: ['events'],
        properties: {
          events: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'source', 'time', 'action'],
              properties: {
                id: { type: 'string' },
                source: { type: 'string', enum: ['suite', 'cluster'] },
                time: { type: 'string', format: 'date-time' },
                region: { type: 'string' },
                cluster: { type: 'string' },
                workload: { $ref: '#/components/schemas/ScalingWorkloadRef' },
                action: { type: 'string' },
                actor: { type: 'string' },
                asAdmin: { type: 'boolean' },
                outcome: {
                  type: 'string',
                  enum: ['pending', 'succeeded', 'failed', 'denied'],
                },
                before: {},
                after: {},
                message: { type: 'string' },
              },
            },
          },
        },
      },
    },
  },
  paths: {
    ...rolloutPaths,
    '/entities/{kind}/{namespace}/{name}/facts': {
      get: {
        operationId: 'GetEntityScalingFacts',
        description:
          'The scaling-relevant facts of a catalog entity: owner, tier, workload selector, regions and clusters.',
        parameters: entityParameters,
        responses: {
          '200': {
            description: 'The entity exists.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ScalingEntityFacts' },
              },
            },
          },
          '400': malformedEntityRef,
          '401': unauthorized,
          '404': entityNotFound,
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/scaling': {
      get: {
        operationId: 'GetEntityScalingState',
        description:
          "How the entity's Deployments and Argo Rollouts are scaled in every cluster of its regions: replicas, the HPA's spec and status, and pod requests against usage. A cluster that cannot be read within the timeout is reported with its error; it never fails the call.",
        parameters: entityParameters,
        responses: {
          '200': {
            description:
              'The entity exists; each of its clusters has its workloads or its error.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/EntityScalingState' },
              },
            },
          },
          '400': malformedEntityRef,
          '401': unauthorized,
          '404': entityNotFound,
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/scaling/options': {
      get: {
        operationId: 'GetScalingOptions',
        description:
          'The presets and guard-rails an editor of the entity’s scaling offers and respects.',
        parameters: entityParameters,
        responses: {
          '200': {
            description: 'Presets, and the guard-rails for the entity’s tier.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ScalingOptions' },
              },
            },
          },
          '400': malformedEntityRef,
          '401': unauthorized,
          '404': entityNotFound,
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/scale': {
      post: {
        operationId: 'ScaleWorkload',
        description:
          'Sets a workload’s replicas through its scale subresource, if its resourceVersion is still current.',
        parameters: entityParameters,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/ScaleRequest' },
            },
          },
        },
        responses: {
          '200': {
            description: 'The workload’s replicas before and after.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ScaleResult' },
              },
            },
          },
          '400': {
            description:
              'A field is invalid or over the guard-rails, or the body is too large; the message names it.',
            content: errorContent,
          },
          '401': unauthorized,
          '403': forbidden,
          '404': objectNotFound,
          '409': conflict,
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/autoscaler-bounds': {
      post: {
        operationId: 'SetAutoscalerBounds',
        description:
          'Changes the minimum and maximum replicas of the HPA that targets a workload.',
        parameters: entityParameters,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/AutoscalerBoundsRequest' },
            },
          },
        },
        responses: {
          '200': {
            description: 'The HPA’s bounds before and after.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/AutoscalerBoundsResult' },
              },
            },
          },
          '400': {
            description:
              'A field is invalid or over the guard-rails; the message names it.',
            content: errorContent,
          },
          '401': unauthorized,
          '403': forbidden,
          '404': objectNotFound,
          '409': conflict,
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/policy': {
      post: {
        operationId: 'ApplyScalingPolicy',
        description:
          'Renders a scaling policy to an HPA named after the workload in each chosen region, or previews it with a server-side dry run.',
        parameters: entityParameters,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/PolicyApplyRequest' },
            },
          },
        },
        responses: {
          '200': {
            description:
              'One result per region; a failed region does not fail the others.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/PolicyApplyResult' },
              },
            },
          },
          '400': {
            description:
              'The policy or a region is invalid; `problems` places each policy problem on its field.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/PolicyRejection' },
              },
            },
          },
          '401': unauthorized,
          '403': forbidden,
          '404': objectNotFound,
          '409': conflict,
        },
      },
      delete: {
        operationId: 'DeleteScalingPolicy',
        description:
          'Deletes the HPA named after the workload in each chosen region.',
        parameters: [
          ...entityParameters,
          {
            name: 'regions',
            in: 'query',
            required: true,
            description:
              'Comma-separated region ids, or `*` for all of the entity’s regions.',
            schema: {
              type: 'string',
              pattern: '^(\\*|[a-z0-9-]+(,[a-z0-9-]+)*)$',
            },
          },
        ],
        responses: {
          '200': {
            description: 'One result per region.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/PolicyDeleteResult' },
              },
            },
          },
          '400': {
            description: 'A region is unknown or not allowed.',
            content: errorContent,
          },
          '401': unauthorized,
          '403': forbidden,
          '404': objectNotFound,
          '409': conflict,
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/history': {
      get: {
        operationId: 'GetScalingHistory',
        description:
          'The suite’s audited writes and the clusters’ SuccessfulRescale events for the entity, newest first.',
        parameters: [
          ...entityParameters,
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
          },
        ],
        responses: {
          '200': {
            description: 'Newest first.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ScalingHistory' },
              },
            },
          },
          '400': {
            description: 'The entity reference or limit is malformed.',
            content: errorContent,
          },
          '401': unauthorized,
          '404': entityNotFound,
        },
      },
    },
    ...regionsPaths,
    ...costPaths,
  },
} as const;
