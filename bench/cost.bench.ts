/**
 * Cost store benchmark: 2,000 services × 7 regions × 365 days of daily cost, loaded into SQLite
 * and PostgreSQL through the store's own writes, then the reads behind the cost views: an
 * entity's year, a team's year and the org's year by month and team, and the savings sums the
 * team and org pages show over three stored recommendations per service.
 *
 * Run with `yarn bench:cost`. PostgreSQL is used when
 * `BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING` is set (a scratch database is created
 * and dropped). Target: each read's p95 under 100 ms on both databases. Times are the store's
 * queries, as each route runs them (its live-cluster parts aside).
 */
import { performance } from 'node:perf_hooks';
import knexFactory, { Knex } from 'knex';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { COST_RESOURCES } from '@meschain/backstage-plugin-scaling-common';
import {
  DatabaseCostRecommendationStore,
  DatabaseCostStore,
} from '../plugins/scaling-backend/src/services/Cost/store';
import type {
  DailyCostRow,
  OwnedRecommendation,
} from '../plugins/scaling-backend/src/services/Cost/store';
import { addDays } from '../plugins/scaling-backend/src/services/Cost/costWindows';

const SERVICES = 2_000;
const TEAMS = 20;
const REGIONS = [
  'us-east',
  'us-west',
  'eu-west',
  'eu-central',
  'tr-central',
  'ap-southeast',
  'ap-northeast',
];
const DAYS = 365;
const FIRST_DAY = '2025-11-01';
const SAMPLES = 100;
const TARGET_P95_MS = 100;
const BENCH_DATABASE = 'meschain_cost_bench';

const year = { start: FIRST_DAY, end: addDays(FIRST_DAY, DAYS) };
const serviceRef = (i: number) => `component:default/svc-${i}`;
const teamRef = (i: number) => `group:default/team-${i % TEAMS}`;

/** A deterministic, varied cost for each service, region and day. */
function rowsOf(dayIndex: number, regionIndex: number): DailyCostRow[] {
  const rows: DailyCostRow[] = [];
  for (let i = 0; i < SERVICES; i++) {
    const scale = 1 + ((i * 7 + regionIndex * 3 + dayIndex) % 11) / 10;
    const cpu = 1.92 * scale;
    const memory = 0.48 * scale;
    rows.push({
      allocation: `ns-${i % TEAMS}/deployment:svc-${i}`,
      entityRef: serviceRef(i),
      ownerRef: teamRef(i),
      cost: { cpu, memory, storage: 0, network: 0.01, shared: 0, idle: 0 },
      total: cpu + memory + 0.01,
      cpuRequestCoreHours: 48 * scale,
      cpuUsageCoreHours: 20 * scale,
      memoryRequestGiBHours: 96,
      memoryUsageGiBHours: 60,
    });
  }
  return rows;
}

