// @ts-check

/**
 * What savings recommendations are worked out from and what they propose:
 * each service's hourly usage in each cluster over the recommendation window,
 * its workloads as the clusters last showed them, and the recommendations of
 * the last ingestion, so that a team's or the org's savings are one sum.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scaling_cost_hourly_usage', table => {
    table.comment(
      'One row per whole UTC hour, cluster and catalog entity, kept for the recommendation window',
    );
    table.string('hour', 24).notNullable().comment('ISO 8601 start, UTC');
    table.string('day', 10).notNullable().comment('YYYY-MM-DD, UTC');
    table.string('cluster').notNullable();
    table.string('region').notNullable();
    table.string('entity_ref').notNullable();
    table.string('owner_ref').notNullable();
    for (const column of [
      'cpu_request_cores',
      'cpu_usage_cores',
      'memory_request_gib',
      'memory_usage_gib',
      'cpu_cost',
      'memory_cost',
      'storage_cost',
    ]) {
      table.double(column).notNullable().defaultTo(0);
    }
    table.primary(['hour', 'cluster', 'entity_ref']);
    table.index(['entity_ref', 'hour'], 'scaling_cost_hourly_usage_entity_idx');
    table.index(['day', 'cluster'], 'scaling_cost_hourly_usage_day_idx');
  });

  await knex.schema.createTable('scaling_cost_workloads', table => {
    table.comment(
      'The scalable workloads of each cluster that belong to a catalog entity, as last observed',
    );
    table.string('cluster').notNullable();
    table.string('region').notNullable();
    table.string('namespace').notNullable();
    table.string('kind').notNullable();
    table.string('name').notNullable();
    table.string('entity_ref').notNullable();
    table.string('owner_ref').notNullable();
    table.string('tier').comment('the entity tier label');
    table.integer('replicas').notNullable();
    table.double('cpu_request_cores_per_replica').notNullable();
    table.double('memory_request_gib_per_replica').notNullable();
    table.integer('min_replicas').comment('of the HPA that scales it, if any');
    table.integer('cpu_target_utilization');
    table.timestamp('observed_at', { useTz: true }).notNullable();
    table.primary(['cluster', 'namespace', 'kind', 'name']);
    table.index(['entity_ref'], 'scaling_cost_workloads_entity_idx');
  });

  await knex.schema.createTable('scaling_cost_recommendations', table => {
    table.comment('The savings recommendations of the last ingestion');
    table.string('entity_ref').notNullable();
    table.string('owner_ref').notNullable();
    table.string('kind').notNullable();
    table
      .string('region')
      .notNullable()
      .comment('empty when it spans every region');
    table.text('summary').notNullable();
    table.double('monthly_savings').notNullable();
    table.double('annual_savings').notNullable();
    table.text('inputs').notNullable().comment('JSON');
    table.text('proposal').notNullable().comment('JSON');
    table.string('window_start', 10).notNullable();
    table.string('window_end', 10).notNullable();
    table.timestamp('computed_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'kind', 'region']);
    table.index(['owner_ref'], 'scaling_cost_recommendations_owner_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scaling_cost_recommendations');
  await knex.schema.dropTable('scaling_cost_workloads');
  await knex.schema.dropTable('scaling_cost_hourly_usage');
};
