import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CostReportFigures,
  DeploymentsReportFigures,
  Report,
  scalingAdminPermission,
  ScalingReportFigures,
  WEEKLY_REPORTS_TASK,
} from '@meschain/backstage-plugin-scaling-common';
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { Knex } from 'knex';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import { serviceEntity } from './__testUtils__/serviceEntity';
import { DatabaseScalingAuditStore } from './database';
import { scalingPlugin } from './plugin';
import {
  DatabaseCostRecommendationStore,
  DatabaseCostStore,
} from './services/Cost/store';
import { WEEKLY_REPORTS_TASK_ID } from './services/Reports';

jest.setTimeout(120_000);

const PLATFORM = 'group:default/platform-team';
const SHOP = 'group:default/shop-team';
const ADA = 'user:default/ada'; // platform-team
const BOB = 'user:default/bob'; // shop-team
const ROOT = 'user:default/root'; // a platform admin of no team
const MEMBERS: Record<string, string[]> = { [ADA]: [PLATFORM], [BOB]: [SHOP] };

function group(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  };
}

const entities: Entity[] = [
  serviceEntity('order-service', { owner: 'platform-team' }),
  serviceEntity('user-service', { owner: 'platform-team' }),
  serviceEntity('web', { owner: 'shop-team' }),
  group('platform-team'),
  group('shop-team'),
];

const PERIOD = { start: '2026-11-23', end: '2026-11-30' };
const ORDER = 'component:default/order-service';
const USER = 'component:default/user-service';

/** What the period holds: scale events, a rolled back rollout, a good one, cost in two regions and a recommendation. */
async function seed(knex: Knex) {
  const database = mockServices.database({
    knex,
    migrations: { skip: false },
  });
  const audit = await DatabaseScalingAuditStore.create({ database });
  const done = async (
    entityRef: string,
    action: string,
    at: string,
    outcome: 'succeeded' | 'failed' = 'succeeded',
  ) => {
    const id = await audit.recordAttempt(
      {
        actorRef: ADA,
        entityRef,
        action,
        cluster: 'meschain-eu-west',
        namespace: 'meschain-sync',
        workload: `deployment/${entityRef.split('/')[1]}`,
        request: {},
      },
      new Date(at),
    );
    await audit.recordOutcome(id, { outcome }, new Date(at));
  };
  await done(ORDER, 'replicas.scale', '2026-11-24T09:00:00Z');
  await done(ORDER, 'replicas.scale', '2026-11-24T10:00:00Z');
  await done(USER, 'autoscaler.bounds', '2026-11-26T10:00:00Z');
  await done(USER, 'replicas.scale', '2026-11-26T11:00:00Z', 'failed');
  await done(ORDER, 'replicas.scale', '2026-11-30T00:00:00Z'); // after the period
  await done(ORDER, 'rollout.set-image', '2026-11-25T10:00:00Z');
  await done(ORDER, 'rollout.undo', '2026-11-25T10:07:30Z');
  await done(ORDER, 'rollout.set-image', '2026-11-27T10:00:00Z');
  await done(USER, 'rollout.restart', '2026-11-28T10:00:00Z');

  const cost = await DatabaseCostStore.create({ database });
  const row = (entityRef: string, total: number) => ({
    allocation: entityRef,
    entityRef,
    ownerRef: PLATFORM,
    cost: {
      cpu: total / 2,
      memory: total / 2,
      storage: 0,
      network: 0,
      shared: 0,
      idle: 0,
    },
    total,
    cpuRequestCoreHours: 24,
    cpuUsageCoreHours: 12,
    memoryRequestGiBHours: 48,
    memoryUsageGiBHours: 24,
  });
  for (const [region, factor] of [
    ['eu-west', 1],
    ['us-east', 2],
  ] as const) {
    await cost.replaceDay({
      day: '2026-11-24',
      cluster: `meschain-${region}`,
      region,
      rows: [row(ORDER, 10.25 * factor), row(USER, 3.5 * factor)],
      skipped: [],
    });
  }
  await (
    await DatabaseCostRecommendationStore.create({ database })
  ).replaceAll({
    window: { start: '2026-11-16', end: '2026-11-30' },
    computedAt: '2026-11-30T01:00:00.000Z',
    recommendations: [
      {
        kind: 'right-sizing',
        entityRef: ORDER,
        ownerRef: PLATFORM,
        region: 'eu-west',
        summary:
          'Request 0.75 CPU cores instead of 2, the p95 use plus headroom.',
        monthlySavings: 41.5,
        annualSavings: 498,
        inputs: { cpuRequestCores: 2, cpuUsageP95Cores: 0.6, hours: 336 },
        proposal: { cpuRequestCores: 0.75 },
      },
    ],
  });
}

