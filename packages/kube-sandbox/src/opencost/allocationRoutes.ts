import type { SandboxCluster, SandboxRoute } from '../cluster/types';
import type { LoadModel } from '../load';
import { statusErrors } from '../status';
import {
  allocationJson,
  sumAllocations,
  type AllocationTotals,
} from './allocationJson';
import { idleTotals } from './idle';
import { podAllocations, type AllocationProperties } from './podAllocations';
import {
  parseDuration,
  parseWindow,
  splitWindow,
  type TimeWindow,
} from './window';

const IDLE = '__idle__';
const UNALLOCATED = '__unallocated__';

/**
 * OpenCost's allocation API (`GET /allocation` and `/allocation/compute`) for one cluster:
 * `window`, `aggregate` (comma-combined), `step`, `accumulate` and `includeIdle`.
 */
export function allocationRoutes(load: LoadModel): SandboxRoute[] {
  const handle = ({
    cluster,
    query,
  }: {
    cluster: SandboxCluster;
    query: Record<string, string>;
  }) => {
    const now = cluster.clock.now();
    const window = parseWindow(query.window, now);
    const step = query.step ? parseDuration(query.step) : undefined;
    if (query.step && step === undefined)
      throw statusErrors.badRequest(`invalid step: ${query.step}`);
    const sets = isTrue(query.accumulate)
      ? [window]
      : splitWindow(window, step);
    const aggregateBy = (query.aggregate ?? '')
      .split(',')
      .map(p => p.trim())
      .filter(Boolean);
    return {
      code: 200,
      status: 'success',
      data: sets.map(set =>
        allocationSet(
          cluster,
          load,
          set,
          aggregateBy,
          isTrue(query.includeIdle),
        ),
      ),
    };
  };
  return [
    { path: '/allocation', public: true, handle },
    { path: '/allocation/compute', public: true, handle },
  ];
}

function allocationSet(
  cluster: SandboxCluster,
  load: LoadModel,
  window: TimeWindow,
  aggregateBy: string[],
  includeIdle: boolean,
) {
  // A step that has not begun yet has nothing to allocate, idle capacity included.
  if (window.start >= cluster.clock.now()) return {};
  const pods = podAllocations(cluster, load, window);
  const groups = new Map<string, AllocationTotals[]>();
  for (const pod of pods) {
    const key = aggregationKey(pod.properties, aggregateBy);
    const group = groups.get(key);
    if (group) group.push(pod);
    else groups.set(key, [pod]);
  }
  const set: Record<string, ReturnType<typeof allocationJson>> = {};
  for (const [key, members] of [...groups].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    set[key] = allocationJson(
      key,
      sumAllocations(members),
      window,
      cluster.prices,
    );
  }
  if (includeIdle) {
    const allocated = pods.length ? sumAllocations(pods) : undefined;
    set[IDLE] = allocationJson(
      IDLE,
      idleTotals(cluster, window, allocated),
      window,
      cluster.prices,
    );
  }
  return set;
}

/** The name of the group an allocation falls in, as OpenCost's `GenerateKey`. */
function aggregationKey(
  properties: AllocationProperties,
  aggregateBy: readonly string[],
): string {
  if (!aggregateBy.length) {
    return [
      properties.cluster,
      properties.node,
      properties.namespace,
      properties.pod,
      properties.container,
    ].join('/');
  }
  return aggregateBy
    .map(property => {
      if (property.startsWith('label:')) {
        const label = property
          .slice('label:'.length)
          .replace(/[^a-zA-Z0-9_]/g, '_');
        return properties.labels?.[label] ?? UNALLOCATED;
      }
      switch (property) {
        case 'cluster':
        case 'node':
        case 'namespace':
        case 'pod':
        case 'container':
        case 'controllerKind':
          return properties[property] ?? UNALLOCATED;
        case 'controller':
          return properties.controller
            ? `${properties.controllerKind}:${properties.controller}`
            : UNALLOCATED;
        case 'deployment':
        case 'rollout':
          return properties.controllerKind === property
            ? properties.controller ?? UNALLOCATED
            : UNALLOCATED;
        case 'service':
          return properties.services?.[0] ?? UNALLOCATED;
        default:
          throw statusErrors.badRequest(
            `invalid aggregation property: ${property}`,
          );
      }
    })
    .join('/');
}

function isTrue(value: string | undefined): boolean {
  return value === 'true' || value === '1';
}
