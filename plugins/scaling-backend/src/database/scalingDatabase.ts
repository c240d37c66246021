import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@meschain/backstage-plugin-scaling-backend',
  'migrations',
);

const clients = new WeakMap<DatabaseService, Promise<Knex>>();

/**
 * The plugin's database client, its schema migrated unless the app skips
 * migrations. Every store is created through it, and the migrations run
 * once per database however many stores ask: the audit and cost tables share
 * one migrations directory, as they always have, so that databases migrated
 * before keep a history knex recognises.
 */
export function scalingDatabaseClient(
  database: DatabaseService,
): Promise<Knex> {
  let client = clients.get(database);
  if (!client) {
    client = (async () => {
      const knex = await database.getClient();
      if (!database.migrations?.skip) {
        await knex.migrate.latest({ directory: migrationsDir });
      }
      return knex;
    })();
    clients.set(database, client);
  }
  return client;
}
