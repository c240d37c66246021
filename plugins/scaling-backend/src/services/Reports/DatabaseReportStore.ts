import { DatabaseService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  Report,
  ReportFigures,
  ReportKind,
  ReportScope,
  ReportSummary,
} from '@meschain/backstage-plugin-scaling-common';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { scalingDatabaseClient } from '../../database';

const TABLE = 'scaling_reports';
const DEFAULT_LIST_LIMIT = 200;

interface ReportRow {
  id: string;
  kind: ReportKind;
  scope: ReportScope;
  team_ref: string | null;
  period_start: string;
  period_end: string;
  figures: string;
  created_by: string;
  created_at: Date | string;
}

const SUMMARY_COLUMNS = [
  'id',
  'kind',
  'scope',
  'team_ref',
  'period_start',
  'period_end',
  'created_by',
  'created_at',
] as const;

function toSummary(row: Omit<ReportRow, 'figures'>): ReportSummary {
  return {
    id: row.id,
    kind: row.kind,
    scope: row.scope,
    ...(row.team_ref && { team: row.team_ref }),
    period: { start: row.period_start, end: row.period_end },
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
  };
}

/** The reports made so far; a report is written once and never changed. */
export interface ReportStore {
  add(
    report: Omit<ReportSummary, 'id' | 'createdAt'> & {
      figures: ReportFigures;
    },
    createdAt?: Date,
  ): Promise<Report>;
  /** @throws NotFoundError */
  get(id: string): Promise<Report>;
  /** Newest first; a team's, or the org's, or all when no scope is given. */
  list(filter: {
    scope?: ReportScope;
    team?: string;
    limit?: number;
  }): Promise<ReportSummary[]>;
}

export class DatabaseReportStore implements ReportStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseReportStore> {
    return new DatabaseReportStore(
      await scalingDatabaseClient(options.database),
    );
  }

  private constructor(private readonly db: Knex) {}

  async add(
    report: Omit<ReportSummary, 'id' | 'createdAt'> & {
      figures: ReportFigures;
    },
    createdAt: Date = new Date(),
  ): Promise<Report> {
    const row: ReportRow = {
      id: randomUUID(),
      kind: report.kind,
      scope: report.scope,
      team_ref: report.team ?? null,
      period_start: report.period.start,
      period_end: report.period.end,
      figures: JSON.stringify(report.figures),
      created_by: report.createdBy,
      created_at: createdAt,
    };
    await this.db<ReportRow>(TABLE).insert(row);
    return { ...toSummary(row), figures: report.figures };
  }

  async get(id: string): Promise<Report> {
    const row = await this.db<ReportRow>(TABLE).where({ id }).first();
    if (!row) {
      throw new NotFoundError(`No report with id ${id}`);
    }
    return { ...toSummary(row), figures: JSON.parse(row.figures) };
  }

  async list(filter: {
    scope?: ReportScope;
    team?: string;
    limit?: number;
  }): Promise<ReportSummary[]> {
    const query = this.db<ReportRow>(TABLE)
      .select(...SUMMARY_COLUMNS)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'asc')
      .limit(filter.limit ?? DEFAULT_LIST_LIMIT);
    if (filter.scope) {
      query.where({ scope: filter.scope });
    }
    if (filter.team) {
      query.where({ team_ref: filter.team });
    }
    return (await query).map(toSummary);
  }
}