const authorize = mockServices.permissions.mock({
  authorize: async (requests, options) =>
    requests.map(({ permission }) => {
      const { principal } = options.credentials as {
        principal: { type: string; userEntityRef?: string };
      };
      return {
        result:
          permission.name === scalingAdminPermission.name &&
          principal.userEntityRef === ROOT
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      };
    }),
});

const userInfo = mockServices.userInfo.mock({
  getUserInfo: async credentials => {
    const { userEntityRef } = credentials.principal as {
      userEntityRef: string;
    };
    return {
      userEntityRef,
      ownershipEntityRefs: [userEntityRef, ...(MEMBERS[userEntityRef] ?? [])],
    };
  },
});

function notificationsTo(sent: NotificationSendOptions[]) {
  return createServiceFactory({
    service: notificationService,
    deps: {},
    factory: () => ({
      async send(options: NotificationSendOptions) {
        sent.push(options);
      },
    }),
  });
}

function backendFeatures(options: {
  knex: Knex;
  sent: NotificationSendOptions[];
}) {
  return [
    scalingPlugin,
    mockServices.rootConfig.factory({
      data: { app: { baseUrl: 'http://portal.test' } },
    }),
    mockServices.database.factory({ knex: options.knex }),
    catalogServiceMock.factory({ entities }),
    authorize.factory,
    userInfo.factory,
    notificationsTo(options.sent),
  ];
}

const as = (user: string) => mockCredentials.user.header(user);

/** The CSV's rows, read as RFC 4180 writes them. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

/** The CSV's value of a section, item and measure. */
function csvValue(
  rows: string[][],
  section: string,
  item: string,
  measure: string,
) {
  const found = rows.filter(
    r => r[0] === section && r[1] === item && r[2] === measure,
  );
  expect(found).toHaveLength(1);
  return found[0][3];
}

