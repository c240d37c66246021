import {
  FleetCell,
  FleetHealth,
  FleetService,
} from '@meschain/backstage-plugin-scaling-common';

const severity: Record<FleetHealth, number> = {
  pass: 0,
  unknown: 1,
  warn: 2,
  fail: 3,
};

/** The worst health of a service's cells; unknown without any. */
export function worstHealth(cells: FleetCell[]): FleetHealth {
  return (
    cells.reduce<FleetHealth | undefined>(
      (worst, cell) =>
        worst === undefined || severity[cell.health] > severity[worst]
          ? cell.health
          : worst,
      undefined,
    ) ?? 'unknown'
  );
}

/** A service across its regions, for a team's view. */
export interface ServiceSummary {
  health: FleetHealth;
  replicas: { ready: number; desired: number };
  /** The known cells' cost per hour; null when no cell's is known. */
  costPerHour: number | null;
  /** The regions with a rollout in progress. */
  rollouts: string[];
  /** The regions whose cluster could not be read. */
  failedRegions: string[];
}

export function summarizeService(service: FleetService): ServiceSummary {
  const cells = service.regions;
  const costs = cells
    .map(cell => cell.costPerHour)
    .filter((cost): cost is number => cost !== null);
  return {
    health: worstHealth(cells),
    replicas: {
      ready: cells.reduce((sum, cell) => sum + cell.replicas.ready, 0),
      desired: cells.reduce((sum, cell) => sum + cell.replicas.desired, 0),
    },
    costPerHour:
      costs.length > 0 ? costs.reduce((sum, cost) => sum + cost, 0) : null,
    rollouts: cells.filter(cell => cell.rollout).map(cell => cell.region),
    failedRegions: cells.filter(cell => cell.error).map(cell => cell.region),
  };
}
