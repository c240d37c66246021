import { ScalingEntityFacts } from '@meschain/backstage-plugin-scaling-common';

/**
 * The `service` label of an entity's series in Prometheus: its
 * kubernetes-id, else its name. The health view reads by it, and the alert
 * rules and maintenance windows select by it.
 */
export function metricsServiceLabel(facts: ScalingEntityFacts): string {
  return facts.workload.kubernetesId ?? facts.name;
}
