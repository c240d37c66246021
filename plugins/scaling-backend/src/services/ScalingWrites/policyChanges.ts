import {
  diffHorizontalPodAutoscaler,
  HorizontalPodAutoscaler,
  HpaChange,
  LABEL_MANAGED_BY,
} from '@meschain/backstage-plugin-scaling-common';

const MANAGED_BY_PATH = `metadata.labels[${JSON.stringify(LABEL_MANAGED_BY)}]`;

/**
 * What applying `rendered` changes in the live HPA. Labelling an HPA as this
 * suite's is no reason to write it: when the policy matches the live HPA,
 * there is nothing to change and the HPA is left as it is.
 */
export function policyChanges(
  live: HorizontalPodAutoscaler | undefined,
  rendered: HorizontalPodAutoscaler,
): HpaChange[] {
  const diff = diffHorizontalPodAutoscaler(live, rendered);
  return live && diff.every(change => change.path === MANAGED_BY_PATH)
    ? []
    : diff;
}
