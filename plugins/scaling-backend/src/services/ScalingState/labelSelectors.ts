import type {
  V1LabelSelector,
  V1LabelSelectorRequirement,
} from '@kubernetes/client-node';

function meetsRequirement(
  requirement: V1LabelSelectorRequirement,
  labels: Record<string, string>,
): boolean {
  const present = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In':
      return present && values.includes(labels[requirement.key]);
    case 'NotIn':
      return !present || !values.includes(labels[requirement.key]);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    default:
      return false;
  }
}

/**
 * Whether labels match a `metav1.LabelSelector`, with the API server's
 * semantics: an empty selector matches everything, a missing one nothing, and
 * an unknown operator nothing.
 */
export function matchesLabelSelector(
  selector: V1LabelSelector | undefined,
  labels: Record<string, string> = {},
): boolean {
  if (!selector) {
    return false;
  }
  const matchLabelsHold = Object.entries(selector.matchLabels ?? {}).every(
    ([key, value]) => labels[key] === value,
  );
  return (
    matchLabelsHold &&
    (selector.matchExpressions ?? []).every(requirement =>
      meetsRequirement(requirement, labels),
    )
  );
}
