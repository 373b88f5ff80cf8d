import type { DataStore } from '../repositories';
import { openSqlite, type SqliteDb } from './database';
import { SqliteCheckInAnswerRepository } from './SqliteCheckInAnswerRepository';
import { SqliteConversationRefRepository } from './SqliteConversationRefRepository';
import { SqliteDueQueueRepository } from './SqliteDueQueueRepository';
import { SqliteEnrollmentRepository } from './SqliteEnrollmentRepository';
import { SqlitePersonRepository } from './SqlitePersonRepository';
import { SqliteStateStorage } from './SqliteStateStorage';

export class SqliteDataStore implements DataStore {
  readonly state: SqliteStateStorage;
  readonly people: SqlitePersonRepository;
  readonly conversationRefs: SqliteConversationRefRepository;
  readonly enrollments: SqliteEnrollmentRepository;
  readonly dueQueue: SqliteDueQueueRepository;
  readonly checkIns: SqliteCheckInAnswerRepository;

  constructor(readonly db: SqliteDb) {
    this.state = new SqliteStateStorage(db);
    this.people = new SqlitePersonRepository(db);
    this.conversationRefs = new SqliteConversationRefRepository(db);
    this.enrollments = new SqliteEnrollmentRepository(db);
    this.dueQueue = new SqliteDueQueueRepository(db);
    this.checkIns = new SqliteCheckInAnswerRepository(db);
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
