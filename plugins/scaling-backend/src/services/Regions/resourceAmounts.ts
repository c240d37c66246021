import {
  parseQuantity,
  PodResourceAmounts,
  quantityToMilli,
  ComputeAmounts,
} from '@meschain/backstage-plugin-scaling-common';
import type { V1NodeStatus } from '@kubernetes/client-node';

export const NO_RESOURCES: ComputeAmounts = { cpuCores: 0, memoryBytes: 0 };

export function fromResourceList(
  list: V1NodeStatus['allocatable'],
): ComputeAmounts {
  return {
    cpuCores: list?.cpu ? quantityToMilli(list.cpu) / 1000 : 0,
    memoryBytes: list?.memory ? parseQuantity(list.memory) : 0,
  };
}

export function fromPodAmounts(amounts: PodResourceAmounts): ComputeAmounts {
  return {
    cpuCores: amounts.cpuMillicores / 1000,
    memoryBytes: amounts.memoryBytes,
  };
}

export function addAmounts(...all: ComputeAmounts[]): ComputeAmounts {
  return all.reduce(
    (total, next) => ({
      // Rounded to millicores, so that sums of `250m` do not drift.
      cpuCores: Math.round((total.cpuCores + next.cpuCores) * 1000) / 1000,
      memoryBytes: total.memoryBytes + next.memoryBytes,
    }),
    NO_RESOURCES,
  );
}

/** `from - taken`, never below zero. */
export function remainingAmounts(
  from: ComputeAmounts,
  taken: ComputeAmounts,
): ComputeAmounts {
  return {
    cpuCores: Math.max(
      0,
      Math.round((from.cpuCores - taken.cpuCores) * 1000) / 1000,
    ),
    memoryBytes: Math.max(0, from.memoryBytes - taken.memoryBytes),
  };
}

/** Whether `needed` fits into `available` for every resource. */
export function fitsInto(
  needed: ComputeAmounts,
  available: ComputeAmounts,
): boolean {
  return (
    needed.cpuCores <= available.cpuCores &&
    needed.memoryBytes <= available.memoryBytes
  );
}
