// @ts-check

/**
 * Marks the writes made through `scaling.admin` by someone who does not own
 * the service, so the history tells an admin's action from an owner's.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scaling_audit_events', table => {
    table
      .boolean('as_admin')
      .notNullable()
      .defaultTo(false)
      .comment('true when an admin acted on a service it does not own');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scaling_audit_events', table => {
    table.dropColumn('as_admin');
  });
};