/** Right-sizing, spot and reserved for every service, as a refresh stores them. */
function recommendationsOf(): OwnedRecommendation[] {
  return Array.from({ length: SERVICES }, (_, i) =>
    (['right-sizing', 'spot', 'reserved'] as const).map(kind => ({
      kind,
      entityRef: serviceRef(i),
      ownerRef: teamRef(i),
      region: kind === 'right-sizing' ? undefined : REGIONS[i % REGIONS.length],
      summary: `${kind} for svc-${i}`,
      monthlySavings: 10 + (i % 17),
      annualSavings: 12 * (10 + (i % 17)),
      inputs: { hours: 336 },
      proposal: { capacity: kind },
    })),
  ).flat();
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function asDatabaseService(knex: Knex): DatabaseService {
  return { getClient: async () => knex, migrations: { skip: false } };
}

async function benchDatabase(name: string, knex: Knex) {
  const store = await DatabaseCostStore.create({
    database: asDatabaseService(knex),
  });
  const days = Array.from({ length: DAYS }, (_, d) => addDays(FIRST_DAY, d));

  const loadStart = performance.now();
  for (const [d, day] of days.entries()) {
    for (const [r, region] of REGIONS.entries()) {
      await store.replaceDay(
        {
          day,
          cluster: `meschain-${region}`,
          region,
          rows: rowsOf(d, r),
          skipped: [],
        },
        { refreshRollups: false },
      );
    }
  }
  const loadMs = performance.now() - loadStart;
  const rollupStart = performance.now();
  await store.refreshRollups(days);
  const rollupMs = performance.now() - rollupStart;
  const rows = SERVICES * REGIONS.length * DAYS;
  const expected = await store.total('org', year);
  if (!(expected > 0)) throw new Error(`${name}: nothing was stored`);

  const recommendations = new DatabaseCostRecommendationStore(knex);
  await recommendations.replaceAll({
    window: { start: addDays(year.end, -15), end: year.end },
    computedAt: new Date().toISOString(),
    recommendations: recommendationsOf(),
  });

  const previousYear = { start: addDays(year.start, -DAYS), end: year.start };
  const reads: Record<string, (i: number) => Promise<unknown>> = {
    "entity's year": i =>
      Promise.all([
        store.entityDays(serviceRef((i * 37) % SERVICES), year),
        store.total(
          { entityRef: serviceRef((i * 37) % SERVICES) },
          previousYear,
        ),
      ]),
    "team's year": i =>
      Promise.all([
        store.ownerDays(teamRef(i), year),
        store.entityTotals(teamRef(i), year),
        store.total({ ownerRef: teamRef(i) }, previousYear),
      ]),
    "org's month-by-team (year)": () => store.ownerMonths(year),
    "team's savings": i => recommendations.sumSavings({ ownerRef: teamRef(i) }),
    "org's savings": () => recommendations.sumSavings('org'),
  };
  const results: Array<{ read: string; p50: number; p95: number }> = [];
  for (const [read, fn] of Object.entries(reads)) {
    for (let i = 0; i < 5; i++) await fn(i);
    const times: number[] = [];
    for (let i = 0; i < SAMPLES; i++) times.push(await time(() => fn(i)));
    results.push({
      read,
      p50: percentile(times, 0.5),
      p95: percentile(times, 0.95),
    });
  }

  console.log(`\n${name}`);
  console.log(
    `  loaded ${rows.toLocaleString('en-US')} rows in ${(loadMs / 1000).toFixed(
      1,
    )} s: ${Math.round(rows / (loadMs / 1000)).toLocaleString(
      'en-US',
    )} rows/s (${DAYS * REGIONS.length} day×cluster replacements); rollups ${(
      rollupMs / 1000
    ).toFixed(1)} s`,
  );
  for (const { read, p50, p95 } of results) {
    console.log(
      `  ${read.padEnd(28)} p50 ${p50.toFixed(1).padStart(6)} ms  p95 ${p95
        .toFixed(1)
        .padStart(6)} ms  ${
        p95 < TARGET_P95_MS ? 'ok' : `OVER ${TARGET_P95_MS} ms`
      }`,
    );
  }
  return results.every(r => r.p95 < TARGET_P95_MS);
}

async function main() {
  console.log(
    `cost store: ${SERVICES} services × ${
      REGIONS.length
    } regions × ${DAYS} days, ${TEAMS} teams, resources ${COST_RESOURCES.join(
      '/',
    )}`,
  );
  let ok = true;
  const sqlite = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
  });
  try {
    ok =
      (await benchDatabase('SQLite (better-sqlite3, in memory)', sqlite)) && ok;
  } finally {
    await sqlite.destroy();
  }

  const pgUrl =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (!pgUrl) {
    console.log(
      '\nPostgreSQL: skipped (set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING)',
    );
  } else {
    const admin = knexFactory({ client: 'pg', connection: pgUrl });
    await admin.raw('drop database if exists ??', [BENCH_DATABASE]);
    await admin.raw('create database ??', [BENCH_DATABASE]);
    const pg = knexFactory({
      client: 'pg',
      connection: { connectionString: pgUrl, database: BENCH_DATABASE },
    });
    try {
      ok = (await benchDatabase('PostgreSQL', pg)) && ok;
    } finally {
      await pg.destroy();
      await admin.raw('drop database if exists ??', [BENCH_DATABASE]);
      await admin.destroy();
    }
  }
  console.log(ok ? '\nall reads under target' : '\nsome reads over target');
  process.exitCode = ok ? 0 : 1;
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
