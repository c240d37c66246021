// @ts-check

/**
 * The predictive schedules owners applied: for one entity in one region, the
 * HPA minimums a scheduler task sets step by step, and the minimum the HPA had
 * before, which removing the schedule (or its end) gives back.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scaling_predictive_schedules', table => {
    table.comment('One row per entity and region with an applied schedule');
    table.string('entity_ref').notNullable();
    table.string('region').notNullable();
    table.string('cluster').notNullable();
    table.string('namespace').notNullable();
    table.string('workload_kind').notNullable();
    table.string('workload_name').notNullable();
    table.text('steps').notNullable().comment('JSON [{from, minReplicas}]');
    table.bigInteger('until').notNullable().comment('epoch ms of its end');
    table
      .integer('base_min_replicas')
      .notNullable()
      .comment('the HPA minimum before the schedule');
    table
      .bigInteger('applied_step_from')
      .nullable()
      .comment('epoch ms of the last step set in the cluster');
    table.string('applied_by').notNullable().comment('a user entity ref');
    table.timestamp('applied_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'region']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scaling_predictive_schedules');
};
