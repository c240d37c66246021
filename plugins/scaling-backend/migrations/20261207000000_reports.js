// @ts-check

/**
 * The scaling, deployments and cost reports made for a team or the whole
 * organisation, with who or what made them. Figures are kept as JSON, as they
 * were worked out when the report was made: a report does not change later.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scaling_reports', table => {
    table.comment('One row per generated report');
    table.string('id').primary().notNullable();
    table.string('kind').notNullable().comment('scaling, deployments or cost');
    table.string('scope').notNullable().comment('org or team');
    table
      .string('team_ref')
      .nullable()
      .comment('the group entity ref of a team report');
    table.string('period_start').notNullable().comment('YYYY-MM-DD, inclusive');
    table.string('period_end').notNullable().comment('YYYY-MM-DD, exclusive');
    table.text('figures').notNullable().comment('JSON of the report figures');
    table
      .string('created_by')
      .notNullable()
      .comment('a user entity ref, or task:<id>');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(
      ['scope', 'team_ref', 'created_at'],
      'scaling_reports_scope_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scaling_reports');
};
