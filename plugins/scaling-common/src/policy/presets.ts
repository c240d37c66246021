import { validateScalingPolicy } from './validatePolicy';
import type { PolicyProblem, ScalingPreset } from './types';
import {
  isRecord,
  joinPath,
  Problems,
  readRecord,
  readText,
  rejectUnknownFields,
} from './validation/fieldReaders';

/**
 * @public
 * The platform's autoscaling presets, named like the `meschain.io/scaling-policy`
 * annotation's values. Deployments may adjust them through config.
 */
export const DEFAULT_SCALING_PRESETS: readonly ScalingPreset[] = [
  {
    name: 'cpu',
    description:
      'Keeps CPU use near 70 % of requests and scales down below 30 %, with 2 to 20 replicas.',
    policy: {
      minReplicas: 2,
      maxReplicas: 20,
      targets: [{ kind: 'cpu', averageUtilization: 70, scaleDownBelow: 30 }],
    },
  },
  {
    name: 'memory',
    description:
      'Keeps memory use near 80 % of requests and scales down below 40 %, with 2 to 15 replicas.',
    policy: {
      minReplicas: 2,
      maxReplicas: 15,
      targets: [{ kind: 'memory', averageUtilization: 80, scaleDownBelow: 40 }],
    },
  },
  {
    name: 'requests',
    description:
      'Serves 1000 requests per minute per replica within a 500 ms response time, with 3 to 25 replicas.',
    policy: {
      minReplicas: 3,
      maxReplicas: 25,
      targets: [
        {
          kind: 'requests',
          requestsPerMinutePerReplica: 1000,
          responseTimeLimitMs: 500,
        },
      ],
    },
  },
  {
    name: 'custom',
    description:
      'Scales on queue length, database connections and marketplace API latency, with 2 to 20 replicas.',
    policy: {
      minReplicas: 2,
      maxReplicas: 20,
      targets: [
        {
          kind: 'custom',
          metric: 'queue_length',
          source: 'Object',
          perPod: true,
          value: 30,
        },
        { kind: 'custom', metric: 'db_connections', source: 'Pods', value: 20 },
        {
          kind: 'custom',
          metric: 'marketplace_api_latency_ms',
          source: 'Object',
          perPod: false,
          value: 800,
        },
      ],
    },
  },
];

/** @public */
export type ScalingPresetsResult =
  | { valid: true; presets: ScalingPreset[] }
  | { valid: false; problems: PolicyProblem[] };

function mergePreset(
  name: string,
  value: unknown,
  base: ScalingPreset | undefined,
  problems: Problems,
): ScalingPreset | undefined {
  const override = readRecord(value, name, problems);
  if (!override) {
    return undefined;
  }
  const start = problems.length;
  rejectUnknownFields(override, ['description', 'policy'], name, problems);
  const description =
    override.description === undefined && base
      ? base.description
      : readText(override.description, joinPath(name, 'description'), problems);

  const policyPath = joinPath(name, 'policy');
  if (override.policy !== undefined && !isRecord(override.policy)) {
    readRecord(override.policy, policyPath, problems);
    return undefined;
  }
  // Fields given replace the base preset's; `targets` is replaced as a whole.
  const result = validateScalingPolicy({ ...base?.policy, ...override.policy });
  if (!result.valid) {
    problems.push(
      ...result.problems.map(problem => ({
        field: problem.field ? joinPath(policyPath, problem.field) : policyPath,
        message: problem.message,
      })),
    );
  }
  if (problems.length > start || !description || !result.valid) {
    return undefined;
  }
  return { name, description, policy: result.policy };
}

/**
 * @public
 * The presets after configured overrides, given as a plain object keyed by
 * preset name (as read from config). An entry for an existing preset changes
 * the fields it gives; an entry with a new name adds a preset and must give a
 * description and a whole policy. Every resulting policy is validated.
 *
 * @example
 * mergeScalingPresets({ cpu: { policy: { maxReplicas: 30 } } })
 */
export function mergeScalingPresets(
  overrides: unknown,
  defaults: readonly ScalingPreset[] = DEFAULT_SCALING_PRESETS,
): ScalingPresetsResult {
  if (overrides === undefined) {
    return { valid: true, presets: [...defaults] };
  }
  if (!isRecord(overrides)) {
    return {
      valid: false,
      problems: [
        {
          field: '',
          message:
            'Scaling preset overrides must be an object keyed by preset name',
        },
      ],
    };
  }
  const problems: Problems = [];
  const byName = new Map(defaults.map(preset => [preset.name, preset]));
  for (const [name, override] of Object.entries(overrides)) {
    const merged = mergePreset(name, override, byName.get(name), problems);
    if (merged) {
      byName.set(name, merged);
    }
  }
  return problems.length > 0
    ? { valid: false, problems }
    : { valid: true, presets: [...byName.values()] };
}
