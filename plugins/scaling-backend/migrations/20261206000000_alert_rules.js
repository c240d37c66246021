// @ts-check

/**
 * The alert rules owners manage for their services. Each rule's kind-specific
 * fields are kept as JSON, as the rule model validates them; the rule files
 * Prometheus loads are rendered from these rows.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scaling_alert_rules', table => {
    table.comment('One row per alert rule of a catalog entity');
    table.string('id').primary().notNullable();
    table.string('entity_ref').notNullable();
    table.string('name').notNullable().comment('the alert name');
    table.text('spec').notNullable().comment('JSON of the rule as validated');
    table.string('updated_by').notNullable().comment('the user entity ref');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['entity_ref', 'created_at'], 'scaling_alert_rules_entity_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scaling_alert_rules');
};
