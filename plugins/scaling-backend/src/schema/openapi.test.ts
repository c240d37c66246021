import {
  DEFAULT_SCALING_PRESETS,
  ScalingPolicy,
  validatePolicyShape,
} from '@meschain/backstage-plugin-scaling-common';
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { parse as parseYaml } from 'yaml';

const spec = parseYaml(
  readFileSync(resolvePath(__dirname, 'openapi.yaml'), 'utf8'),
);
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema({ components: spec.components }, 'spec');
const matchesSpec = ajv.getSchema('spec#/components/schemas/ScalingPolicy')!;

// Policies the policy model accepts, one of each shape a target or behavior may take.
const accepted: Array<[string, ScalingPolicy]> = [
  ...DEFAULT_SCALING_PRESETS.map((preset): [string, ScalingPolicy] => [
    `the ${preset.name} preset`,
    preset.policy,
  ]),
  [
    'scaling to zero on an external metric with a selector',
    {
      minReplicas: 0,
      maxReplicas: 40,
      targets: [
        {
          kind: 'custom',
          source: 'External',
          metric: 'queue_length',
          value: 30,
          perPod: true,
          selector: {
            matchLabels: { queue: 'orders' },
            matchExpressions: [{ key: 'tier', operator: 'In', values: ['a'] }],
          },
        },
      ],
    },
  ],
  [
    'request, object and pods targets with behavior',
    {
      minReplicas: 2,
      maxReplicas: 10,
      targets: [
        { kind: 'requests', requestsPerMinutePerReplica: 600 },
        {
          kind: 'custom',
          source: 'Object',
          metric: 'marketplace_api_latency_ms',
          value: 250,
          perPod: false,
          describedObject: {
            kind: 'Service',
            name: 'order-service',
            apiVersion: 'v1',
          },
        },
        { kind: 'custom', source: 'Pods', metric: 'db_connections', value: 20 },
      ],
      behavior: {
        scaleUp: {
          stabilizationWindowSeconds: 0,
          selectPolicy: 'Max',
          policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
        },
        scaleDown: { selectPolicy: 'Disabled' },
      },
    },
  ],
];

describe('the OpenAPI spec of a scaling policy', () => {
  it.each(accepted)('accepts %s, as the policy model does', (_, policy) => {
    expect(validatePolicyShape(policy)).toEqual({ valid: true, policy });
    expect(matchesSpec(policy)).toBe(true);
  });

  it.each([
    ['a field the model lacks', { ...accepted[0][1], replicas: 3 }],
    [
      'a target of an unknown kind',
      { ...accepted[0][1], targets: [{ kind: 'gpu' }] },
    ],
    ['replicas as text', { ...accepted[0][1], maxReplicas: 'ten' }],
    ['no targets field', { minReplicas: 1, maxReplicas: 3 }],
  ])('rejects %s, as the policy model does', (_, policy) => {
    expect(validatePolicyShape(policy).valid).toBe(false);
    expect(matchesSpec(policy)).toBe(false);
  });
});
