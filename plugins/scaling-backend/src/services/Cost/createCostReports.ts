import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  COST_RESOURCES,
  CostByResource,
  CostChange,
  CostEfficiency,
  CostRecommendations,
  CostSavingsSummary,
  CostShare,
  CostWindow,
  DailyCost,
  EntityCost,
  IncompleteCostDay,
  OrgCost,
  TeamCost,
  sumSavings,
} from '@meschain/backstage-plugin-scaling-common';
import { EntityScalingFactsService } from '../EntityScalingFacts';
import { addDays, dayOf, eachDay, previousWindow } from './costWindows';
import { CostRecommendationStore, CostStore, RegionDayCost } from './store';

const TOP_SERVICES = 20;

type Caller = { credentials: BackstageCredentials };

/** The cost views' answers, shaped from the store's rollups. */
export interface CostReports {
  entityCost(
    ref: CompoundEntityRef,
    window: CostWindow,
    caller: Caller,
  ): Promise<EntityCost>;
  entityEfficiency(
    ref: CompoundEntityRef,
    window: CostWindow,
    caller: Caller,
  ): Promise<CostEfficiency>;
  /** The recommendations of the last refresh after an ingestion. */
  entityRecommendations(
    ref: CompoundEntityRef,
    caller: Caller,
  ): Promise<CostRecommendations>;
  teamCost(
    ref: CompoundEntityRef,
    window: CostWindow,
    caller: Caller,
  ): Promise<TeamCost>;
  orgCost(window: CostWindow): Promise<OrgCost>;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

function zeroCost(): CostByResource {
  return Object.fromEntries(COST_RESOURCES.map(r => [r, 0])) as CostByResource;
}

function dailyOf(days: RegionDayCost[], window: CostWindow): DailyCost[] {
  const byDay = new Map(
    eachDay(window).map(date => [
      date,
      { date, total: 0, byResource: zeroCost() },
    ]),
  );
  for (const d of days) {
    const day = byDay.get(d.day);
    if (!day) continue;
    day.total = round(day.total + d.total);
    for (const resource of COST_RESOURCES) {
      day.byResource[resource] = round(
        day.byResource[resource] + d.cost[resource],
      );
    }
  }
  return [...byDay.values()];
}

/** Totals per key, largest first. */
function shares(entries: Array<{ key: string; total: number }>): CostShare[] {
  const totals = new Map<string, number>();
  for (const { key, total } of entries) {
    totals.set(key, (totals.get(key) ?? 0) + total);
  }
  return [...totals]
    .map(([key, total]) => ({ key, total: round(total) }))
    .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
}

/**
 * Whether the window before can be compared: it must start on or after the
 * data's first day, or its zeros would be missing data, not zero cost.
 */
function comparable(previous: CostWindow, dataStart: string | undefined) {
  return dataStart !== undefined && previous.start >= dataStart;
}

function changeOf(
  total: number,
  previousTotal: number,
  previous: CostWindow,
): CostChange {
  const absolute = round(total - previousTotal);
  return {
    previousWindow: previous,
    previousTotal: round(previousTotal),
    absolute,
    ratio: previousTotal > 0 ? absolute / previousTotal : null,
  };
}

function sumOf(days: RegionDayCost[]): number {
  return round(days.reduce((s, d) => s + d.total, 0));
}

export function createCostReports(options: {
  store: CostStore;
  recommendations: CostRecommendationStore;
  catalog: CatalogService;
  entityFacts: EntityScalingFactsService;
  currency: string;
  recommendationDays: number;
  now?: () => Date;
}): CostReports {
  const { store, recommendations, catalog, entityFacts, currency } = options;
  const now = options.now ?? (() => new Date());

  async function incomplete(window: CostWindow): Promise<IncompleteCostDay[]> {
    return (await store.listRuns(window))
      .filter(run => run.status !== 'complete')
      .map(run => ({
        date: run.date,
        cluster: run.cluster,
        region: run.region,
        reason: run.reason ?? run.status,
      }));
  }

  /** The last refresh's, or before any, the window the next one will use. */
  async function recommendationSet() {
    const today = dayOf(now());
    return (
      (await recommendations.lastSet()) ?? {
        window: {
          start: addDays(today, -options.recommendationDays),
          end: addDays(today, 1),
        },
        computedAt: undefined,
      }
    );
  }

  async function savingsOf(
    scope: { ownerRef: string } | 'org',
  ): Promise<CostSavingsSummary> {
    const [sum, { window }] = await Promise.all([
      recommendations.sumSavings(scope),
      recommendationSet(),
    ]);
    return { ...sum, window };
  }

  /**
   * What every cost answer says of its total: the window, the data's first
   * day, the change against the window before when the data reaches that far,
   * and the days that were not fully ingested.
   */
  async function windowSummary(
    scope: Parameters<CostStore['total']>[0],
    window: CostWindow,
  ) {
    const previous = previousWindow(window);
    const [previousTotal, gaps, dataStart] = await Promise.all([
      store.total(scope, previous),
      incomplete(window),
      store.firstDay(),
    ]);
    return {
      dataStart,
      withTotal: (total: number) => ({
        currency,
        window,
        total,
        dataStart,
        change: comparable(previous, dataStart)
          ? changeOf(total, previousTotal, previous)
          : undefined,
        incomplete: gaps,
      }),
    };
  }

  return {
    async entityCost(ref, window, caller) {
      const { entityRef } = await entityFacts.getFacts(ref, caller);
      const [days, summary] = await Promise.all([
        store.entityDays(entityRef, window),
        windowSummary({ entityRef }, window),
      ]);
      const byResource = zeroCost();
      for (const d of days) {
        for (const r of COST_RESOURCES)
          byResource[r] = round(byResource[r] + d.cost[r]);
      }
      return {
        entityRef,
        ...summary.withTotal(sumOf(days)),
        daily: dailyOf(days, window),
        byRegion: shares(days.map(d => ({ key: d.region, total: d.total }))),
        byResource,
      };
    },

    async entityEfficiency(ref, window, caller) {
      const { entityRef } = await entityFacts.getFacts(ref, caller);
      const days = await store.entityUsageDays(entityRef, window);
      const sum = (pick: (d: (typeof days)[number]) => number) =>
        days.reduce((s, d) => s + pick(d), 0);
      const efficiency = (requested: number, used: number, cost: number) => ({
        requested: round(requested),
        used: round(used),
        efficiency: requested > 0 ? round(used / requested) : null,
        // OpenCost charges max(request, usage): the unused request's share.
        idleCost:
          requested > 0 ? round(cost * Math.max(0, 1 - used / requested)) : 0,
      });
      return {
        entityRef,
        currency,
        window,
        cpu: efficiency(
          sum(d => d.cpuRequestCoreHours),
          sum(d => d.cpuUsageCoreHours),
          sum(d => d.cpuCost),
        ),
        memory: efficiency(
          sum(d => d.memoryRequestGiBHours),
          sum(d => d.memoryUsageGiBHours),
          sum(d => d.memoryCost),
        ),
      };
    },

    async entityRecommendations(ref, caller) {
      const { entityRef } = await entityFacts.getFacts(ref, caller);
      const [list, { window, computedAt }] = await Promise.all([
        recommendations.listForEntity(entityRef),
        recommendationSet(),
      ]);
      return {
        entityRef,
        currency,
        window,
        computedAt,
        recommendations: list,
        savings: sumSavings(list, window),
      };
    },

    async teamCost(ref, window, caller) {
      if (ref.kind.toLocaleLowerCase('en-US') !== 'group') {
        throw new InputError(`A team is a Group, not a ${ref.kind}`);
      }
      const teamRef = stringifyEntityRef(ref);
      if (!(await catalog.getEntityByRef(ref, caller))) {
        throw new NotFoundError(`No group named ${teamRef} in the catalog`);
      }
      const [days, services, summary] = await Promise.all([
        store.ownerDays(teamRef, window),
        store.entityTotals(teamRef, window),
        windowSummary({ ownerRef: teamRef }, window),
      ]);
      return {
        teamRef,
        ...summary.withTotal(sumOf(days)),
        daily: dailyOf(days, window),
        byService: shares(
          services.map(s => ({ key: s.entityRef, total: s.total })),
        ),
        byRegion: shares(days.map(d => ({ key: d.region, total: d.total }))),
        savings: await savingsOf({ ownerRef: teamRef }),
      };
    },

    async orgCost(window) {
      const [months, services, summary] = await Promise.all([
        store.ownerMonths(window),
        store.entityTotals(undefined, window),
        windowSummary('org', window),
      ]);
      const { dataStart } = summary;
      const byMonth = [...new Set(months.map(m => m.month))]
        .sort()
        .map(month => {
          const inMonth = months.filter(m => m.month === month);
          return {
            month,
            total: round(inMonth.reduce((s, m) => s + m.total, 0)),
            byTeam: shares(
              inMonth.map(m => ({ key: m.ownerRef, total: m.total })),
            ),
          };
        });
      // Whole months of the window, and of the data: a month the data
      // starts in the middle of is not compared with a whole one.
      const lastWhole = byMonth.filter(
        m =>
          `${m.month}-01` >= window.start &&
          dataStart !== undefined &&
          `${m.month}-01` >= dataStart &&
          m.month < window.end.slice(0, 7),
      );
      const [before, last] = lastWhole.slice(-2);
      const byService = shares(
        services.map(s => ({ key: s.entityRef, total: s.total })),
      );
      return {
        ...summary.withTotal(round(months.reduce((s, m) => s + m.total, 0))),
        byTeam: shares(months.map(m => ({ key: m.ownerRef, total: m.total }))),
        topServices: byService.slice(0, TOP_SERVICES),
        byRegion: shares(months.map(m => ({ key: m.region, total: m.total }))),
        byMonth,
        monthOverMonth:
          before && last
            ? {
                month: last.month,
                previousMonth: before.month,
                total: last.total,
                previousTotal: before.total,
                absolute: round(last.total - before.total),
                ratio:
                  before.total > 0
                    ? (last.total - before.total) / before.total
                    : null,
              }
            : undefined,
        savings: await savingsOf('org'),
      };
    },
  };
}
