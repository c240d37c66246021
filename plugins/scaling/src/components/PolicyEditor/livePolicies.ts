import {
  ALL_REGIONS,
  diffHorizontalPodAutoscaler,
  EntityScalingState,
  ParsedScalingPolicy,
  PolicyProblem,
  renderHorizontalPodAutoscaler,
  ScalingPolicy,
} from '@meschain/backstage-plugin-scaling-common';

/** What runs now in one region, as the policy editor starts from it. */
export interface LiveRegionPolicy {
  region: string;
  /** The policy the region's HPA expresses; absent when it has none. */
  live?: ParsedScalingPolicy;
  /** Why the region's HPA is not known, e.g. its cluster did not answer. */
  unknown?: string;
}

/** Each region's live policy, in the order of the entity's regions. */
export function livePoliciesOf(state: EntityScalingState): LiveRegionPolicy[] {
  const seen = new Set<string>();
  return state.clusters.flatMap((cluster): LiveRegionPolicy[] => {
    const { region } = cluster;
    if (seen.has(region)) {
      return [];
    }
    seen.add(region);
    if (cluster.error) {
      return [
        {
          region,
          unknown: `its cluster did not answer (${cluster.error.message})`,
        },
      ];
    }
    const workloads = cluster.workloads ?? [];
    if (workloads.length !== 1) {
      return [
        {
          region,
          unknown:
            workloads.length === 0
              ? 'no workload of the service runs there'
              : `${workloads.length} workloads of the service run there`,
        },
      ];
    }
    const autoscaler = workloads[0].autoscaler;
    if (!autoscaler) {
      return [{ region }];
    }
    if (!autoscaler.policy) {
      return [
        {
          region,
          unknown: `its HPA ${autoscaler.name} cannot be read as a policy`,
        },
      ];
    }
    return [{ region, live: autoscaler.policy }];
  });
}

/** The regions a selection names, in the entity's order; all of them for `*`. */
export function selectedRegionsOf(
  regions: string[],
  selection: string[],
): string[] {
  return selection.includes(ALL_REGIONS)
    ? regions
    : regions.filter(region => selection.includes(region));
}

/** Where the form starts: the live policy of the first region that has one. */
export interface LiveStart {
  region: string;
  policy: ScalingPolicy;
}

/**
 * The live policy the form starts from: the first selected region's HPA, or
 * with nothing selected, the first region's that has one. Undefined when no
 * such region has an HPA.
 */
export function liveStartOf(
  live: LiveRegionPolicy[],
  selected: string[],
): LiveStart | undefined {
  const candidates =
    selected.length > 0
      ? live.filter(entry => selected.includes(entry.region))
      : live;
  const first = candidates.find(entry => entry.live);
  return first?.live && { region: first.region, policy: first.live.policy };
}

/** One field in which the selected regions' HPAs differ. */
export interface LiveFieldDifference {
  /** The field's path in the HPA, as the dry run's diff names it. */
  path: string;
  /** Each value found, with the regions that have it, the starting region's first. */
  values: Array<{ value: unknown; regions: string[] }>;
}

/** How the selected regions' live HPAs differ, before anything is previewed. */
export interface LiveDifferences {
  /** The region the form starts from, against which the others are compared. */
  reference?: string;
  fields: LiveFieldDifference[];
  /** Selected regions without an HPA: applying creates one. */
  withoutHpa: string[];
  /** Selected regions whose HPA is not known, and why. */
  unknown: Array<{ region: string; reason: string }>;
  /** Parts of the selected regions' HPAs the policy cannot hold: applying drops them. */
  unsupported: Array<{ region: string; problem: PolicyProblem }>;
}

// Every region's HPA is rendered for the same workload, so that only the policies differ.
const comparedWorkload = {
  kind: 'Deployment' as const,
  name: 'compared',
  namespace: 'compared',
};

function rendered(policy: ScalingPolicy) {
  return renderHorizontalPodAutoscaler({ policy, workload: comparedWorkload });
}

/**
 * Compares the live HPAs of the selected regions field by field, as the HPA
 * they would render to, so that a difference is named as the dry run names it.
 */
export function liveDifferencesOf(
  live: LiveRegionPolicy[],
  selected: string[],
): LiveDifferences {
  const chosen = live.filter(entry => selected.includes(entry.region));
  const withHpa = chosen.filter(entry => entry.live);
  const differences: LiveDifferences = {
    reference: withHpa[0]?.region,
    fields: [],
    withoutHpa: chosen
      .filter(entry => !entry.live && !entry.unknown)
      .map(entry => entry.region),
    unknown: chosen.flatMap(entry =>
      entry.unknown ? [{ region: entry.region, reason: entry.unknown }] : [],
    ),
    unsupported: withHpa.flatMap(entry =>
      entry.live!.unsupported.map(problem => ({
        region: entry.region,
        problem,
      })),
    ),
  };
  const [reference, ...others] = withHpa;
  if (!reference) {
    return differences;
  }
  const referenceHpa = rendered(reference.live!.policy);
  const byPath = new Map<string, LiveFieldDifference>();
  for (const other of others) {
    const changes = diffHorizontalPodAutoscaler(
      referenceHpa,
      rendered(other.live!.policy),
    );
    for (const change of changes) {
      let field = byPath.get(change.path);
      if (!field) {
        field = {
          path: change.path,
          values: [{ value: change.before, regions: [reference.region] }],
        };
        byPath.set(change.path, field);
      }
      const same = field.values.find(
        entry => JSON.stringify(entry.value) === JSON.stringify(change.after),
      );
      if (same) {
        same.regions.push(other.region);
      } else {
        field.values.push({ value: change.after, regions: [other.region] });
      }
    }
  }
  // A region that agrees with the reference on a field shares the reference's value.
  for (const field of byPath.values()) {
    const listed = new Set(field.values.flatMap(entry => entry.regions));
    for (const other of others) {
      if (!listed.has(other.region)) {
        field.values[0].regions.push(other.region);
      }
    }
  }
  differences.fields = [...byPath.values()];
  return differences;
}
