// @ts-check

/**
 * Every write the suite attempts against a cluster. A row is inserted before
 * the cluster call and completed after it, so no attempt goes unrecorded.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scaling_audit_events', table => {
    table.comment('Who changed what on which cluster, and how it ended');
    table.uuid('id').primary();
    table.string('actor_ref').notNullable();
    table.string('entity_ref').notNullable();
    table.string('action').notNullable();
    table.string('cluster');
    table.string('namespace');
    table.string('workload');
    table.text('request').notNullable().comment('JSON of what was asked');
    table.text('before').comment('JSON of the state before the call');
    table.text('after').comment('JSON of the state after the call');
    table
      .string('outcome')
      .notNullable()
      .comment('pending until the cluster answers, then succeeded or failed');
    table.text('error');
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true });
    table.index(
      ['entity_ref', 'started_at'],
      'scaling_audit_events_entity_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scaling_audit_events');
};
