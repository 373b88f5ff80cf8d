import type { Config } from '../config';
import type { DataStore } from './repositories';

export type { DataStore } from './repositories';

/**
 * Chooses the database from DATABASE_URL; the only place that knows which implementations exist. Each
 * is loaded only when chosen, so a SQLite deployment never loads the PostgreSQL driver, and the reverse.
 */
export async function openDataStore(database: Config['database']): Promise<DataStore> {
  switch (database.kind) {
    case 'sqlite': {
      const { SqliteDataStore } = await import('./sqlite/SqliteDataStore');
      return SqliteDataStore.open(database.file);
    }
    case 'postgres': {
      const { PostgresDataStore } = await import('./postgres/PostgresDataStore');
      return PostgresDataStore.open({ url: database.url, schema: database.schema, poolSize: database.poolSize });
    }
  }
}
