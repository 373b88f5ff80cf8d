import type { Config } from '../config';
import type { DataStore } from './repositories';
import { PostgresDataStore } from './postgres/PostgresDataStore';
import { SqliteDataStore } from './sqlite/SqliteDataStore';

export type { DataStore } from './repositories';

/** Chooses the database from DATABASE_URL; the only place that knows which implementations exist. */
export async function openDataStore(database: Config['database']): Promise<DataStore> {
  switch (database.kind) {
    case 'sqlite':
      return SqliteDataStore.open(database.file);
    case 'postgres':
      return PostgresDataStore.open({ url: database.url, schema: database.schema, poolSize: database.poolSize });
  }
}
