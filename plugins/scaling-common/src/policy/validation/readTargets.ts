/** Reads the `targets` of a scaling policy. */
import { CUSTOM_METRICS } from '../metricCatalog';
import {
  CUSTOM_METRIC_NAMES,
  CustomMetricSource,
  CustomMetricTarget,
  RequestRateTarget,
  SCALING_TARGET_KINDS,
  ScalingTarget,
  UtilizationTarget,
} from '../types';
import {
  addProblem,
  joinPath,
  Problems,
  readBoolean,
  readChoice,
  readList,
  readNumber,
  readRecord,
  rejectUnknownFields,
  UnknownRecord,
} from './fieldReaders';
import { readLabelSelector, readObjectReference } from './readKubernetesFields';

/**
 * The highest utilization target accepted. Kubernetes has no upper bound, but
 * a target over ten times the pods' requests means the requests are wrong.
 */
const MAX_UTILIZATION_PERCENT = 1000;

/** The HPA compares metrics as whole milli-units (`Quantity.MilliValue()`). */
const METRIC_VALUE_STEP = 0.001;

const CUSTOM_METRIC_SOURCES: readonly CustomMetricSource[] = [
  'Pods',
  'Object',
  'External',
];

const CUSTOM_TARGET_COMMON_FIELDS = [
  'kind',
  'metric',
  'source',
  'value',
  'perPod',
];

const CUSTOM_TARGET_FIELDS: Readonly<Record<CustomMetricSource, string[]>> = {
  Pods: CUSTOM_TARGET_COMMON_FIELDS,
  Object: [...CUSTOM_TARGET_COMMON_FIELDS, 'describedObject'],
  External: [...CUSTOM_TARGET_COMMON_FIELDS, 'selector'],
};

function readUtilizationTarget(
  record: UnknownRecord,
  kind: UtilizationTarget['kind'],
  path: string,
  problems: Problems,
): UtilizationTarget | undefined {
  rejectUnknownFields(
    record,
    ['kind', 'averageUtilization', 'scaleDownBelow'],
    path,
    problems,
  );
  const averageUtilization = readNumber(
    record.averageUtilization,
    joinPath(path, 'averageUtilization'),
    problems,
    {
      wholeNumber: true,
      min: 1,
      max: MAX_UTILIZATION_PERCENT,
      unit: ` % of the pods' ${kind} requests`,
    },
  );
  if (record.scaleDownBelow === undefined) {
    return averageUtilization === undefined
      ? undefined
      : { kind, averageUtilization };
  }
  const scaleDownBelowPath = joinPath(path, 'scaleDownBelow');
  const scaleDownBelow = readNumber(
    record.scaleDownBelow,
    scaleDownBelowPath,
    problems,
    { wholeNumber: true, min: 1, unit: ' %' },
  );
  if (averageUtilization === undefined || scaleDownBelow === undefined) {
    return undefined;
  }
  if (scaleDownBelow >= averageUtilization) {
    addProblem(
      problems,
      scaleDownBelowPath,
      `must be below the ${averageUtilization} % target`,
      { value: scaleDownBelow },
    );
    return undefined;
  }
  return { kind, averageUtilization, scaleDownBelow };
}

function readRequestRateTarget(
  record: UnknownRecord,
  path: string,
  problems: Problems,
): RequestRateTarget | undefined {
  rejectUnknownFields(
    record,
    ['kind', 'requestsPerMinutePerReplica', 'responseTimeLimitMs'],
    path,
    problems,
  );
  const requestsPerMinutePerReplica = readNumber(
    record.requestsPerMinutePerReplica,
    joinPath(path, 'requestsPerMinutePerReplica'),
    problems,
    { wholeNumber: true, min: 1 },
  );
  if (record.responseTimeLimitMs === undefined) {
    return requestsPerMinutePerReplica === undefined
      ? undefined
      : { kind: 'requests', requestsPerMinutePerReplica };
  }
  const responseTimeLimitMs = readNumber(
    record.responseTimeLimitMs,
    joinPath(path, 'responseTimeLimitMs'),
    problems,
    { wholeNumber: true, min: 1, unit: ' ms' },
  );
  if (
    requestsPerMinutePerReplica === undefined ||
    responseTimeLimitMs === undefined
  ) {
    return undefined;
  }
  return { kind: 'requests', requestsPerMinutePerReplica, responseTimeLimitMs };
}

