import {
  ANNOTATION_KUBERNETES_ID,
  ScalingEntityFacts,
} from '@meschain/backstage-plugin-scaling-common';

/** How an entity's workloads are looked up in each cluster. */
export type WorkloadQuery = {
  labelSelector: string;
  /** All namespaces when absent. */
  namespace?: string;
};

/**
 * The lookup the upstream Kubernetes backend makes for the same entity: the
 * `backstage.io/kubernetes-label-selector` annotation when set, otherwise
 * `backstage.io/kubernetes-id=<id>`, where the id defaults to the entity's
 * name. So a service that shows up in the Kubernetes tab shows up here too.
 */
export function workloadQueryFor(
  facts: Pick<ScalingEntityFacts, 'name' | 'workload'>,
): WorkloadQuery {
  const { labelSelector, kubernetesId, namespace } = facts.workload;
  return {
    labelSelector:
      labelSelector?.trim() ||
      `${ANNOTATION_KUBERNETES_ID}=${kubernetesId?.trim() || facts.name}`,
    namespace: namespace?.trim() || undefined,
  };
}

/** Prometheus' spelling of a label name, which OpenCost reports labels in. */
export function prometheusLabelName(name: string): string {
  return name.replace(/[^a-zA-Z0-9_]/g, '_');
}

type SelectorRequirement = (labels: Record<string, string>) => boolean;

const SET_REQUIREMENT = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/;
const EQUALITY_REQUIREMENT = /^([^\s!=]+)\s*(==|=|!=)\s*(\S*)$/;
const EXISTENCE_REQUIREMENT = /^(!?)([^\s!=]+)$/;

/** The requirements of a selector string, split on the commas outside parentheses. */
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current.trim());
  return parts.filter(Boolean);
}

function parseRequirement(
  text: string,
  key: (name: string) => string,
): SelectorRequirement | undefined {
  const set = SET_REQUIREMENT.exec(text);
  if (set) {
    const values = set[3].split(',').map(v => v.trim());
    const name = key(set[1]);
    return set[2] === 'in'
      ? labels => name in labels && values.includes(labels[name])
      : labels => !(name in labels) || !values.includes(labels[name]);
  }
  const equality = EQUALITY_REQUIREMENT.exec(text);
  if (equality) {
    const name = key(equality[1]);
    const value = equality[3];
    return equality[2] === '!='
      ? labels => labels[name] !== value
      : labels => labels[name] === value;
  }
  const existence = EXISTENCE_REQUIREMENT.exec(text);
  if (existence) {
    const name = key(existence[2]);
    return existence[1]
      ? labels => !(name in labels)
      : labels => name in labels;
  }
  return undefined;
}

/**
 * Whether a workload seen outside the Kubernetes API (e.g. in OpenCost's
 * allocations) is one the query selects, with the API server's label selector
 * syntax. `labelNames` respells the selector's label names as the workload's
 * labels are spelled. An unparsable selector selects nothing.
 */
export function matchesWorkloadQuery(
  query: WorkloadQuery,
  workload: { namespace?: string; labels?: Record<string, string> },
  labelNames: (name: string) => string = name => name,
): boolean {
  if (query.namespace && query.namespace !== workload.namespace) return false;
  const requirements = splitRequirements(query.labelSelector).map(text =>
    parseRequirement(text, labelNames),
  );
  if (requirements.some(r => r === undefined)) return false;
  const labels = workload.labels ?? {};
  return requirements.every(r => r!(labels));
}
