import { z } from 'zod';
import { closedObject, mustBeAnObject, text } from './schema/fields';
import { scalingPolicySchema } from './schema/scalingPolicySchema';
import type { PolicyProblem, ScalingPreset } from './types';
import { toPolicyProblems } from './validatePolicy';

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

/** An entry of `scaling.presets`: the fields it gives replace the base preset's, `targets` as a whole. */
function presetSchema(name: string, base: ScalingPreset | undefined) {
  return closedObject({
    description: base ? text().default(base.description) : text(),
    policy: z
      .looseObject({}, { error: mustBeAnObject })
      .optional()
      .transform((policy): unknown => ({ ...base?.policy, ...policy }))
      .pipe(scalingPolicySchema()),
  }).transform(preset => ({ name, ...preset }));
}

const overridesSchema = z.record(z.string(), z.unknown(), {
  error: 'Scaling preset overrides must be an object keyed by preset name',
});

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
  const entries = overridesSchema.safeParse(overrides);
  if (!entries.success) {
    return { valid: false, problems: toPolicyProblems(entries.error.issues) };
  }
  const byName = new Map(defaults.map(preset => [preset.name, preset]));
  const merged = z
    .object(
      Object.fromEntries(
        Object.keys(entries.data).map(name => [
          name,
          presetSchema(name, byName.get(name)),
        ]),
      ),
    )
    .safeParse(entries.data);
  if (!merged.success) {
    return { valid: false, problems: toPolicyProblems(merged.error.issues) };
  }
  for (const preset of Object.values(merged.data)) {
    byName.set(preset.name, preset);
  }
  return { valid: true, presets: [...byName.values()] };
}