function readMetricValue(
  value: unknown,
  path: string,
  problems: Problems,
): number | undefined {
  const number = readNumber(value, path, problems);
  if (number === undefined) {
    return undefined;
  }
  if (number <= 0) {
    addProblem(problems, path, 'must be greater than 0', { value });
    return undefined;
  }
  const steps = number / METRIC_VALUE_STEP;
  if (Math.abs(steps - Math.round(steps)) > 1e-6) {
    addProblem(
      problems,
      path,
      `must be a multiple of ${METRIC_VALUE_STEP}, the finest step the HPA compares`,
      { value },
    );
    return undefined;
  }
  return number;
}

function readCustomMetricTarget(
  record: UnknownRecord,
  path: string,
  problems: Problems,
): CustomMetricTarget | undefined {
  const start = problems.length;
  const metric = readChoice(
    record.metric,
    CUSTOM_METRIC_NAMES,
    joinPath(path, 'metric'),
    problems,
  );
  const sourcePath = joinPath(path, 'source');
  const source = readChoice(
    record.source,
    CUSTOM_METRIC_SOURCES,
    sourcePath,
    problems,
  );
  const value = readMetricValue(
    record.value,
    joinPath(path, 'value'),
    problems,
  );
  if (!metric || !source || value === undefined) {
    return undefined;
  }
  const { sources } = CUSTOM_METRICS[metric];
  if (!sources.includes(source)) {
    addProblem(
      problems,
      sourcePath,
      `cannot be ${source} for ${metric}; use one of ${sources.join(', ')}`,
    );
    return undefined;
  }
  rejectUnknownFields(record, CUSTOM_TARGET_FIELDS[source], path, problems);
  const common = { kind: 'custom', metric, value } as const;
  const perPodPath = joinPath(path, 'perPod');

  if (source === 'Pods') {
    if (record.perPod !== undefined && record.perPod !== true) {
      addProblem(
        problems,
        perPodPath,
        'must be true for a Pods metric, which is always averaged over the pods',
        { value: record.perPod },
      );
    }
    return problems.length > start ? undefined : { ...common, source };
  }

  const perPod = readBoolean(record.perPod, perPodPath, problems);
  if (source === 'Object') {
    const describedObject =
      record.describedObject === undefined
        ? undefined
        : readObjectReference(
            record.describedObject,
            joinPath(path, 'describedObject'),
            problems,
          );
    if (problems.length > start || perPod === undefined) {
      return undefined;
    }
    return {
      ...common,
      source,
      perPod,
      ...(describedObject && { describedObject }),
    };
  }

  const selector =
    record.selector === undefined
      ? undefined
      : readLabelSelector(
          record.selector,
          joinPath(path, 'selector'),
          problems,
        );
  if (problems.length > start || perPod === undefined) {
    return undefined;
  }
  return { ...common, source, perPod, ...(selector && { selector }) };
}

function readTarget(
  value: unknown,
  path: string,
  problems: Problems,
): ScalingTarget | undefined {
  const record = readRecord(value, path, problems);
  if (!record) {
    return undefined;
  }
  const kind = readChoice(
    record.kind,
    SCALING_TARGET_KINDS,
    joinPath(path, 'kind'),
    problems,
  );
  switch (kind) {
    case 'cpu':
    case 'memory':
      return readUtilizationTarget(record, kind, path, problems);
    case 'requests':
      return readRequestRateTarget(record, path, problems);
    case 'custom':
      return readCustomMetricTarget(record, path, problems);
    default:
      return undefined;
  }
}

/** What Kubernetes allows one target of: a resource, the request rate, or a custom metric. */
function metricOf(target: ScalingTarget): string {
  return target.kind === 'custom' ? target.metric : target.kind;
}

function reportDuplicates(
  targets: readonly ScalingTarget[],
  problems: Problems,
): void {
  const firstIndex = new Map<string, number>();
  targets.forEach((target, index) => {
    const metric = metricOf(target);
    const first = firstIndex.get(metric);
    if (first === undefined) {
      firstIndex.set(metric, index);
      return;
    }
    addProblem(
      problems,
      joinPath('targets', index),
      `repeats the ${metric} target of targets[${first}]; Kubernetes takes one target per metric`,
    );
  });
}

/** The policy's targets: at least one, each valid, no metric twice. */
export function readTargets(
  value: unknown,
  problems: Problems,
): ScalingTarget[] | undefined {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) {
    addProblem(
      problems,
      'targets',
      'must list at least one metric to scale on',
    );
    return undefined;
  }
  const targets = readList(value, 'targets', problems, (item, path) =>
    readTarget(item, path, problems),
  );
  if (!targets) {
    return undefined;
  }
  const start = problems.length;
  reportDuplicates(targets, problems);
  return problems.length > start ? undefined : targets;
}
