// @ts-check

const RESOURCES = ['cpu', 'memory', 'storage', 'network', 'shared', 'idle'];

/**
 * @param {import('knex').Knex.CreateTableBuilder} table
 */
function costColumns(table) {
  for (const resource of RESOURCES) {
    table.double(`${resource}_cost`).notNullable().defaultTo(0);
  }
  table.double('total_cost').notNullable();
}

/**
 * Cost per day, workload and cluster as ingested from the cost source, and
 * the rollups that answer a team's or the org's year without reading every
 * workload's days.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scaling_cost_daily', table => {
    table.comment(
      'One row per UTC day, cluster and source allocation (a workload, or __idle__)',
    );
    table.string('day', 10).notNullable().comment('YYYY-MM-DD, UTC');
    table.string('cluster').notNullable();
    table.string('region').notNullable();
    table.string('allocation').notNullable().comment('the source name');
    table
      .string('entity_ref')
      .notNullable()
      .comment('the catalog entity, or unallocated');
    table
      .string('owner_ref')
      .notNullable()
      .comment('the entity owner when ingested, or unallocated');
    table.text('labels').comment('JSON of the labels of unallocated cost');
    costColumns(table);
    table.double('cpu_request_core_hours').notNullable().defaultTo(0);
    table.double('cpu_usage_core_hours').notNullable().defaultTo(0);
    table.double('memory_request_gib_hours').notNullable().defaultTo(0);
    table.double('memory_usage_gib_hours').notNullable().defaultTo(0);
    table.primary(['day', 'cluster', 'allocation']);
    table.index(['entity_ref', 'day'], 'scaling_cost_daily_entity_idx');
    table.index(['owner_ref', 'day'], 'scaling_cost_daily_owner_idx');
  });

  await knex.schema.createTable('scaling_cost_owner_daily', table => {
    table.comment('scaling_cost_daily summed by day, owner and region');
    table.string('day', 10).notNullable();
    table.string('owner_ref').notNullable();
    table.string('region').notNullable();
    costColumns(table);
    table.primary(['owner_ref', 'day', 'region']);
    table.index(['day'], 'scaling_cost_owner_daily_day_idx');
  });

  await knex.schema.createTable('scaling_cost_entity_monthly', table => {
    table.comment('scaling_cost_daily summed by month, entity and region');
    table.string('month', 7).notNullable().comment('YYYY-MM, UTC');
    table.string('entity_ref').notNullable();
    table.string('owner_ref').notNullable();
    table.string('region').notNullable();
    table.double('total_cost').notNullable();
    table.primary(['month', 'entity_ref', 'owner_ref', 'region']);
    table.index(
      ['owner_ref', 'month'],
      'scaling_cost_entity_monthly_owner_idx',
    );
  });

  await knex.schema.createTable('scaling_cost_ingestion_runs', table => {
    table.comment('How each day of each cluster was last ingested');
    table.string('day', 10).notNullable();
    table.string('cluster').notNullable();
    table.string('region').notNullable();
    table
      .string('status')
      .notNullable()
      .comment('complete, incomplete (entries skipped) or failed');
    table.text('reason');
    table.integer('stored').notNullable();
    table.integer('skipped').notNullable();
    table.double('total_cost').notNullable();
    table.timestamp('ingested_at', { useTz: true }).notNullable();
    table.primary(['day', 'cluster']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scaling_cost_ingestion_runs');
  await knex.schema.dropTable('scaling_cost_entity_monthly');
  await knex.schema.dropTable('scaling_cost_owner_daily');
  await knex.schema.dropTable('scaling_cost_daily');
};
