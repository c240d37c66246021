import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  COST_RESOURCES,
  CostByResource,
  CostIngestionRun,
  CostWindow,
} from '@meschain/backstage-plugin-scaling-common';
import { Knex } from 'knex';
import { splitByWholeMonths } from '../costWindows';
import { scalingDatabaseClient } from '../../../database';
import { insertChunked, num, sumsOf } from './costDatabase';
import {
  CostStore,
  DayOfCluster,
  EntityRegionCost,
  EntityUsageDay,
  OwnerMonthCost,
  RegionDayCost,
} from './types';

const DAILY = 'scaling_cost_daily';
const OWNER_DAILY = 'scaling_cost_owner_daily';
const ENTITY_MONTHLY = 'scaling_cost_entity_monthly';
const RUNS = 'scaling_cost_ingestion_runs';

const costColumn = (resource: string) => `${resource}_cost`;
const COST_COLUMNS = [...COST_RESOURCES.map(costColumn), 'total_cost'];

function toCost(row: Record<string, unknown>): {
  cost: CostByResource;
  total: number;
} {
  const cost = Object.fromEntries(
    COST_RESOURCES.map(resource => [resource, num(row[costColumn(resource)])]),
  ) as CostByResource;
  return { cost, total: num(row.total_cost) };
}

function toRun(row: Record<string, any>): CostIngestionRun {
  return {
    date: row.day,
    cluster: row.cluster,
    region: row.region,
    status: row.status,
    reason: row.reason ?? undefined,
    stored: num(row.stored),
    skipped: num(row.skipped),
    total: num(row.total_cost),
  };
}

