/** The `targets` of a scaling policy. */
import { z } from 'zod';
import { CUSTOM_METRICS } from '../metricCatalog';
import {
  CUSTOM_METRIC_NAMES,
  CustomMetricSource,
  SCALING_TARGET_KINDS,
  ScalingTarget,
} from '../types';
import {
  choice,
  closedObject,
  flag,
  given,
  mustBeAnObject,
  positiveNumber,
  wholeNumber,
  whenValid,
} from './fields';
import {
  labelSelectorSchema,
  objectReferenceSchema,
} from './kubernetesSchemas';

/**
 * The highest utilization target accepted. Kubernetes has no upper bound, but
 * a target over ten times the pods' requests means the requests are wrong.
 */
const MAX_UTILIZATION_PERCENT = 1000;

/** The HPA compares metrics as whole milli-units (`Quantity.MilliValue()`). */
const METRIC_VALUE_STEP = 0.001;

function utilizationTarget(kind: 'cpu' | 'memory') {
  return closedObject({
    kind: z.literal(kind),
    averageUtilization: wholeNumber({
      min: 1,
      max: MAX_UTILIZATION_PERCENT,
      unit: ` % of the pods' ${kind} requests`,
    }),
    scaleDownBelow: wholeNumber({ min: 1, unit: ' %' }).optional(),
  }).superRefine(({ averageUtilization, scaleDownBelow }, ctx) => {
    if (scaleDownBelow !== undefined && scaleDownBelow >= averageUtilization) {
      ctx.addIssue({
        code: 'custom',
        path: ['scaleDownBelow'],
        message: `must be below the ${averageUtilization} % target${given(
          scaleDownBelow,
        )}`,
      });
    }
  }, whenValid('averageUtilization', 'scaleDownBelow'));
}

const requestRateTarget = closedObject({
  kind: z.literal('requests'),
  requestsPerMinutePerReplica: wholeNumber({ min: 1 }),
  responseTimeLimitMs: wholeNumber({ min: 1, unit: ' ms' }).optional(),
});

const metricValue = positiveNumber().refine(
  value => {
    const steps = value / METRIC_VALUE_STEP;
    return Math.abs(steps - Math.round(steps)) <= 1e-6;
  },
  {
    error: issue =>
      `must be a multiple of ${METRIC_VALUE_STEP}, the finest step the HPA compares${given(
        issue.input,
      )}`,
  },
);

/** The fields every custom target has, in the order they are checked. */
const customTargetFields = {
  kind: z.literal('custom'),
  metric: choice(CUSTOM_METRIC_NAMES),
  source: choice(['Pods', 'Object', 'External']),
  value: metricValue,
};

/** The metric, where it is read and its value, before the fields that depend on the source. */
const customMetricChoice = z
  .looseObject(customTargetFields, { error: mustBeAnObject })
  .superRefine(({ metric, source }, ctx) => {
    const { sources } = CUSTOM_METRICS[metric];
    if (!sources.includes(source)) {
      ctx.addIssue({
        code: 'custom',
        path: ['source'],
        message: `cannot be ${source} for ${metric}; use one of ${sources.join(
          ', ',
        )}`,
      });
    }
  }, whenValid());

function customTargetFrom<Source extends CustomMetricSource>(source: Source) {
  return { ...customTargetFields, source: z.literal(source) };
}

const customMetricTarget = customMetricChoice.pipe(
  z.discriminatedUnion('source', [
    closedObject({
      ...customTargetFrom('Pods'),
      perPod: z
        .literal(true, {
          error: issue =>
            `must be true for a Pods metric, which is always averaged over the pods${given(
              issue.input,
            )}`,
        })
        .optional(),
    }).transform(({ perPod: _alwaysPerPod, ...target }) => target),
    closedObject({
      ...customTargetFrom('Object'),
      perPod: flag(),
      describedObject: objectReferenceSchema.optional(),
    }),
    closedObject({
      ...customTargetFrom('External'),
      perPod: flag(),
      selector: labelSelectorSchema.optional(),
    }),
  ]),
);

/** One target: its kind first, then the fields of that kind. */
const targetSchema = z
  .looseObject(
    { kind: choice(SCALING_TARGET_KINDS) },
    { error: mustBeAnObject },
  )
  .pipe(
    z.discriminatedUnion('kind', [
      utilizationTarget('cpu'),
      utilizationTarget('memory'),
      requestRateTarget,
      customMetricTarget,
    ]),
  );

/** What Kubernetes allows one target of: a resource, the request rate, or a custom metric. */
function metricOf(target: ScalingTarget): string {
  return target.kind === 'custom' ? target.metric : target.kind;
}

const NO_TARGETS = 'must list at least one metric to scale on';

/** The policy's targets: at least one, each valid, no metric twice. */
export const targetsSchema = z
  .array(targetSchema, {
    error: issue =>
      issue.input === undefined
        ? NO_TARGETS
        : `must be a list${given(issue.input)}`,
  })
  .min(1, NO_TARGETS)
  .superRefine((targets, ctx) => {
    const firstIndex = new Map<string, number>();
    targets.forEach((target, index) => {
      const metric = metricOf(target);
      const first = firstIndex.get(metric);
      if (first === undefined) {
        firstIndex.set(metric, index);
        return;
      }
      ctx.addIssue({
        code: 'custom',
        path: [index],
        message: `repeats the ${metric} target of targets[${first}]; Kubernetes takes one target per metric`,
      });
    });
  }, whenValid());
