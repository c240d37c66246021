import { DatabaseService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { scalingDatabaseClient } from './scalingDatabase';
import {
  AuditAttempt,
  AuditEvent,
  AuditOutcome,
  ScalingAuditStore,
} from './types';

const TABLE = 'scaling_audit_events';
const DEFAULT_LIST_LIMIT = 100;

interface AuditEventRow {
  id: string;
  actor_ref: string;
  entity_ref: string;
  action: string;
  cluster: string | null;
  namespace: string | null;
  workload: string | null;
  request: string;
  before: string | null;
  after: string | null;
  /** SQLite hands booleans back as 0 or 1. */
  as_admin: boolean | number;
  outcome: AuditOutcome;
  error: string | null;
  started_at: Date | string;
  finished_at: Date | string | null;
}

function toJson(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

function fromJson(value: string | null): unknown {
  return value === null ? undefined : JSON.parse(value);
}

// SQLite hands timestamps back as strings or epoch numbers, PostgreSQL as Dates.
function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

function toEvent(row: AuditEventRow): AuditEvent {
  return {
    id: row.id,
    actorRef: row.actor_ref,
    entityRef: row.entity_ref,
    action: row.action,
    cluster: row.cluster ?? undefined,
    namespace: row.namespace ?? undefined,
    workload: row.workload ?? undefined,
    request: fromJson(row.request),
    before: fromJson(row.before),
    after: fromJson(row.after),
    asAdmin: Boolean(row.as_admin),
    outcome: row.outcome,
    error: row.error ?? undefined,
    startedAt: toDate(row.started_at),
    finishedAt: row.finished_at ? toDate(row.finished_at) : undefined,
  };
}

export class DatabaseScalingAuditStore implements ScalingAuditStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseScalingAuditStore> {
    return new DatabaseScalingAuditStore(
      await scalingDatabaseClient(options.database),
    );
  }

  private constructor(private readonly db: Knex) {}

  recordAttempt(
    attempt: AuditAttempt,
    startedAt: Date = new Date(),
  ): Promise<string> {
    return this.insert(attempt, { outcome: 'pending', startedAt });
  }

  recordDenial(
    attempt: AuditAttempt,
    deniedAt: Date = new Date(),
  ): Promise<string> {
    return this.insert(attempt, {
      outcome: 'denied',
      startedAt: deniedAt,
      finishedAt: deniedAt,
    });
  }

  private async insert(
    attempt: AuditAttempt,
    state: { outcome: AuditOutcome; startedAt: Date; finishedAt?: Date },
  ): Promise<string> {
    const id = randomUUID();
    await this.db<AuditEventRow>(TABLE).insert({
      id,
      actor_ref: attempt.actorRef,
      entity_ref: attempt.entityRef,
      action: attempt.action,
      cluster: attempt.cluster ?? null,
      namespace: attempt.namespace ?? null,
      workload: attempt.workload ?? null,
      request: JSON.stringify(attempt.request ?? null),
      before: toJson(attempt.before),
      after: null,
      as_admin: attempt.asAdmin ?? false,
      outcome: state.outcome,
      error: null,
      started_at: state.startedAt,
      finished_at: state.finishedAt ?? null,
    });
    return id;
  }

  async recordOutcome(
    id: string,
    outcome: {
      outcome: 'succeeded' | 'failed';
      after?: unknown;
      error?: string;
    },
    finishedAt: Date = new Date(),
  ): Promise<void> {
    const updated = await this.db<AuditEventRow>(TABLE)
      .where({ id, outcome: 'pending' })
      .update({
        outcome: outcome.outcome,
        after: toJson(outcome.after),
        error: outcome.error ?? null,
        finished_at: finishedAt,
      });
    if (updated === 0) {
      throw new NotFoundError(`No pending audit event with id ${id}`);
    }
  }

  /** Attempts still pending that started before `startedBefore` and were not marked interrupted. */
  async listStalePending(
    startedBefore: Date,
    limit = DEFAULT_LIST_LIMIT,
  ): Promise<AuditEvent[]> {
    const rows = await this.db<AuditEventRow>(TABLE)
      .where({ outcome: 'pending' })
      .whereNull('finished_at')
      .andWhere('started_at', '<', startedBefore)
      .orderBy('started_at', 'asc')
      .limit(limit);
    return rows.map(toEvent);
  }

  /**
   * Closes an attempt whose outcome nobody will record, because the process
   * making it stopped. It stays `pending`, since whether the cluster applied it
   * is unknown; `after` is what the cluster showed when it was found.
   */
  async recordInterrupted(
    id: string,
    interrupted: { note: string; after?: unknown },
    foundAt: Date = new Date(),
  ): Promise<boolean> {
    const updated = await this.db<AuditEventRow>(TABLE)
      .where({ id, outcome: 'pending' })
      .whereNull('finished_at')
      .update({
        after: toJson(interrupted.after),
        error: interrupted.note,
        finished_at: foundAt,
      });
    return updated > 0;
  }

  async listForEntity(
    entityRef: string,
    options?: { limit?: number },
  ): Promise<AuditEvent[]> {
    const rows = await this.db<AuditEventRow>(TABLE)
      .where({ entity_ref: entityRef })
      .orderBy('started_at', 'desc')
      .limit(options?.limit ?? DEFAULT_LIST_LIMIT);
    return rows.map(toEvent);
  }

  /**
   * The events that started in `[from, to)`, oldest first, of the given
   * entities (every entity's when omitted) whose action starts with one of
   * `actionPrefixes`: what the reports count.
   */
  async listInPeriod(options: {
    from: Date;
    to: Date;
    entityRefs?: string[];
    actionPrefixes: string[];
  }): Promise<AuditEvent[]> {
    const { from, to, entityRefs, actionPrefixes } = options;
    const query = this.db<AuditEventRow>(TABLE)
      .where('started_at', '>=', from)
      .andWhere('started_at', '<', to)
      .andWhere(inner => {
        for (const prefix of actionPrefixes) {
          inner.orWhere('action', 'like', `${prefix}%`);
        }
      })
      .orderBy('started_at', 'asc');
    if (entityRefs) {
      // Large teams are read in chunks, under the databases' bound-parameter limits.
      const rows: AuditEventRow[] = [];
      for (let i = 0; i < entityRefs.length; i += 500) {
        rows.push(
          ...(await query
            .clone()
            .whereIn('entity_ref', entityRefs.slice(i, i + 500))),
        );
      }
      return rows
        .map(toEvent)
        .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
    }
    return (await query).map(toEvent);
  }
}