const csvNumber = (value: number | null) =>
  value === null ? '' : String(value);

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], {
      encoding: 'utf8',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The number the PDF prints after `label:`. */
function pdfFigure(text: string, label: string): number {
  const escaped = label.replace(/[()]/g, m => `\\${m}`);
  const match = new RegExp(`${escaped}:\\s+([0-9.]+)`).exec(text);
  if (!match) {
    throw new Error(`The PDF has no '${label}:' figure; it reads:\n${text}`);
  }
  return Number(match[1]);
}

describe('reports', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  const sent: NotificationSendOptions[] = [];
  const tasks = new Map<string, () => Promise<void>>();
  const scheduler = mockServices.scheduler.mock({
    scheduleTask: async task => {
      tasks.set(task.id, async () => task.fn(new AbortController().signal));
    },
  });

  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    await seed(knex);
    ({ server } = await startTestBackend({
      features: [...backendFeatures({ knex, sent }), scheduler.factory],
    }));
  });

  async function create(user: string, body: object): Promise<Report> {
    const response = await request(server)
      .post('/api/scaling/reports')
      .set('authorization', as(user))
      .send(body);
    expect(response.status).toBe(201);
    return response.body;
  }

  async function formats(id: string, user = ADA) {
    const get = (suffix: string) =>
      request(server)
        .get(`/api/scaling/reports/${id}${suffix}`)
        .set('authorization', as(user))
        .buffer(true)
        .parse((res, callback) => {
          const chunks: Buffer[] = [];
          res.on('data', chunk => chunks.push(chunk));
          res.on('end', () => callback(null, Buffer.concat(chunks)));
        });
    const [json, csv, pdf] = await Promise.all([
      request(server)
        .get(`/api/scaling/reports/${id}`)
        .set('authorization', as(user)),
      get('.csv'),
      get('.pdf'),
    ]);
    expect([json.status, csv.status, pdf.status]).toEqual([200, 200, 200]);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename=".*\.csv"$/,
    );
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(
      /^attachment; filename=".*\.pdf"$/,
    );
    const csvText = (csv.body as Buffer).toString('utf8');
    return {
      report: json.body as Report,
      csvText,
      rows: parseCsv(csvText),
      text: pdfText(pdf.body as Buffer),
    };
  }

  it("makes a team's scaling report whose CSV and PDF totals equal the API's", async () => {
    const created = await create(ADA, {
      kind: 'scaling',
      team: PLATFORM,
      ...PERIOD,
    });
    expect(created).toMatchObject({
      kind: 'scaling',
      scope: 'team',
      team: PLATFORM,
      period: PERIOD,
      createdBy: ADA,
    });
    const { report, rows, text } = await formats(created.id);
    expect(report).toEqual(created);
    const figures = report.figures as ScalingReportFigures;
    // Two scale events of order-service and one of user-service; the failed
    // one and the one after the period do not count.
    // No metrics source, and no cluster to read autoscalers from: unknown.
    expect(figures.totals).toEqual({
      services: 2,
      scaleEvents: 3,
      hoursAtMax: null,
    });
    expect(figures.byService).toEqual([
      expect.objectContaining({ entityRef: ORDER, scaleEvents: 2 }),
      expect.objectContaining({ entityRef: USER, scaleEvents: 1 }),
    ]);
    expect(
      figures.scaleEventsByDay.find(d => d.date === '2026-11-24')?.count,
    ).toBe(2);

    for (const [measure, value] of Object.entries(figures.totals)) {
      expect(csvValue(rows, 'totals', '', measure)).toBe(csvNumber(value));
    }
    for (const service of figures.byService) {
      expect(
        csvValue(rows, 'byService', service.entityRef, 'scaleEvents'),
      ).toBe(String(service.scaleEvents));
    }
    for (const day of figures.scaleEventsByDay) {
      expect(csvValue(rows, 'scaleEventsByDay', day.date, 'scaleEvents')).toBe(
        String(day.count),
      );
    }
    expect(pdfFigure(text, 'Scale events')).toBe(figures.totals.scaleEvents);
    expect(pdfFigure(text, 'Services')).toBe(figures.totals.services);
    expect(text).toContain('Scale events per day');
  });

  it("makes a team's deployments report: rollouts, success rate and rollback times", async () => {
    const created = await create(ADA, {
      kind: 'deployments',
      team: PLATFORM,
      ...PERIOD,
    });
    const { report, rows, text } = await formats(created.id);
    const figures = report.figures as DeploymentsReportFigures;
    expect(figures.totals).toMatchObject({
      rollouts: 3,
      succeeded: 2,
      rolledBack: 1,
      successRate: 0.6667,
      medianRollbackSeconds: 450,
      // Read from the team's clusters, of which this backend has none.
      inProgress: 0,
    });
    expect(figures.rollbacks).toEqual([
      expect.objectContaining({
        entityRef: ORDER,
        action: 'undo',
        seconds: 450,
      }),
    ]);
    for (const [measure, value] of Object.entries(figures.totals)) {
      expect(csvValue(rows, 'totals', '', measure)).toBe(csvNumber(value));
    }
    expect(pdfFigure(text, 'Rollouts')).toBe(figures.totals.rollouts);
    expect(pdfFigure(text, 'Rolled back')).toBe(figures.totals.rolledBack);
    expect(pdfFigure(text, 'Median rollback time (s)')).toBe(450);

    const org = await create(BOB, { kind: 'deployments', ...PERIOD });
    const orgFigures = org.figures as DeploymentsReportFigures;
    // Every team's rollouts, and no cluster read for those under way.
    expect(orgFigures.totals).toMatchObject({ rollouts: 3, inProgress: null });
  });

  it("makes a team's cost report from the cost rollups, with the savings' inputs", async () => {
    const created = await create(ADA, {
      kind: 'cost',
      team: PLATFORM,
      ...PERIOD,
    });
    const { report, csvText, rows, text } = await formats(created.id);
    const figures = report.figures as CostReportFigures;
    const teamCost = await request(server)
      .get(
        `/api/scaling/cost/teams/group/default/platform-team?start=${PERIOD.start}&end=${PERIOD.end}`,
      )
      .set('authorization', as(ADA));
    // The cost views' own figures, not worked out again.
    expect(figures.totals.spend).toBe(teamCost.body.total);
    expect(figures.totals.spend).toBeCloseTo(41.25, 6);
    expect(figures.byRegion).toEqual([
      { region: 'us-east', total: 27.5 },
      { region: 'eu-west', total: 13.75 },
    ]);
    expect(figures.totals.monthlySavings).toBe(41.5);
    expect(figures.recommendations).toEqual([
      expect.objectContaining({
        entityRef: ORDER,
        inputs: { cpuRequestCores: 2, cpuUsageP95Cores: 0.6, hours: 336 },
      }),
    ]);

    expect(Number(csvValue(rows, 'totals', '', 'spend'))).toBe(
      figures.totals.spend,
    );
    for (const service of figures.byService) {
      expect(
        Number(csvValue(rows, 'spendByService', service.entityRef, 'spend')),
      ).toBe(service.total);
    }
    for (const region of figures.byRegion) {
      expect(
        Number(csvValue(rows, 'spendByRegion', region.region, 'spend')),
      ).toBe(region.total);
    }
    expect(
      csvValue(
        rows,
        'recommendations',
        `1 ${ORDER} eu-west`,
        'input.cpuUsageP95Cores',
      ),
    ).toBe('0.6');
    // A summary with a comma is quoted, as RFC 4180 says.
    expect(csvText).toContain(
      ',"Request 0.75 CPU cores instead of 2, the p95 use plus headroom."\r\n',
    );
    expect(pdfFigure(text, `Total spend (${figures.currency})`)).toBeCloseTo(
      figures.totals.spend,
      2,
    );
    expect(pdfFigure(text, `Monthly savings (${figures.currency})`)).toBe(41.5);
    expect(text).toContain('Spend by service');
    expect(text).toContain('Spend by region');
  });

  it("refuses a team's report to a non-member with 403, and lets admins and members read it", async () => {
    const created = await create(ADA, {
      kind: 'scaling',
      team: PLATFORM,
      ...PERIOD,
    });
    const asBob = await request(server)
      .get(`/api/scaling/reports/${created.id}`)
      .set('authorization', as(BOB));
    expect(asBob.status).toBe(403);
    expect(asBob.body.error.message).toBe(
      `Only the members of ${PLATFORM} and platform admins may read its reports`,
    );
    for (const suffix of ['.csv', '.pdf']) {
      const download = await request(server)
        .get(`/api/scaling/reports/${created.id}${suffix}`)
        .set('authorization', as(BOB));
      expect(download.status).toBe(403);
    }
    const making = await request(server)
      .post('/api/scaling/reports')
      .set('authorization', as(BOB))
      .send({ kind: 'cost', team: PLATFORM, ...PERIOD });
    expect(making.status).toBe(403);
    expect(making.body.error.message).toBe(
      `Only the members of ${PLATFORM} and platform admins may create its reports`,
    );

    const asAdmin = await request(server)
      .get(`/api/scaling/reports/${created.id}`)
      .set('authorization', as(ROOT));
    expect(asAdmin.status).toBe(200);

    const org = await create(BOB, { kind: 'cost', ...PERIOD });
    expect(org).toMatchObject({ scope: 'org', createdBy: BOB });
    const list = await request(server)
      .get('/api/scaling/reports')
      .set('authorization', as(BOB));
    expect(list.status).toBe(200);
    const listed = list.body.reports as Report[];
    expect(listed.map(r => r.id)).toContain(org.id);
    expect(listed.some(r => r.team === PLATFORM)).toBe(false);
    const onlyPlatform = await request(server)
      .get(`/api/scaling/reports?team=${encodeURIComponent(PLATFORM)}`)
      .set('authorization', as(BOB));
    expect(onlyPlatform.status).toBe(403);
  });

  it('answers bad input with 400 naming the field', async () => {
    const post = (body: object) =>
      request(server)
        .post('/api/scaling/reports')
        .set('authorization', as(ADA))
        .send(body);
    const backwards = await post({
      kind: 'scaling',
      start: '2026-11-30',
      end: '2026-11-23',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toBe(
      'end (2026-11-23) must be after start (2026-11-30)',
    );
    const kind = await post({ kind: 'latency', ...PERIOD });
    expect(kind.status).toBe(400);
    expect(kind.body.error.message).toBe(
      "kind must be one of scaling, deployments, cost, got 'latency'",
    );
    const team = await post({ kind: 'cost', team: ORDER, ...PERIOD });
    expect(team.status).toBe(400);
    expect(team.body.error.message).toBe(
      `team: ${ORDER} is a component, not a Group`,
    );
    const unknown = await post({
      kind: 'cost',
      team: 'group:default/nobody',
      ...PERIOD,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe(
      'team: the catalog has no Group group:default/nobody',
    );
  });

  it("runs the weekly task: each team's reports of the week before, and one notification a team with a working link", async () => {
    sent.length = 0;
    await tasks.get(WEEKLY_REPORTS_TASK_ID)!();
    expect(sent.map(n => n.recipients)).toEqual([
      { type: 'entity', entityRef: PLATFORM },
      { type: 'entity', entityRef: SHOP },
    ]);
    for (const notification of sent) {
      const team = (notification.recipients as { entityRef: string }).entityRef;
      const link = new URL(notification.payload.link!);
      expect(`${link.origin}${link.pathname}`).toBe(
        'http://portal.test/scaling/reports',
      );
      expect(link.searchParams.get('team')).toBe(team);
      const member = team === PLATFORM ? ADA : BOB;
      const linked = await request(server)
        .get(`/api/scaling/reports/${link.searchParams.get('report')}`)
        .set('authorization', as(member));
      expect(linked.status).toBe(200);
      expect(linked.body).toMatchObject({
        team,
        createdBy: WEEKLY_REPORTS_TASK,
      });
      const listed = await request(server)
        .get(`/api/scaling/reports?team=${encodeURIComponent(team)}`)
        .set('authorization', as(member));
      const weekly = (listed.body.reports as Report[]).filter(
        r => r.createdBy === WEEKLY_REPORTS_TASK,
      );
      expect(weekly.map(r => r.kind).sort()).toEqual([
        'cost',
        'deployments',
        'scaling',
      ]);
      expect(new Set(weekly.map(r => r.period.start)).size).toBe(1);
    }
  });
});

const postgres = TestDatabases.create({ ids: ['POSTGRES_15'] });

(postgres.eachSupportedId().length > 0 ? describe : describe.skip)(
  'the weekly reports task on two backends sharing one PostgreSQL',
  () => {
    const databases = postgres;

    it('runs once', async () => {
      const knex = await databases.init('POSTGRES_15');
      const sent: NotificationSendOptions[][] = [[], []];
      const schedulers: SchedulerService[] = [];
      const probe = createBackendModule({
        pluginId: 'scaling',
        moduleId: 'scheduler-probe',
        register(env) {
          env.registerInit({
            deps: { scheduler: coreServices.scheduler },
            async init({ scheduler }) {
              schedulers.push(scheduler);
            },
          });
        },
      });
      // One after the other, as replicas roll out: the first migrates the schema.
      const backends: Array<Awaited<ReturnType<typeof startTestBackend>>> = [];
      for (const own of sent) {
        backends.push(
          await startTestBackend({
            features: [
              ...backendFeatures({ knex, sent: own }),
              schedulerServiceFactory,
              probe,
            ],
          }),
        );
      }
      try {
        expect(schedulers).toHaveLength(2);
        await schedulers[0].triggerTask(WEEKLY_REPORTS_TASK_ID);
        const deadline = Date.now() + 60_000;
        while (sent[0].length + sent[1].length < 2 && Date.now() < deadline) {
          await new Promise(resolve => setTimeout(resolve, 250));
        }
        // Time for the other replica's worker to run it too, were the lock not held.
        await new Promise(resolve => setTimeout(resolve, 5_000));
        const all = [...sent[0], ...sent[1]];
        expect(
          all
            .map(n => (n.recipients as { entityRef: string }).entityRef)
            .sort(),
        ).toEqual([PLATFORM, SHOP]);
        // One replica ran it, all of it.
        expect(sent.map(own => own.length).sort()).toEqual([0, 2]);
        const rows = await knex('scaling_reports').where({
          created_by: WEEKLY_REPORTS_TASK,
        });
        expect(rows).toHaveLength(6);
      } finally {
        await Promise.all(backends.map(backend => backend.stop()));
      }
    });
  },
);
