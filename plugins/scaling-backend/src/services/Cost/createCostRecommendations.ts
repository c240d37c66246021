import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  CostRecommendation,
  CostWindow,
  DEFAULT_CPU_TARGET_UTILIZATION,
  DailyUsage,
  RegionCompute,
  hpaMinimumRecommendation,
  reservedRecommendation,
  rightSizingRecommendation,
  spotRecommendation,
} from '@meschain/backstage-plugin-scaling-common';
import { EntityScalingFactsService } from '../EntityScalingFacts';
import { EntityScalingStateService } from '../ScalingState';
import { CostSettings } from './costSettings';
import { CostStore, EntityUsageDay } from './store';

const HOURS_PER_DAY = 24;
const RIGHT_SIZING_HEADROOM = 0.2;
const RIGHT_SIZING_MIN_REDUCTION = 0.1;
const RESERVED_BASELINE_PERCENTILE = 0.1;
const HPA_MIN_RATIO = 2;
const HPA_MIN_FLOOR = 2;
const QUIET_HOURS_PER_DAY = 8;

/** What each region's workloads look like now, from the clusters. */
type LiveRegion = {
  replicas: number;
  cpuRequestCoresPerReplica: number;
  minReplicas?: number;
};

export interface CostRecommendationService {
  recommend(
    entityRef: string,
    window: CostWindow,
    options: { credentials: BackstageCredentials },
  ): Promise<CostRecommendation[]>;
}

function toDailyUsage(days: EntityUsageDay[]): DailyUsage[] {
  const byDay = new Map<string, DailyUsage>();
  for (const d of days) {
    const sum = byDay.get(d.day) ?? {
      cpuRequestCores: 0,
      cpuUsageCores: 0,
      memoryRequestGiB: 0,
      memoryUsageGiB: 0,
      cpuCost: 0,
      memoryCost: 0,
    };
    sum.cpuRequestCores += d.cpuRequestCoreHours / HOURS_PER_DAY;
    sum.cpuUsageCores += d.cpuUsageCoreHours / HOURS_PER_DAY;
    sum.memoryRequestGiB += d.memoryRequestGiBHours / HOURS_PER_DAY;
    sum.memoryUsageGiB += d.memoryUsageGiBHours / HOURS_PER_DAY;
    sum.cpuCost += d.cpuCost;
    sum.memoryCost += d.memoryCost;
    byDay.set(d.day, sum);
  }
  return [...byDay.values()];
}

/**
 * Recommendations from the stored days (usage, requests, cost) and the
 * clusters' current replicas and autoscalers. Only whole days count, so
 * today's partial day does not look like a quiet one.
 */
export function createCostRecommendationService(options: {
  store: CostStore;
  entityFacts: EntityScalingFactsService;
  scalingState: EntityScalingStateService;
  settings: CostSettings;
  logger: LoggerService;
  now?: () => Date;
}): CostRecommendationService {
  const { store, entityFacts, scalingState, settings, logger } = options;
  const now = options.now ?? (() => new Date());

  async function liveRegions(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Map<string, LiveRegion>> {
    const regions = new Map<string, LiveRegion>();
    try {
      const state = await scalingState.getScalingState(
        parseEntityRef(entityRef),
        { credentials },
      );
      for (const cluster of state.clusters) {
        const workloads = cluster.workloads ?? [];
        const pods = workloads.reduce((s, w) => s + w.pods.pods, 0);
        if (!workloads.length || pods === 0) continue;
        const minReplicas = workloads.some(w => w.autoscaler)
          ? workloads.reduce((s, w) => s + (w.autoscaler?.minReplicas ?? 0), 0)
          : undefined;
        regions.set(cluster.region, {
          replicas: workloads.reduce((s, w) => s + w.replicas.desired, 0),
          cpuRequestCoresPerReplica:
            workloads.reduce((s, w) => s + w.pods.requests.cpuMillicores, 0) /
            1000 /
            pods,
          minReplicas,
        });
      }
    } catch (error) {
      // Right-sizing needs no cluster; the others wait for the cluster to answer.
      logger.warn('No live scaling state for cost recommendations', {
        entityRef,
        error: (error as Error).message,
      });
    }
    return regions;
  }

  return {
    async recommend(entityRef, window, { credentials }) {
      const today = now().toISOString().slice(0, 10);
      const whole = {
        start: window.start,
        end: window.end < today ? window.end : today,
      };
      if (whole.start >= whole.end) return [];
      const facts = await entityFacts.getFacts(parseEntityRef(entityRef), {
        credentials,
      });
      const usage = await store.entityUsageDays(entityRef, whole);
      const recommendations: CostRecommendation[] = [];
      const rightSizing = rightSizingRecommendation({
        entityRef,
        days: toDailyUsage(usage),
        headroom: RIGHT_SIZING_HEADROOM,
        minReduction: RIGHT_SIZING_MIN_REDUCTION,
      });
      if (rightSizing) recommendations.push(rightSizing);

      const live = await liveRegions(entityRef, credentials);
      for (const [region, current] of live) {
        const days = usage.filter(d => d.region === region);
        if (!days.length || current.cpuRequestCoresPerReplica <= 0) continue;
        const compute: RegionCompute = {
          region,
          dailyComputeCost:
            days.reduce((s, d) => s + d.cpuCost + d.memoryCost, 0) /
            days.length,
          dailyReplicas: days.map(
            d =>
              d.cpuRequestCoreHours /
              HOURS_PER_DAY /
              current.cpuRequestCoresPerReplica,
          ),
          replicas: current.replicas,
        };
        const discounts = settings.discounts[region];
        const spot =
          discounts &&
          spotRecommendation({
            entityRef,
            tier: facts.tier,
            criticalTiers: settings.criticalTiers,
            stateful: days.some(d => d.storageCost > 0),
            region: compute,
            spotDiscount: discounts.spotDiscount,
          });
        if (spot) recommendations.push(spot);
        const reserved =
          discounts &&
          reservedRecommendation({
            entityRef,
            region: compute,
            baselinePercentile: RESERVED_BASELINE_PERCENTILE,
            reservedDiscount: discounts.reservedDiscount,
            committedShare: settings.committedShare[region] ?? 0,
          });
        if (reserved) recommendations.push(reserved);
        if (current.minReplicas !== undefined) {
          // The quietest day's average usage: an upper bound on the quiet
          // hours' need, so the proposal errs on the side of more replicas.
          const quietCores = Math.min(
            ...days.map(d => d.cpuUsageCoreHours / HOURS_PER_DAY),
          );
          const meanReplicas =
            compute.dailyReplicas.reduce((s, r) => s + r, 0) /
            compute.dailyReplicas.length;
          const hpa = hpaMinimumRecommendation({
            entityRef,
            region,
            minReplicas: current.minReplicas,
            quietReplicasNeeded: Math.ceil(
              quietCores /
                (current.cpuRequestCoresPerReplica *
                  (DEFAULT_CPU_TARGET_UTILIZATION / 100)),
            ),
            floor: HPA_MIN_FLOOR,
            ratio: HPA_MIN_RATIO,
            replicaDailyCost:
              meanReplicas > 0 ? compute.dailyComputeCost / meanReplicas : 0,
            quietHoursPerDay: QUIET_HOURS_PER_DAY,
          });
          if (hpa) recommendations.push(hpa);
        }
      }
      return recommendations;
    },
  };
}
