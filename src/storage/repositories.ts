import type { Storage } from 'botbuilder';
import type { Assessment } from '../risk/assess';
import type { RiskProfile } from '../risk/profile';

/**
 * Every table is reached through one of these interfaces so that a second database (PostgreSQL)
 * can implement the same contracts. All methods are async even where SQLite is synchronous.
 */

/**
 * Anything that holds data about a person registers as one of these (see DataStore.personalData),
 * so `export my data`, `delete my data` and the retention purge reach it. A new repository that keys
 * rows by personId implements this and is added to the store's list in the same change.
 */
export interface PersonalDataOwner {
  /** Stable section name in the export file, e.g. "people", "safetyEvents". */
  readonly name: string;
  /** Everything held about the person, as plain JSON-safe data; empty array or undefined when nothing. */
  exportFor(personId: string): Promise<unknown>;
  /** Removes every row and item about the person (any result is ignored). Deleting what is not there is not an error. */
  deleteFor(personId: string): Promise<unknown>;
}

export interface PersonRecord {
  personId: string;
  channelId: string;
  createdAt: string;
  lastSeenAt: string;
}

export interface PersonRepository extends PersonalDataOwner {
  /** Creates the person on first sight and refreshes last-seen on every turn. */
  touch(personId: string, channelId: string, at: Date): Promise<void>;
  get(personId: string): Promise<PersonRecord | undefined>;
  delete(personId: string): Promise<void>;
  /** People last seen before the given instant, oldest first (for the retention purge). */
  inactiveSince(before: Date, limit: number): Promise<string[]>;
}

export type SafetyEventKind = 'medical' | 'suicide' | 'severeWithdrawal' | 'ambiguous';

export interface SafetyEvent {
  id: number;
  personId: string;
  kind: SafetyEventKind;
  occurredAt: string;
  followedUpAt?: string;
}

/** Kind and time of each safety-net response; never the text that triggered it. */
export interface SafetyEventRepository extends PersonalDataOwner {
  record(personId: string, kind: SafetyEventKind, at: Date): Promise<void>;
  /** Oldest first. */
  listFor(personId: string): Promise<SafetyEvent[]>;
  markFollowedUp(eventId: number, at: Date): Promise<void>;
}

export type ConsentStatus = 'granted' | 'declined';

export interface ConsentRecord {
  personId: string;
  status: ConsentStatus;
  policyVersion: string;
  decidedAt: string;
}

export interface ConsentRepository extends PersonalDataOwner {
  get(personId: string): Promise<ConsentRecord | undefined>;
  set(personId: string, status: ConsentStatus, policyVersion: string, at: Date): Promise<void>;
}

/** Links a person to the bot-state keys that hold their state (user state, each conversation). */
export interface StateKeyRepository extends PersonalDataOwner {
  remember(personId: string, stateKeys: string[], at: Date): Promise<void>;
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
export interface DirectLineRepository extends PersonalDataOwner {
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
export interface IntakeRepository extends PersonalDataOwner {
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

/** How new program weeks open: one a week (the default), or as soon as the one before is finished. */
export type ProgramPace = 'weekly' | 'own';

/** A person's place in the 12-week program. Holds positions and dates only, never what they wrote. */
export interface ProgramProgress {
  personId: string;
  /** The week they are in (1-based). */
  week: number;
  /** Position in that week's session: lesson steps, then the practice, then reflection questions; = length when done. */
  step: number;
  /** The highest week opened so far, and when it opened (ISO time). */
  unlockedWeek: number;
  unlockedAt: string;
  pace: ProgramPace;
  /** Set while the person has paused the program. */
  pausedAt?: string;
  /** Weeks finished, with when. */
  completed: Array<{ week: number; at: string }>;
  startedAt: string;
  updatedAt: string;
}

export interface ProgressRepository extends PersonalDataOwner {
  get(personId: string): Promise<ProgramProgress | undefined>;
  /** Inserts or replaces the person's progress. */
  save(progress: ProgramProgress): Promise<void>;
  /** Everything stored about the person (for "export my data"). */
  exportFor(personId: string): Promise<ProgramProgress[]>;
  /** Removes everything stored about the person (for "delete my data"). */
  deleteFor(personId: string): Promise<void>;
}

export interface DataStore {
  /** botbuilder Storage for ConversationState and UserState, with MemoryStorage's eTag rules. */
  readonly state: Storage;
  readonly people: PersonRepository;
  readonly directLine: DirectLineRepository;
  readonly intake: IntakeRepository;
  readonly safetyEvents: SafetyEventRepository;
  readonly consents: ConsentRepository;
  readonly stateKeys: StateKeyRepository;
  /** Every holder of personal data, in export order; deletion runs in reverse, so people go last. */
  personalData(): readonly PersonalDataOwner[];
  /** Adds a holder that lives outside this store (for example a channel's own message history). */
  registerPersonalData(owner: PersonalDataOwner): void;
  readonly programProgress: ProgressRepository;
  /** True when the database answers a trivial query. */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}
