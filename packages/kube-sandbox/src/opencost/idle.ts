import type { SandboxCluster } from '../cluster/types';
import type { Node } from '../controllers/kinds';
import { parseQuantity } from '../metrics/quantity';
import type { AllocationTotals } from './allocationJson';
import { countedSince } from './countedSince';
import type { TimeWindow } from './window';

const HOUR_MS = 3_600_000;

/**
 * OpenCost's `__idle__`: what the nodes offered over the window (capacity × hours) minus what the
 * allocations were charged for, per resource and never below zero.
 */
export function idleTotals(
  cluster: SandboxCluster,
  window: TimeWindow,
  allocated: AllocationTotals | undefined,
): AllocationTotals {
  const now = cluster.clock.now();
  let cpuCoreHours = 0;
  let ramByteHours = 0;
  for (const node of cluster.store.list('nodes').items as Node[]) {
    const start = Math.max(
      window.start,
      countedSince(cluster, node.metadata.creationTimestamp) ?? window.start,
    );
    const end = Math.min(window.end, now);
    if (end <= start) continue;
    const hours = (end - start) / HOUR_MS;
    const capacity = node.status?.capacity ?? node.status?.allocatable ?? {};
    cpuCoreHours += (parseQuantity(capacity.cpu) || 0) * hours;
    ramByteHours += (parseQuantity(capacity.memory) || 0) * hours;
  }
  return {
    properties: { cluster: cluster.name },
    start: window.start,
    end: Math.min(window.end, now),
    cpuRequestCoreHours: 0,
    cpuLimitCoreHours: 0,
    cpuUsageCoreHours: 0,
    cpuCoreHours: Math.max(0, cpuCoreHours - (allocated?.cpuCoreHours ?? 0)),
    ramRequestByteHours: 0,
    ramLimitByteHours: 0,
    ramUsageByteHours: 0,
    ramByteHours: Math.max(0, ramByteHours - (allocated?.ramByteHours ?? 0)),
  };
}
