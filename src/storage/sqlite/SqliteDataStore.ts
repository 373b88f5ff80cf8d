import type { DataStore } from '../repositories';
import { openSqlite, type SqliteDb } from './database';
import { SqlitePersonRepository } from './SqlitePersonRepository';
import { SqliteProgressRepository } from './SqliteProgressRepository';
import { SqliteStateStorage } from './SqliteStateStorage';

export class SqliteDataStore implements DataStore {
  readonly state: SqliteStateStorage;
  readonly people: SqlitePersonRepository;
  readonly programProgress: SqliteProgressRepository;

  constructor(readonly db: SqliteDb) {
    this.state = new SqliteStateStorage(db);
    this.people = new SqlitePersonRepository(db);
    this.programProgress = new SqliteProgressRepository(db);
  }

  static open(file: string): SqliteDataStore {
    return new SqliteDataStore(openSqlite(file));
  }

  async healthy(): Promise<boolean> {
    try {
      return this.db.open && this.db.prepare('SELECT 1').pluck().get() === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
