import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  AlertRule,
  AlertRuleSpec,
} from '@meschain/backstage-plugin-scaling-common';
import { Knex } from 'knex';
import { scalingDatabaseClient } from '../../database';

const TABLE = 'scaling_alert_rules';

interface AlertRuleRow {
  id: string;
  entity_ref: string;
  name: string;
  spec: string;
  updated_by: string;
  created_at: Date | string;
  updated_at: Date | string;
}

/** The alert rules of each entity, kept in the backend's database. */
export interface AlertRuleStore {
  /** An entity's rules, oldest first, as they are rendered. */
  list(entityRef: string): Promise<AlertRule[]>;
  /** Adds a rule, or replaces the rule of the same id. */
  save(rule: AlertRule): Promise<void>;
  delete(entityRef: string, id: string): Promise<void>;
}

// SQLite hands timestamps back as strings or epoch numbers, PostgreSQL as Dates.
function toIso(value: Date | string | number): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function toRule(row: AlertRuleRow): AlertRule {
  const spec: AlertRuleSpec = JSON.parse(row.spec);
  return {
    ...spec,
    id: row.id,
    entityRef: row.entity_ref,
    updatedBy: row.updated_by,
    updatedAt: toIso(row.updated_at),
  };
}

export class DatabaseAlertRuleStore implements AlertRuleStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseAlertRuleStore> {
    return new DatabaseAlertRuleStore(
      await scalingDatabaseClient(options.database),
    );
  }

  private constructor(private readonly db: Knex) {}

  async list(entityRef: string): Promise<AlertRule[]> {
    const rows = await this.db<AlertRuleRow>(TABLE)
      .where({ entity_ref: entityRef })
      .orderBy([
        { column: 'created_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(toRule);
  }

  async save(rule: AlertRule): Promise<void> {
    const { id, entityRef, updatedBy, updatedAt, ...spec } = rule;
    await this.db<AlertRuleRow>(TABLE)
      .insert({
        id,
        entity_ref: entityRef,
        name: spec.name,
        spec: JSON.stringify(spec),
        updated_by: updatedBy,
        created_at: new Date(updatedAt),
        updated_at: new Date(updatedAt),
      })
      .onConflict('id')
      .merge(['name', 'spec', 'updated_by', 'updated_at']);
  }

  async delete(entityRef: string, id: string): Promise<void> {
    await this.db<AlertRuleRow>(TABLE)
      .where({ entity_ref: entityRef, id })
      .delete();
  }
}
