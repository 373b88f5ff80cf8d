import { type ConversationLocks, IN_PROCESS_ONLY } from '../conversationLocks';
import { PostgresConversationLocks } from './PostgresConversationLocks';
import { SqlOperationsRepository } from '../operations';
import type { Pool } from 'pg';
import { builtInOwners, PersonalDataRegistry } from '../personalData';
import type { DataStore, PersonalDataOwner } from '../repositories';
import { openPostgres, type PostgresOptions } from './database';
import { PostgresCheckInAnswerRepository } from './PostgresCheckInAnswerRepository';
import { PostgresConversationRefRepository } from './PostgresConversationRefRepository';
import { PostgresDueQueueRepository } from './PostgresDueQueueRepository';
import { PostgresEnrollmentRepository } from './PostgresEnrollmentRepository';
import { PostgresDirectLineRepository } from './PostgresDirectLineRepository';
import { PostgresIntakeRepository } from './PostgresIntakeRepository';
import { PostgresPersonRepository } from './PostgresPersonRepository';
import { PostgresProgressRepository } from './PostgresProgressRepository';
import {
  PostgresConsentRepository,
  PostgresSafetyEventRepository,
  PostgresStateKeyRepository,
} from './PostgresPrivacyRepositories';
import { PostgresNotifier } from './PostgresNotifier';
import { PostgresStateStorage } from './PostgresStateStorage';
import {
  PostgresRevocationRepository,
  PostgresSeenEventRepository,
  PostgresPendingErasureRepository,
} from './PostgresSecurityRepositories';

export class PostgresDataStore implements DataStore {
  readonly state: PostgresStateStorage;
  readonly people: PostgresPersonRepository;
  readonly safetyEvents: PostgresSafetyEventRepository;
  readonly consents: PostgresConsentRepository;
  readonly stateKeys: PostgresStateKeyRepository;
  readonly directLine: PostgresDirectLineRepository;
  readonly intake: PostgresIntakeRepository;
  readonly programProgress: PostgresProgressRepository;
  readonly conversationRefs: PostgresConversationRefRepository;
  readonly enrollments: PostgresEnrollmentRepository;
  readonly dueQueue: PostgresDueQueueRepository;
  readonly checkIns: PostgresCheckInAnswerRepository;
  readonly operations: SqlOperationsRepository;
  /** Across instances (advisory locks) when opened with open(); a store built on a bare pool orders in process only. */
  conversationLocks: ConversationLocks = IN_PROCESS_ONLY;
  readonly changes: PostgresNotifier;
  readonly revocations: PostgresRevocationRepository;
  readonly seenEvents: PostgresSeenEventRepository;
  readonly pendingErasures: PostgresPendingErasureRepository;
  private readonly owners: PersonalDataRegistry;

  constructor(readonly pool: Pool) {
    this.state = new PostgresStateStorage(pool);
    this.changes = new PostgresNotifier(pool);
    this.people = new PostgresPersonRepository(pool);
    this.safetyEvents = new PostgresSafetyEventRepository(pool);
    this.consents = new PostgresConsentRepository(pool);
    this.stateKeys = new PostgresStateKeyRepository(pool);
    this.directLine = new PostgresDirectLineRepository(pool);
    this.intake = new PostgresIntakeRepository(pool);
    this.programProgress = new PostgresProgressRepository(pool);
    this.conversationRefs = new PostgresConversationRefRepository(pool);
    this.enrollments = new PostgresEnrollmentRepository(pool);
    this.dueQueue = new PostgresDueQueueRepository(pool);
    this.checkIns = new PostgresCheckInAnswerRepository(pool);
    this.revocations = new PostgresRevocationRepository(pool);
    this.seenEvents = new PostgresSeenEventRepository(pool);
    this.pendingErasures = new PostgresPendingErasureRepository(pool);
    this.operations = new SqlOperationsRepository(
      async (sql) => (await pool.query(sql)).rows as Array<Record<string, unknown>>,
    );
    // The same owners in the same order as SQLite: export order, deleted in reverse so people go last.
    this.owners = new PersonalDataRegistry(builtInOwners(this));
  }

  static async open(options: PostgresOptions): Promise<PostgresDataStore> {
    const store = new PostgresDataStore(await openPostgres(options));
    // A few connections of their own: one per conversation with a turn in flight on this instance.
    store.conversationLocks = new PostgresConversationLocks({
      url: options.url,
      size: options.poolSize ?? 10,
      namespace: options.schema ?? 'public',
    });
    return store;
  }

  personalData(): readonly PersonalDataOwner[] {
    return this.owners.list();
  }

  registerPersonalData(owner: PersonalDataOwner): void {
    this.owners.register(owner);
  }

  /** PostgreSQL's deleted row versions are not readable through SQL; its own VACUUM reclaims them on disk. */
  async scrubDeleted(): Promise<void> {}

  async healthy(): Promise<boolean> {
    try {
      const { rows } = await this.pool.query<{ ok: number }>('SELECT 1 AS ok');
      return rows[0]?.ok === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.changes.close();
    if (this.conversationLocks instanceof PostgresConversationLocks) await this.conversationLocks.close();
    if (!this.pool.ended) await this.pool.end();
  }
}
