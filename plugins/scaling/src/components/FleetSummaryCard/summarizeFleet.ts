import {
  DrReadinessSummary,
  RegionHealth,
  RegionServicePlacement,
  RegionsOverview,
} from '@meschain/backstage-plugin-scaling-common';

/** Ready against desired replicas. */
export type ReplicaTotals = { desired: number; ready: number };

/** The fleet in a few figures, from one read of every region's clusters. */
export type FleetSummary = {
  /** Distinct services with a workload in some region. */
  services: number;
  /** Services with fewer ready replicas than desired in some region. */
  servicesNotReady: number;
  replicas: ReplicaTotals;
  regions: number;
  regionsByHealth: Record<RegionHealth, number>;
  /** What the fleet's requests cost per month at the regions' prices, now. */
  monthlyRunRate: { amount: number; currency?: string };
  dr: DrReadinessSummary;
};

/** The catalog entity of a placement, or its workload's id when the catalog has none. */
export function serviceKey(placement: RegionServicePlacement): string {
  return placement.entityRef ?? placement.kubernetesId;
}

function addReplicas(
  totals: ReplicaTotals,
  placement: RegionServicePlacement,
): ReplicaTotals {
  return {
    desired: totals.desired + placement.replicas.desired,
    ready: totals.ready + placement.replicas.ready,
  };
}

/** Each service's replicas summed over its regions, and the regions it runs in. */
export function replicasByService(
  overview: RegionsOverview,
): Map<string, ReplicaTotals & { regions: string[] }> {
  const byService = new Map<string, ReplicaTotals & { regions: string[] }>();
  for (const placement of overview.regions.flatMap(r => r.services)) {
    const key = serviceKey(placement);
    const current = byService.get(key) ?? { desired: 0, ready: 0, regions: [] };
    byService.set(key, {
      ...addReplicas(current, placement),
      regions: current.regions.includes(placement.region)
        ? current.regions
        : [...current.regions, placement.region],
    });
  }
  return byService;
}

export function summarizeFleet(overview: RegionsOverview): FleetSummary {
  const placements = overview.regions.flatMap(region => region.services);
  const notReady = new Set(
    placements
      .filter(p => p.replicas.ready < p.replicas.desired)
      .map(serviceKey),
  );
  const regionsByHealth: Record<RegionHealth, number> = {
    healthy: 0,
    degraded: 0,
    down: 0,
    unknown: 0,
  };
  for (const region of overview.regions) {
    regionsByHealth[region.health] += 1;
  }
  return {
    services: new Set(placements.map(serviceKey)).size,
    servicesNotReady: notReady.size,
    replicas: placements.reduce(addReplicas, { desired: 0, ready: 0 }),
    regions: overview.regions.length,
    regionsByHealth,
    monthlyRunRate: {
      amount: overview.regions.reduce((sum, r) => sum + r.cost.monthly, 0),
      currency: overview.regions[0]?.cost.currency,
    },
    dr: overview.dr.summary,
  };
}
