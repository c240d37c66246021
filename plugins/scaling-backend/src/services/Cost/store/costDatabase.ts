import { Knex } from 'knex';

/**
 * Rows per insert statement: SQLite builds a multi-row insert as a compound
 * SELECT of at most 500 terms, and this keeps PostgreSQL under its bound-parameter limit.
 */
const INSERT_CHUNK = 500;

export async function insertChunked(
  db: Knex,
  table: string,
  records: Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < records.length; i += INSERT_CHUNK) {
    await db(table).insert(records.slice(i, i + INSERT_CHUNK));
  }
}

// PostgreSQL's sum() of no rows is null, and its count() a string. Sums are
// rounded to a millionth, below any currency's cent, so that float addition
// order (which differs between databases) never shows.
export const num = (value: unknown) =>
  Math.round(Number(value ?? 0) * 1e6) / 1e6;

export function sumsOf(knex: Knex, columns: string[]) {
  return columns.map(column => knex.raw('sum(??) as ??', [column, column]));
}
