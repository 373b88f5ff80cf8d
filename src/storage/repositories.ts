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

export interface DirectLineConversation {
  conversationId: string;
  /** `directline:<userId>`, see src/bot/identity.ts. */
  personId: string;
  userId: string;
  createdAt: string;
  lastActivityAt: string;
}

/** A Direct Line activity as clients receive it; the repository assigns its id. */
export type ChannelActivity = Record<string, unknown> & { type: string };

export interface StoredActivity {
  /** The watermark position of this activity in its conversation (1, 2, 3 ...). */
  seq: number;
  activityId: string;
  direction: 'user' | 'bot';
  activity: ChannelActivity & { id: string };
}

export interface NewActivity {
  direction: 'user' | 'bot';
  activity: ChannelActivity;
  at: Date;
  /** A second activity with the same key in the same conversation is not stored again. */
  idempotencyKey?: string;
}

export interface DirectLineExport {
  conversations: Array<DirectLineConversation & { activities: StoredActivity['activity'][] }>;
}

/** Conversations and activities of the self-hosted Direct Line channel. */
export interface DirectLineRepository {
  /** Creates the conversation; false when it already existed (then nothing changes). */
  createConversation(conversation: { conversationId: string; userId: string; personId: string; at: Date }): Promise<boolean>;
  getConversation(conversationId: string): Promise<DirectLineConversation | undefined>;
  /**
   * Appends an activity with the next watermark and an id `<conversationId>|<seq>`. When the
   * idempotency key was already stored, returns that earlier activity with duplicate: true.
   */
  appendActivity(conversationId: string, input: NewActivity): Promise<{ stored: StoredActivity; duplicate: boolean }>;
  /** Activities with a watermark above `watermark`, oldest first, at most `limit`. */
  activitiesAfter(conversationId: string, watermark: number, limit: number): Promise<StoredActivity[]>;
  /** Everything stored about the person, for `export my data`. */
  exportFor(personId: string): Promise<DirectLineExport>;
  /** Removes the person's conversations and their activities; returns how many conversations went. */
  deleteFor(personId: string): Promise<number>;
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
  readonly directLine: DirectLineRepository;
  readonly intake: IntakeRepository;
  /** True when the database answers a trivial query. */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}
