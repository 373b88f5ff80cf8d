import { IN_PROCESS_ONLY } from '../conversationLocks';
import { SqlOperationsRepository } from '../operations';
import type { DataStore, PersonalDataOwner } from '../repositories';
import { builtInOwners, PersonalDataRegistry } from '../personalData';
import { InProcessNotifier } from '../notifier';
import { openSqlite, type SqliteDb } from './database';
import { SqliteDirectLineRepository } from './SqliteDirectLineRepository';
import { SqliteIntakeRepository } from './SqliteIntakeRepository';
import { SqliteConsentRepository } from './SqliteConsentRepository';
import { SqliteCheckInAnswerRepository } from './SqliteCheckInAnswerRepository';
import { SqliteConversationRefRepository } from './SqliteConversationRefRepository';
import { SqliteDueQueueRepository } from './SqliteDueQueueRepository';
import { SqliteEnrollmentRepository } from './SqliteEnrollmentRepository';
import { SqlitePersonRepository } from './SqlitePersonRepository';
import { SqliteSafetyEventRepository } from './SqliteSafetyEventRepository';
import { SqliteStateKeyRepository } from './SqliteStateKeyRepository';
import { SqliteProgressRepository } from './SqliteProgressRepository';
import { SqliteStateStorage } from './SqliteStateStorage';
import { GroupCommit } from './GroupCommit';
import {
  SqliteRevocationRepository,
  SqliteSeenEventRepository,
  SqlitePendingErasureRepository,
} from './SqliteSecurityRepositories';

export class SqliteDataStore implements DataStore {
  readonly state: SqliteStateStorage;
  readonly people: SqlitePersonRepository;
  readonly directLine: SqliteDirectLineRepository;
  readonly intake: SqliteIntakeRepository;
  readonly safetyEvents: SqliteSafetyEventRepository;
  readonly consents: SqliteConsentRepository;
  readonly stateKeys: SqliteStateKeyRepository;
  readonly changes = new InProcessNotifier();
  private readonly owners: PersonalDataRegistry;
  readonly programProgress: SqliteProgressRepository;
  readonly conversationRefs: SqliteConversationRefRepository;
  readonly enrollments: SqliteEnrollmentRepository;
  readonly dueQueue: SqliteDueQueueRepository;
  readonly checkIns: SqliteCheckInAnswerRepository;
  readonly revocations: SqliteRevocationRepository;
  readonly seenEvents: SqliteSeenEventRepository;
  readonly pendingErasures: SqlitePendingErasureRepository;
  readonly operations: SqlOperationsRepository;
  /** One process owns the file: CoachBot's in-process lock is enough. */
  readonly conversationLocks = IN_PROCESS_ONLY;

  /** The writes turns make (state, intake, consent, visits, references) commit in groups; see GroupCommit. */
  readonly group: GroupCommit;

  constructor(readonly db: SqliteDb) {
    this.group = GroupCommit.of(db);
    this.state = new SqliteStateStorage(db, this.group);
    this.people = new SqlitePersonRepository(db, this.group);
    this.directLine = new SqliteDirectLineRepository(db);
    this.intake = new SqliteIntakeRepository(db, this.group);
    this.safetyEvents = new SqliteSafetyEventRepository(db);
    this.consents = new SqliteConsentRepository(db, this.group);
    this.stateKeys = new SqliteStateKeyRepository(db);
    this.programProgress = new SqliteProgressRepository(db);
    this.conversationRefs = new SqliteConversationRefRepository(db, this.group);
    this.enrollments = new SqliteEnrollmentRepository(db);
    this.dueQueue = new SqliteDueQueueRepository(db);
    this.checkIns = new SqliteCheckInAnswerRepository(db);
    this.revocations = new SqliteRevocationRepository(db);
    this.seenEvents = new SqliteSeenEventRepository(db);
    this.pendingErasures = new SqlitePendingErasureRepository(db);
    this.operations = new SqlOperationsRepository(async (sql) => {
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all() as Array<Record<string, unknown>>;
      statement.run();
      return [];
    });
    // Every repository keyed by personId belongs in builtInOwners (export order; deleted in reverse).
    this.owners = new PersonalDataRegistry(builtInOwners(this));
  }

  static open(file: string): SqliteDataStore {
    return new SqliteDataStore(openSqlite(file));
  }

  personalData(): readonly PersonalDataOwner[] {
    return this.owners.list();
  }

  registerPersonalData(owner: PersonalDataOwner): void {
    this.owners.register(owner);
  }

  /**
   * secure_delete overwrites deleted rows in the database file; the WAL still holds older copies of
   * those pages until a checkpoint copies it back and TRUNCATE empties it.
   */
  async scrubDeleted(): Promise<void> {
    if (!this.db.open) return;
    this.group.flush();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  together<T>(queue: () => T): T {
    return this.group.together(queue);
  }

  async healthy(): Promise<boolean> {
    try {
      return this.db.open && this.db.prepare('SELECT 1').pluck().get() === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.changes.close();
    if (!this.db.open) return;
    this.group.flush();
    this.db.close();
  }
}