export class DatabaseCostStore implements CostStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseCostStore> {
    return new DatabaseCostStore(await scalingDatabaseClient(options.database));
  }

  private constructor(private readonly db: Knex) {}

  async replaceDay(
    ingestion: DayOfCluster,
    options: { refreshRollups?: boolean } = {},
  ): Promise<CostIngestionRun> {
    const { day, cluster, region, rows, skipped } = ingestion;
    return await this.db.transaction(async tx => {
      await tx(DAILY).where({ day, cluster }).delete();
      const records = rows.map(row => ({
        day,
        cluster,
        region,
        allocation: row.allocation,
        entity_ref: row.entityRef,
        owner_ref: row.ownerRef,
        labels: row.labels ? JSON.stringify(row.labels) : null,
        ...Object.fromEntries(
          COST_RESOURCES.map(resource => [
            costColumn(resource),
            row.cost[resource],
          ]),
        ),
        total_cost: row.total,
        cpu_request_core_hours: row.cpuRequestCoreHours,
        cpu_usage_core_hours: row.cpuUsageCoreHours,
        memory_request_gib_hours: row.memoryRequestGiBHours,
        memory_usage_gib_hours: row.memoryUsageGiBHours,
      }));
      await insertChunked(tx, DAILY, records);
      const run = await this.writeRun(tx, {
        day,
        cluster,
        region,
        status: skipped.length ? 'incomplete' : 'complete',
        reason: skipped.length
          ? `${skipped.length} malformed allocation(s) skipped: ${skipped
              .slice(0, 3)
              .map(s => `${s.name}: ${s.reason}`)
              .join('; ')}`
          : null,
        stored: rows.length,
        skipped: skipped.length,
        total_cost: rows.reduce((sum, row) => sum + row.total, 0),
      });
      if (options.refreshRollups !== false) {
        await this.refreshRollupsIn(tx, [day]);
      }
      return run;
    });
  }

  async recordFailure(run: {
    day: string;
    cluster: string;
    region: string;
    reason: string;
  }): Promise<CostIngestionRun> {
    const stored = await this.db(DAILY)
      .where({ day: run.day, cluster: run.cluster })
      .select(
        this.db.raw('count(*) as stored'),
        ...sumsOf(this.db, ['total_cost']),
      )
      .first();
    return this.writeRun(this.db, {
      ...run,
      status: 'failed',
      stored: num(stored?.stored),
      skipped: 0,
      total_cost: num(stored?.total_cost),
    });
  }

  async refreshRollups(days: string[]): Promise<void> {
    await this.db.transaction(tx => this.refreshRollupsIn(tx, days));
  }

  async listRuns(window: CostWindow): Promise<CostIngestionRun[]> {
    const rows = await this.db(RUNS)
      .where('day', '>=', window.start)
      .andWhere('day', '<', window.end)
      .orderBy(['day', 'cluster']);
    return rows.map(toRun);
  }

  async firstDay(): Promise<string | undefined> {
    const row = await this.db(RUNS)
      .whereNot('status', 'failed')
      .min({ day: 'day' })
      .first();
    return row?.day ?? undefined;
  }

  async entityDays(
    entityRef: string,
    window: CostWindow,
  ): Promise<RegionDayCost[]> {
    const rows = await this.inWindow(DAILY, window)
      .where('entity_ref', entityRef)
      .select('day', 'region', ...sumsOf(this.db, COST_COLUMNS))
      .groupBy('day', 'region')
      .orderBy('day');
    return rows.map(row => ({
      day: row.day,
      region: row.region,
      ...toCost(row),
    }));
  }

  async entityUsageDays(
    entityRef: string,
    window: CostWindow,
  ): Promise<EntityUsageDay[]> {
    const rows = await this.inWindow(DAILY, window)
      .where('entity_ref', entityRef)
      .select(
        'day',
        'region',
        ...sumsOf(this.db, [
          'cpu_cost',
          'memory_cost',
          'storage_cost',
          'cpu_request_core_hours',
          'cpu_usage_core_hours',
          'memory_request_gib_hours',
          'memory_usage_gib_hours',
        ]),
      )
      .groupBy('day', 'region')
      .orderBy('day');
    return rows.map(row => ({
      day: row.day,
      region: row.region,
      storageCost: num(row.storage_cost),
      cpuCost: num(row.cpu_cost),
      memoryCost: num(row.memory_cost),
      cpuRequestCoreHours: num(row.cpu_request_core_hours),
      cpuUsageCoreHours: num(row.cpu_usage_core_hours),
      memoryRequestGiBHours: num(row.memory_request_gib_hours),
      memoryUsageGiBHours: num(row.memory_usage_gib_hours),
    }));
  }

  async ownerDays(
    ownerRef: string | undefined,
    window: CostWindow,
  ): Promise<RegionDayCost[]> {
    const query = this.inWindow(OWNER_DAILY, window)
      .select('day', 'region', ...sumsOf(this.db, COST_COLUMNS))
      .groupBy('day', 'region')
      .orderBy('day');
    if (ownerRef) query.where('owner_ref', ownerRef);
    const rows = await query;
    return rows.map(row => ({
      day: row.day,
      region: row.region,
      ...toCost(row),
    }));
  }

  async entityTotals(
    ownerRef: string | undefined,
    window: CostWindow,
  ): Promise<EntityRegionCost[]> {
    const { months, edges } = splitByWholeMonths(window);
    // Whole months from the monthly rollup, the days at either edge from the daily rows.
    const totalsOf = (query: Knex.QueryBuilder) => {
      if (ownerRef) query.where('owner_ref', ownerRef);
      return query
        .select(
          'entity_ref',
          'owner_ref',
          'region',
          ...sumsOf(this.db, ['total_cost']),
        )
        .groupBy('entity_ref', 'owner_ref', 'region');
    };
    const parts: Array<Record<string, unknown>[]> = await Promise.all([
      ...(months.length
        ? [totalsOf(this.db(ENTITY_MONTHLY).whereIn('month', months))]
        : []),
      ...edges.map(edge => totalsOf(this.inWindow(DAILY, edge))),
    ]);
    const totals = new Map<string, EntityRegionCost>();
    for (const row of parts.flat()) {
      const key = `${row.entity_ref}\u0000${row.owner_ref}\u0000${row.region}`;
      const entry = totals.get(key) ?? {
        entityRef: String(row.entity_ref),
        ownerRef: String(row.owner_ref),
        region: String(row.region),
        total: 0,
      };
      entry.total += num(row.total_cost);
      totals.set(key, entry);
    }
    return [...totals.values()];
  }

  async ownerMonths(window: CostWindow): Promise<OwnerMonthCost[]> {
    const rows = await this.inWindow(OWNER_DAILY, window)
      .select(
        this.db.raw('substr(day, 1, 7) as month'),
        'owner_ref',
        'region',
        ...sumsOf(this.db, ['total_cost']),
      )
      .groupByRaw('substr(day, 1, 7), owner_ref, region')
      .orderBy('month');
    return rows.map(row => ({
      month: row.month,
      ownerRef: row.owner_ref,
      region: row.region,
      total: num(row.total_cost),
    }));
  }

  async total(
    scope: { entityRef: string } | { ownerRef: string } | 'org',
    window: CostWindow,
  ): Promise<number> {
    const query =
      scope !== 'org' && 'entityRef' in scope
        ? this.inWindow(DAILY, window).where('entity_ref', scope.entityRef)
        : this.inWindow(OWNER_DAILY, window);
    if (scope !== 'org' && 'ownerRef' in scope) {
      query.where('owner_ref', scope.ownerRef);
    }
    const row = await query.select(...sumsOf(this.db, ['total_cost'])).first();
    return num(row?.total_cost);
  }

  private inWindow(table: string, window: CostWindow) {
    return this.db(table)
      .where('day', '>=', window.start)
      .andWhere('day', '<', window.end);
  }

  private async writeRun(
    db: Knex,
    run: {
      day: string;
      cluster: string;
      region: string;
      status: CostIngestionRun['status'];
      reason: string | null;
      stored: number;
      skipped: number;
      total_cost: number;
    },
  ): Promise<CostIngestionRun> {
    await db(RUNS)
      .insert({ ...run, ingested_at: new Date() })
      .onConflict(['day', 'cluster'])
      .merge();
    return toRun(run);
  }

  private async refreshRollupsIn(tx: Knex.Transaction, days: string[]) {
    // Clusters of one day are ingested at once, and each refresh rewrites the
    // whole day's rollup rows: on PostgreSQL two refreshes must take turns
    // (SQLite already serialises writers). This mode conflicts with itself
    // but not with readers.
    if (tx.client.config.client === 'pg') {
      for (const table of [OWNER_DAILY, ENTITY_MONTHLY]) {
        await tx.raw('lock table ?? in share row exclusive mode', [table]);
      }
    }
    const uniqueDays = [...new Set(days)];
    for (const day of uniqueDays) {
      await tx(OWNER_DAILY).where({ day }).delete();
      await tx
        .into(
          tx.raw(
            `?? (??, ??, ??, ${COST_COLUMNS.map(() => '??').join(', ')})`,
            [OWNER_DAILY, 'day', 'owner_ref', 'region', ...COST_COLUMNS],
          ),
        )
        .insert(
          tx(DAILY)
            .where({ day })
            .select('day', 'owner_ref', 'region', ...sumsOf(tx, COST_COLUMNS))
            .groupBy('day', 'owner_ref', 'region'),
        );
    }
    for (const month of new Set(uniqueDays.map(day => day.slice(0, 7)))) {
      await tx(ENTITY_MONTHLY).where({ month }).delete();
      await tx
        .into(
          tx.raw('?? (??, ??, ??, ??, ??)', [
            ENTITY_MONTHLY,
            'month',
            'entity_ref',
            'owner_ref',
            'region',
            'total_cost',
          ]),
        )
        .insert(
          tx(DAILY)
            .where('day', '>=', `${month}-01`)
            .andWhere('day', '<=', `${month}-31`)
            .select(
              tx.raw('cast(? as varchar(7)) as month', [month]),
              'entity_ref',
              'owner_ref',
              'region',
              ...sumsOf(tx, ['total_cost']),
            )
            .groupBy('entity_ref', 'owner_ref', 'region'),
        );
    }
  }
}
