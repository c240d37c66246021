import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CostRecommendation,
  HourlyUsage,
  RegionWorkloads,
  hpaMinimumRecommendation,
  reservedRecommendation,
  rightSizingRecommendation,
  spotRecommendation,
} from '@meschain/backstage-plugin-scaling-common';
import { CostSource } from '@meschain/backstage-plugin-scaling-node';
import { CostEntityMapping } from './costEntityMapping';
import { CostSettings } from './costSettings';
import { addDays, dayOf } from './costWindows';
import { CostWorkloadObserver } from './observeCostWorkloads';
import {
  CostRecommendationStore,
  CostUsageStore,
  ObservedWorkload,
  OwnedRecommendation,
} from './store';

const RIGHT_SIZING_HEADROOM = 0.2;
const RIGHT_SIZING_MIN_REDUCTION = 0.1;
const RESERVED_BASELINE_PERCENTILE = 0.1;
const HPA_MIN_RATIO = 2;
const HPA_MIN_FLOOR = 2;
const QUIET_HOURS_PER_DAY = 8;

type EntityHours = Array<HourlyUsage & { storageCost: number }>;

/** Observes the clusters' workloads, then works out and stores every entity's recommendations. */
export type CostRecommendationRefresh = () => Promise<void>;

/** One replica's request, weighted by the replicas of each workload. */
function perReplicaRequest(workloads: ObservedWorkload[]) {
  const replicas = workloads.reduce((sum, w) => sum + w.replicas, 0);
  if (!workloads.length || replicas === 0) return undefined;
  const weighted = (pick: (w: ObservedWorkload) => number) =>
    workloads.reduce((sum, w) => sum + pick(w) * w.replicas, 0) / replicas;
  return {
    cpuCores: weighted(w => w.cpuRequestCoresPerReplica),
    memoryGiB: weighted(w => w.memoryRequestGiBPerReplica),
  };
}

/** An entity's workloads of one region taken together; stateful when they pay for volumes. */
function regionWorkloads(
  region: string,
  workloads: ObservedWorkload[],
  hours: EntityHours,
): RegionWorkloads | undefined {
  const perReplica = perReplicaRequest(workloads);
  if (!perReplica) return undefined;
  const scaled = workloads.filter(w => w.autoscaler);
  return {
    region,
    replicas: workloads.reduce((sum, w) => sum + w.replicas, 0),
    cpuRequestCoresPerReplica: perReplica.cpuCores,
    memoryRequestGiBPerReplica: perReplica.memoryGiB,
    stateful: hours.some(h => h.storageCost > 0),
    autoscaler: scaled.length
      ? {
          minReplicas: scaled.reduce(
            (sum, w) => sum + w.autoscaler!.minReplicas,
            0,
          ),
          cpuTargetUtilization: scaled[0].autoscaler!.cpuTargetUtilization,
        }
      : undefined,
  };
}

/** Every recommendation for one entity from its stored hours and observed workloads. */
export function recommendForEntity(
  entityRef: string,
  hours: EntityHours,
  workloads: ObservedWorkload[],
  settings: Pick<
    CostSettings,
    'discounts' | 'committedShare' | 'criticalTiers'
  >,
): CostRecommendation[] {
  const found: Array<CostRecommendation | undefined> = [
    rightSizingRecommendation({
      entityRef,
      hours,
      perReplica: perReplicaRequest(workloads),
      headroom: RIGHT_SIZING_HEADROOM,
      minReduction: RIGHT_SIZING_MIN_REDUCTION,
    }),
  ];
  for (const region of new Set(workloads.map(w => w.region))) {
    const regionHours = hours.filter(h => h.region === region);
    const current = regionWorkloads(
      region,
      workloads.filter(w => w.region === region),
      regionHours,
    );
    if (!current || !regionHours.length) continue;
    const discounts = settings.discounts[region];
    if (discounts) {
      found.push(
        spotRecommendation({
          entityRef,
          tier: workloads[0].tier,
          criticalTiers: settings.criticalTiers,
          workloads: current,
          hours: regionHours,
          spotDiscount: discounts.spotDiscount,
        }),
        reservedRecommendation({
          entityRef,
          workloads: current,
          hours: regionHours,
          baselinePercentile: RESERVED_BASELINE_PERCENTILE,
          reservedDiscount: discounts.reservedDiscount,
          committedShare: settings.committedShare[region] ?? 0,
        }),
      );
    }
    found.push(
      hpaMinimumRecommendation({
        entityRef,
        workloads: current,
        hours: regionHours,
        quietHoursPerDay: QUIET_HOURS_PER_DAY,
        floor: HPA_MIN_FLOOR,
        ratio: HPA_MIN_RATIO,
      }),
    );
  }
  return found.filter((r): r is CostRecommendation => r !== undefined);
}

/**
 * After each ingestion: observes each cluster's workloads (a cluster that
 * does not answer keeps what was last observed of it), works out every
 * entity's recommendations from the hours of the last
 * `recommendationDays` days, replaces the stored ones and forgets older hours.
 */
export function createCostRecommendationRefresh(options: {
  source: CostSource;
  observe: CostWorkloadObserver;
  loadMapping: () => Promise<CostEntityMapping>;
  usage: CostUsageStore;
  recommendations: CostRecommendationStore;
  settings: CostSettings;
  logger: LoggerService;
  now?: () => Date;
}): CostRecommendationRefresh {
  const { source, observe, loadMapping, usage, settings, logger } = options;
  const now = options.now ?? (() => new Date());
  return async () => {
    const mapping = await loadMapping();
    for (const cluster of await source.listClusters()) {
      try {
        await usage.replaceWorkloads(
          cluster.name,
          await observe(cluster, mapping),
        );
      } catch (error) {
        logger.warn('Could not observe the workloads of a cluster', {
          cluster: cluster.name,
          reason: (error as Error).message,
        });
      }
    }
    const today = dayOf(now());
    const window = {
      start: addDays(today, -settings.recommendationDays),
      end: addDays(today, 1),
    };
    const since = new Date(`${window.start}T00:00:00Z`).toISOString();
    const found: OwnedRecommendation[] = [];
    for (const { entityRef, ownerRef } of await usage.entitiesWithUsage(
      since,
    )) {
      const [hours, workloads] = await Promise.all([
        usage.entityHours(entityRef, since),
        usage.entityWorkloads(entityRef),
      ]);
      found.push(
        ...recommendForEntity(entityRef, hours, workloads, settings).map(r => ({
          ...r,
          ownerRef,
        })),
      );
    }
    await options.recommendations.replaceAll({
      window,
      computedAt: now().toISOString(),
      recommendations: found,
    });
    await usage.pruneHours(since);
    logger.info('Refreshed cost recommendations', {
      ...window,
      recommendations: found.length,
    });
  };
}
