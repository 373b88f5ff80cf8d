import type { DataStore, PersonalDataOwner } from '../repositories';
import { openSqlite, type SqliteDb } from './database';
import { SqliteConsentRepository } from './SqliteConsentRepository';
import { SqlitePersonRepository } from './SqlitePersonRepository';
import { SqliteSafetyEventRepository } from './SqliteSafetyEventRepository';
import { SqliteStateKeyRepository } from './SqliteStateKeyRepository';
import { SqliteStateStorage } from './SqliteStateStorage';

export class SqliteDataStore implements DataStore {
  readonly state: SqliteStateStorage;
  readonly people: SqlitePersonRepository;
  readonly safetyEvents: SqliteSafetyEventRepository;
  readonly consents: SqliteConsentRepository;
  readonly stateKeys: SqliteStateKeyRepository;
  private readonly owners: PersonalDataOwner[];

  constructor(readonly db: SqliteDb) {
    this.state = new SqliteStateStorage(db);
    this.people = new SqlitePersonRepository(db);
    this.safetyEvents = new SqliteSafetyEventRepository(db);
    this.consents = new SqliteConsentRepository(db);
    this.stateKeys = new SqliteStateKeyRepository(db);
    // Every repository keyed by personId belongs in this list (export order; deleted in reverse).
    this.owners = [this.people, this.consents, this.safetyEvents, this.stateKeys];
  }

  static open(file: string): SqliteDataStore {
    return new SqliteDataStore(openSqlite(file));
  }

  personalData(): readonly PersonalDataOwner[] {
    return [...this.owners];
  }

  registerPersonalData(owner: PersonalDataOwner): void {
    if (this.owners.some((o) => o.name === owner.name)) throw new Error(`A personal-data owner named ${owner.name} is already registered`);
    this.owners.push(owner);
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
