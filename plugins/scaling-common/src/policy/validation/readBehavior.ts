/**
 * Reads a policy's behavior override, within the bounds the Kubernetes API
 * server enforces (`validateBehavior` in pkg/apis/autoscaling/validation).
 */
import type { HpaScalingPolicy, HpaSelectPolicy } from '../../hpa/types';
import type { ScalingBehaviorOverride, ScalingRulesOverride } from '../types';
import {
  addProblem,
  joinPath,
  Problems,
  readChoice,
  readList,
  readNumber,
  readRecord,
  rejectUnknownFields,
} from './fieldReaders';

const MAX_STABILIZATION_WINDOW_SECONDS = 3600;
const MAX_POLICY_PERIOD_SECONDS = 1800;
const SELECT_POLICIES: readonly HpaSelectPolicy[] = ['Max', 'Min', 'Disabled'];
const POLICY_TYPES: readonly HpaScalingPolicy['type'][] = ['Pods', 'Percent'];

function readRatePolicy(
  value: unknown,
  path: string,
  problems: Problems,
): HpaScalingPolicy | undefined {
  const record = readRecord(value, path, problems);
  if (!record) {
    return undefined;
  }
  const start = problems.length;
  rejectUnknownFields(
    record,
    ['type', 'value', 'periodSeconds'],
    path,
    problems,
  );
  const type = readChoice(
    record.type,
    POLICY_TYPES,
    joinPath(path, 'type'),
    problems,
  );
  const amount = readNumber(record.value, joinPath(path, 'value'), problems, {
    wholeNumber: true,
    min: 1,
  });
  const periodSeconds = readNumber(
    record.periodSeconds,
    joinPath(path, 'periodSeconds'),
    problems,
    { wholeNumber: true, min: 1, max: MAX_POLICY_PERIOD_SECONDS, unit: ' s' },
  );
  if (
    problems.length > start ||
    !type ||
    amount === undefined ||
    periodSeconds === undefined
  ) {
    return undefined;
  }
  return { type, value: amount, periodSeconds };
}

function readRules(
  value: unknown,
  path: string,
  problems: Problems,
): ScalingRulesOverride | undefined {
  const record = readRecord(value, path, problems);
  if (!record) {
    return undefined;
  }
  const start = problems.length;
  rejectUnknownFields(
    record,
    ['stabilizationWindowSeconds', 'selectPolicy', 'policies'],
    path,
    problems,
  );
  const rules: ScalingRulesOverride = {};
  if (record.stabilizationWindowSeconds !== undefined) {
    rules.stabilizationWindowSeconds = readNumber(
      record.stabilizationWindowSeconds,
      joinPath(path, 'stabilizationWindowSeconds'),
      problems,
      {
        wholeNumber: true,
        min: 0,
        max: MAX_STABILIZATION_WINDOW_SECONDS,
        unit: ' s',
      },
    );
  }
  if (record.selectPolicy !== undefined) {
    rules.selectPolicy = readChoice(
      record.selectPolicy,
      SELECT_POLICIES,
      joinPath(path, 'selectPolicy'),
      problems,
    );
  }
  if (record.policies !== undefined) {
    const policiesPath = joinPath(path, 'policies');
    if (Array.isArray(record.policies) && record.policies.length === 0) {
      addProblem(
        problems,
        policiesPath,
        'must list at least one policy; leave it out to keep the Kubernetes defaults',
      );
    } else {
      rules.policies = readList(
        record.policies,
        policiesPath,
        problems,
        (item, itemPath) => readRatePolicy(item, itemPath, problems),
      );
    }
  }
  return problems.length > start ? undefined : rules;
}

/** The behavior override of a policy, or undefined with problems recorded. */
export function readBehavior(
  value: unknown,
  path: string,
  problems: Problems,
): ScalingBehaviorOverride | undefined {
  const record = readRecord(value, path, problems);
  if (!record) {
    return undefined;
  }
  const start = problems.length;
  rejectUnknownFields(record, ['scaleUp', 'scaleDown'], path, problems);
  const behavior: ScalingBehaviorOverride = {};
  if (record.scaleUp !== undefined) {
    behavior.scaleUp = readRules(
      record.scaleUp,
      joinPath(path, 'scaleUp'),
      problems,
    );
  }
  if (record.scaleDown !== undefined) {
    behavior.scaleDown = readRules(
      record.scaleDown,
      joinPath(path, 'scaleDown'),
      problems,
    );
  }
  return problems.length > start ? undefined : behavior;
}
