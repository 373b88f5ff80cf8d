import type { Storage } from 'botbuilder';
import type { Assessment } from '../risk/assess';
import type { RiskProfile } from '../risk/profile';

/**
 * Every table is reached through one of these interfaces so that a second database (PostgreSQL)
 * can implement the same contracts. All methods are async even where SQLite is synchronous.
 */

export interface PersonRecord {
  personId: string;
  channelId: string;
  createdAt: string;
  lastSeenAt: string;
}

export interface PersonRepository {
  /** Creates the person on first sight and refreshes last-seen on every turn. */
  touch(personId: string, channelId: string, at: Date): Promise<void>;
  get(personId: string): Promise<PersonRecord | undefined>;
  delete(personId: string): Promise<void>;
}

export interface IntakeAnswersRecord {
  personId: string;
  /** JSON as saved; src/intake validates it when read. */
  answers: Record<string, unknown>;
  startedAt: string;
  updatedAt: string;
  completedAt?: string;
}

export interface StoredAssessment {
  id: number;
  personId: string;
  rulesVersion: string;
  /** What asked for it: 'intake', 'checkin', ... */
  trigger: string;
  profile: RiskProfile;
  assessment: Assessment;
  assessedAt: string;
}

/** A person's intake answers and every risk assessment made for them. */
export interface IntakeRepository {
  getAnswers(personId: string): Promise<IntakeAnswersRecord | undefined>;
  /** Saves the answers so far; `completed` marks them confirmed, otherwise the intake counts as in progress. */
  saveAnswers(personId: string, answers: Record<string, unknown>, at: Date, completed: boolean): Promise<void>;
  clearAnswers(personId: string): Promise<void>;
  addAssessment(personId: string, entry: { trigger: string; profile: RiskProfile; assessment: Assessment }, at: Date): Promise<StoredAssessment>;
  latestAssessment(personId: string): Promise<StoredAssessment | undefined>;
  /** Everything stored about the person, for "export my data". */
  exportFor(personId: string): Promise<{ intake?: IntakeAnswersRecord; assessments: StoredAssessment[] }>;
  /** Removes everything stored about the person, for "delete my data". */
  deleteFor(personId: string): Promise<void>;
}

export interface DataStore {
  /** botbuilder Storage for ConversationState and UserState, with MemoryStorage's eTag rules. */
  readonly state: Storage;
  readonly people: PersonRepository;
  readonly intake: IntakeRepository;
  /** True when the database answers a trivial query. */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}
