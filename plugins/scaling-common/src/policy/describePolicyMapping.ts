/**
 * Sentences that say what each part of a policy becomes in the HPA, including
 * what Kubernetes cannot express, so the editor shows the mapping honestly.
 */
import { DEFAULT_HPA_CONTROLLER_OPTIONS } from '../hpa/defaults';
import { formatMilliQuantity } from '../hpa/quantity';
import {
  CUSTOM_METRICS,
  REQUESTS_PER_MINUTE_METRIC,
  RESPONSE_TIME_METRIC,
} from './metricCatalog';
import {
  governingThreshold,
  SCALE_DOWN_RATE_PERIOD_SECONDS,
  SCALE_DOWN_STABILIZATION_SECONDS,
  scaleDownRatePercent,
} from './renderBehavior';
import type {
  CustomMetricTarget,
  RequestRateTarget,
  ScalingPolicy,
  ScalingRulesOverride,
  ScalingTarget,
  UtilizationTarget,
} from './types';

/** @public One sentence about the policy field at `field` (a path as in validation problems). */
export interface PolicyMappingNote {
  field: string;
  text: string;
}

const RESOURCE_NAMES = { cpu: 'CPU', memory: 'memory' } as const;

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function formatPeriod(seconds: number): string {
  return seconds === 60 ? 'minute' : `${seconds} s`;
}

function describeUtilization(target: UtilizationTarget): string {
  const { tolerance } = DEFAULT_HPA_CONTROLLER_OPTIONS;
  const percent = target.averageUtilization;
  const above = Math.round(percent * (1 + tolerance));
  const below = Math.round(percent * (1 - tolerance));
  const resource = capitalize(RESOURCE_NAMES[target.kind]);
  return (
    `${resource} becomes a Resource metric with a ${percent} % average utilization target. ` +
    `Kubernetes adds pods above about ${above} % and removes them below about ${below} % ` +
    `(its default ${Math.round(tolerance * 100)} % tolerance); ` +
    'it has no separate scale-down threshold.'
  );
}

function describeScaleDownBelow(
  targetIndex: number,
  target: UtilizationTarget,
  scaleDownBelow: number,
  policy: ScalingPolicy,
): string {
  const quoted = `"Scale down below ${scaleDownBelow} %"`;
  const governing = governingThreshold(policy.targets);
  if (governing && governing.targetIndex !== targetIndex) {
    return (
      `${quoted} does not change the HPA: behavior is shared by all metrics, ` +
      `so the lowest threshold (${governing.scaleDownBelow} %) sets the scale-down rate.`
    );
  }
  const rate = scaleDownRatePercent(scaleDownBelow);
  const period = formatPeriod(SCALE_DOWN_RATE_PERIOD_SECONDS);
  const mapping = `a ${SCALE_DOWN_STABILIZATION_SECONDS} s scale-down stabilization window and at most ${rate} % fewer pods per ${period} (rounded up to whole pods)`;
  const override = policy.behavior?.scaleDown;
  const replaced = [
    ...(override?.stabilizationWindowSeconds !== undefined ? ['window'] : []),
    ...(override?.policies !== undefined ? ['rate'] : []),
  ];
  if (replaced.length > 0) {
    return `${quoted} would become ${mapping}, but the behavior override replaces the ${replaced.join(
      ' and ',
    )}.`;
  }
  return (
    `Kubernetes has one target per metric, so ${quoted} is expressed as ${mapping}: ` +
    `pods go only after ${
      RESOURCE_NAMES[target.kind]
    } use has stayed low, and gradually, ` +
    `but they may go while it is still above ${scaleDownBelow} %.`
  );
}

function describeRequestRate(
  target: RequestRateTarget,
  field: string,
): PolicyMappingNote[] {
  const notes = [
    {
      field,
      text:
        `Requests become the Pods metric ${REQUESTS_PER_MINUTE_METRIC}: ` +
        `the pods' average is kept at ${target.requestsPerMinutePerReplica} per minute.`,
    },
  ];
  const limit = target.responseTimeLimitMs;
  if (limit !== undefined) {
    notes.push({
      field: `${field}.responseTimeLimitMs`,
      text:
        `The ${limit} ms limit becomes the Pods metric ${RESPONSE_TIME_METRIC} ` +
        `with an average target of ${formatMilliQuantity(limit)}: ` +
        "pods are added while the pods' average p95 is above it, " +
        'which helps meet the limit but does not guarantee it.',
    });
  }
  return notes;
}

