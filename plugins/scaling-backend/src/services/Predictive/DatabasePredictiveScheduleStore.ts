import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { scalingDatabaseClient } from '../../database';
import { AppliedSchedule, PredictiveScheduleStore } from './types';

const TABLE = 'scaling_predictive_schedules';

function toSchedule(row: Record<string, any>): AppliedSchedule {
  return {
    entityRef: row.entity_ref,
    region: row.region,
    cluster: row.cluster,
    workload: {
      namespace: row.namespace,
      kind: row.workload_kind,
      name: row.workload_name,
    },
    steps: JSON.parse(row.steps),
    // PostgreSQL returns bigint columns as strings.
    until: Number(row.until),
    baseMinReplicas: Number(row.base_min_replicas),
    appliedStepFrom:
      row.applied_step_from === null
        ? undefined
        : Number(row.applied_step_from),
    appliedBy: row.applied_by,
    appliedAt: new Date(row.applied_at).toISOString(),
  };
}

/** The applied predictive schedules, in the plugin's database. */
export class DatabasePredictiveScheduleStore
  implements PredictiveScheduleStore
{
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabasePredictiveScheduleStore> {
    return new DatabasePredictiveScheduleStore(
      await scalingDatabaseClient(options.database),
    );
  }

  private constructor(private readonly db: Knex) {}

  async save(schedule: AppliedSchedule) {
    const key = { entity_ref: schedule.entityRef, region: schedule.region };
    await this.db.transaction(async tx => {
      await tx(TABLE).where(key).delete();
      await tx(TABLE).insert({
        ...key,
        cluster: schedule.cluster,
        namespace: schedule.workload.namespace,
        workload_kind: schedule.workload.kind,
        workload_name: schedule.workload.name,
        steps: JSON.stringify(schedule.steps),
        until: schedule.until,
        base_min_replicas: schedule.baseMinReplicas,
        applied_step_from: schedule.appliedStepFrom ?? null,
        applied_by: schedule.appliedBy,
        applied_at: new Date(schedule.appliedAt),
      });
    });
  }

  async get(entityRef: string, region: string) {
    const row = await this.db(TABLE)
      .where({ entity_ref: entityRef, region })
      .first();
    return row ? toSchedule(row) : undefined;
  }

  async list() {
    const rows = await this.db(TABLE).orderBy(['entity_ref', 'region']);
    return rows.map(toSchedule);
  }

  async markApplied(entityRef: string, region: string, stepFrom: number) {
    await this.db(TABLE)
      .where({ entity_ref: entityRef, region })
      .update({ applied_step_from: stepFrom });
  }

  async remove(entityRef: string, region: string) {
    await this.db(TABLE).where({ entity_ref: entityRef, region }).delete();
  }
}
