/**
 * The labels and annotations that mark an HPA as rendered from a scaling
 * policy, and keep what the HPA spec cannot hold.
 */
import type { ScalingTarget, UtilizationTarget } from './types';

/** @public The standard label naming the tool that manages an object. */
export const LABEL_MANAGED_BY = 'app.kubernetes.io/managed-by';

/** @public The `app.kubernetes.io/managed-by` value of HPAs this suite renders. */
export const MANAGED_BY_SCALING = 'meschain-scaling';

/**
 * @public
 * Keeps each target's "scale down below" threshold, e.g. `cpu=30,memory=40`.
 * The spec holds only the behavior derived from the lowest one, so without
 * this the others could not be read back for editing.
 */
export const ANNOTATION_SCALE_DOWN_BELOW = 'meschain.io/scale-down-below';

type ThresholdKind = UtilizationTarget['kind'];

/** The annotation value for the targets' thresholds; undefined when none is set. */
export function formatScaleDownBelow(
  targets: readonly ScalingTarget[],
): string | undefined {
  const entries = targets.flatMap(target =>
    (target.kind === 'cpu' || target.kind === 'memory') &&
    target.scaleDownBelow !== undefined
      ? [`${target.kind}=${target.scaleDownBelow}`]
      : [],
  );
  return entries.length > 0 ? entries.join(',') : undefined;
}

/** The thresholds an annotation value holds; entries that do not parse are skipped. */
export function parseScaleDownBelow(
  annotation: string | undefined,
): Partial<Record<ThresholdKind, number>> {
  const thresholds: Partial<Record<ThresholdKind, number>> = {};
  for (const entry of (annotation ?? '').split(',')) {
    const [kind, percent = ''] = entry.split('=').map(part => part.trim());
    if ((kind === 'cpu' || kind === 'memory') && /^\d+$/.test(percent)) {
      thresholds[kind] = Number(percent);
    }
  }
  return thresholds;
}