function describeCustomMetric(target: CustomMetricTarget): string {
  const { title, unit } = CUSTOM_METRICS[target.metric];
  const amount = `${target.value} ${unit}`;
  if (target.source === 'Pods') {
    return `${title} becomes the Pods metric ${target.metric}: the pods' average is kept at ${amount}.`;
  }
  // A Value target scales replicas by value / target; AverageValue divides the value by the replicas first.
  const comparison = target.perPod
    ? `its value divided by the replica count is kept at ${amount} per pod`
    : `the replica count is scaled by the ratio of its value to ${amount}`;
  if (target.source === 'Object') {
    const object = target.describedObject
      ? `${target.describedObject.kind} ${target.describedObject.name}`
      : 'the scaled workload';
    return `${title} becomes the Object metric ${target.metric} of ${object}: ${comparison}.`;
  }
  const series = target.selector
    ? 'the series its selector picks'
    : 'every series of the metric';
  return `${title} becomes the External metric ${target.metric}, summed over ${series}: ${comparison}.`;
}

function describeTarget(
  target: ScalingTarget,
  index: number,
  policy: ScalingPolicy,
): PolicyMappingNote[] {
  const field = `targets[${index}]`;
  if (target.kind === 'requests') {
    return describeRequestRate(target, field);
  }
  if (target.kind === 'custom') {
    return [{ field, text: describeCustomMetric(target) }];
  }
  const notes = [{ field, text: describeUtilization(target) }];
  if (target.scaleDownBelow !== undefined) {
    notes.push({
      field: `${field}.scaleDownBelow`,
      text: describeScaleDownBelow(
        index,
        target,
        target.scaleDownBelow,
        policy,
      ),
    });
  }
  return notes;
}

function describeRules(
  direction: 'scale-up' | 'scale-down',
  rules: ScalingRulesOverride,
): string {
  const parts = [
    ...(rules.stabilizationWindowSeconds !== undefined
      ? [`a ${rules.stabilizationWindowSeconds} s stabilization window`]
      : []),
    ...(rules.policies ?? []).map(policy => {
      const amount =
        policy.type === 'Percent'
          ? `${policy.value} % of the pods`
          : `${policy.value} ${policy.value === 1 ? 'pod' : 'pods'}`;
      return `at most ${amount} per ${formatPeriod(policy.periodSeconds)}`;
    }),
    ...(rules.selectPolicy !== undefined
      ? [`select policy ${rules.selectPolicy}`]
      : []),
  ];
  return `The ${direction} behavior is set by hand: ${parts.join(', ')}.`;
}

/**
 * @public
 * How each part of the policy maps onto the HPA, in sentences for the editor,
 * each tied to the policy field it explains.
 */
export function describePolicyMapping(
  policy: ScalingPolicy,
): PolicyMappingNote[] {
  const notes: PolicyMappingNote[] = [];
  const metricCount = policy.targets.reduce(
    (count, target) =>
      count +
      (target.kind === 'requests' && target.responseTimeLimitMs !== undefined
        ? 2
        : 1),
    0,
  );
  if (metricCount > 1) {
    notes.push({
      field: 'targets',
      text:
        `The HPA works out a replica count for each of its ${metricCount} metrics and uses the largest, ` +
        'so any one target can add pods, and pods are removed only when every target allows it.',
    });
  }
  policy.targets.forEach((target, index) =>
    notes.push(...describeTarget(target, index, policy)),
  );
  const { scaleUp, scaleDown } = policy.behavior ?? {};
  if (scaleUp) {
    notes.push({
      field: 'behavior.scaleUp',
      text: describeRules('scale-up', scaleUp),
    });
  }
  if (scaleDown) {
    notes.push({
      field: 'behavior.scaleDown',
      text: describeRules('scale-down', scaleDown),
    });
  }
  return notes;
}
