/**
 * What applying a rendered HPA would change in the live one, for the dry-run
 * preview. Both sides are compared after the API server's defaulting, so a
 * field the server filled in (a default policy, `1k` for `1000`) is not a change.
 */
import { applyHpaSpecDefaults } from '../hpa/defaults';
import {
  formatMilliQuantity,
  Quantity,
  quantityToMilli,
} from '../hpa/quantity';
import type { HpaMetricSpec, HpaMetricTarget } from '../hpa/types';
import { ANNOTATION_SCALE_DOWN_BELOW, LABEL_MANAGED_BY } from './hpaMetadata';
import type { HorizontalPodAutoscaler } from './types';

/** @public One field that differs; `before` is undefined for an added field, `after` for a removed one. */
export interface HpaChange {
  /** e.g. `spec.metrics[0].resource.target.averageUtilization` or `metadata.labels["app.kubernetes.io/managed-by"]`. */
  path: string;
  before?: unknown;
  after?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function canonicalQuantity(
  quantity: Quantity | undefined,
): Quantity | undefined {
  if (quantity === undefined) {
    return undefined;
  }
  try {
    return formatMilliQuantity(quantityToMilli(quantity));
  } catch {
    return quantity;
  }
}

function canonicalTarget(target: HpaMetricTarget): HpaMetricTarget {
  return {
    ...target,
    value: canonicalQuantity(target.value),
    averageValue: canonicalQuantity(target.averageValue),
  };
}

function canonicalMetric(metric: HpaMetricSpec): HpaMetricSpec {
  switch (metric.type) {
    case 'Resource':
      return {
        ...metric,
        resource: {
          ...metric.resource,
          target: canonicalTarget(metric.resource.target),
        },
      };
    case 'Pods':
      return {
        ...metric,
        pods: { ...metric.pods, target: canonicalTarget(metric.pods.target) },
      };
    case 'Object':
      return {
        ...metric,
        object: {
          ...metric.object,
          target: canonicalTarget(metric.object.target),
        },
      };
    case 'External':
      return {
        ...metric,
        external: {
          ...metric.external,
          target: canonicalTarget(metric.external.target),
        },
      };
    default:
      return metric;
  }
}

/** Only the keys this suite writes: others' labels and annotations are left alone by an apply. */
function ownedEntries(
  entries: Record<string, string> | undefined,
  owned: ReadonlySet<string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(entries ?? {}).filter(([key]) => owned.has(key)),
  );
}

/** The fields an apply sets, without server-filled metadata or status. */
function comparable(
  hpa: HorizontalPodAutoscaler,
  ownedLabels: ReadonlySet<string>,
  ownedAnnotations: ReadonlySet<string>,
) {
  const spec = applyHpaSpecDefaults(hpa.spec);
  return {
    metadata: {
      labels: ownedEntries(hpa.metadata.labels, ownedLabels),
      annotations: ownedEntries(hpa.metadata.annotations, ownedAnnotations),
    },
    spec: {
      scaleTargetRef: hpa.spec.scaleTargetRef,
      minReplicas: spec.minReplicas,
      maxReplicas: spec.maxReplicas,
      metrics: spec.metrics.map(canonicalMetric),
      behavior: spec.behavior,
    },
  };
}

function childPath(path: string, key: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) {
    return `${path}[${JSON.stringify(key)}]`;
  }
  return path ? `${path}.${key}` : key;
}

function collectChanges(
  path: string,
  before: unknown,
  after: unknown,
  changes: HpaChange[],
): void {
  if (isRecord(before) && isRecord(after)) {
    const keys = new Set([...Object.keys(after), ...Object.keys(before)]);
    for (const key of keys) {
      collectChanges(childPath(path, key), before[key], after[key], changes);
    }
  } else if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    for (let index = 0; index < length; index++) {
      collectChanges(`${path}[${index}]`, before[index], after[index], changes);
    }
  } else if (before !== after) {
    changes.push({ path, before, after });
  }
}

/**
 * @public
 * The fields that differ between a live HPA (undefined when there is none yet)
 * and the one rendered to replace it. Status and server-set metadata
 * (resourceVersion, uid, creationTimestamp, generation, managedFields) are
 * ignored, and so are labels and annotations this suite does not write.
 */
export function diffHorizontalPodAutoscaler(
  live: HorizontalPodAutoscaler | undefined,
  rendered: HorizontalPodAutoscaler,
): HpaChange[] {
  const ownedLabels = new Set([
    LABEL_MANAGED_BY,
    ...Object.keys(rendered.metadata.labels ?? {}),
  ]);
  const ownedAnnotations = new Set([
    ANNOTATION_SCALE_DOWN_BELOW,
    ...Object.keys(rendered.metadata.annotations ?? {}),
  ]);
  const after = comparable(rendered, ownedLabels, ownedAnnotations);
  const before = live
    ? comparable(live, ownedLabels, ownedAnnotations)
    : { metadata: { labels: {}, annotations: {} }, spec: {} };
  const changes: HpaChange[] = [];
  collectChanges('', before, after, changes);
  return changes;
}
