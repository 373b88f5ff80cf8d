import type { ConversationLocks } from './conversationLocks';
import type { OperationsRepository } from './operations';
import type { Storage } from 'botbuilder';
import type { Assessment } from '../../features/risk/assess';
import type { RiskProfile } from '../../features/risk/profile';

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

/**
 * Last-seen is kept to this resolution: it only decides the retention purge, counted in days, so a
 * steady chat does not write it on every turn.
 */
export const LAST_SEEN_RESOLUTION_MS = 10 * 60 * 1000;

export interface PersonRepository extends PersonalDataOwner {
  /**
   * A visit in one write: creates the person on first sight, refreshes last-seen when it is older than
   * LAST_SEEN_RESOLUTION_MS, and links these bot-state keys to them so export and delete reach their
   * conversations.
   */
  seen(personId: string, channelId: string, stateKeys: string[], at: Date): Promise<void>;
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

/** The bot-state keys that hold each person's state (linked by PersonRepository.seen), for export and delete. */
export type StateKeyRepository = PersonalDataOwner;

export interface DirectLineConversation {
  conversationId: string;
  /** `directline:<userId>`, see src/platform/bot/identity.ts. */
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
  createConversation(conversation: {
    conversationId: string;
    userId: string;
    personId: string;
    at: Date;
  }): Promise<boolean>;
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
  addAssessment(
    personId: string,
    entry: { trigger: string; profile: RiskProfile; assessment: Assessment },
    at: Date,
  ): Promise<StoredAssessment>;
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

/** A Bot Framework conversation reference as stored JSON (only src/bot gives it its botbuilder type). */
export type StoredReference = Record<string, unknown>;

/** Where to reach a person proactively: one reference per person per channel, refreshed every turn. */
export interface ConversationRefRepository extends PersonalDataOwner {
  /** Stores the reference; an identical one already stored is left as it is (no write). */
  save(personId: string, channelId: string, reference: StoredReference, at: Date): Promise<void>;
  get(personId: string, channelId: string): Promise<StoredReference | undefined>;
}

export type EnrollmentStatus = 'active' | 'paused' | 'stopped';

export interface EnrollmentInput {
  personId: string;
  channelId: string;
  /** 0 = Sunday ... 6 = Saturday, in the person's zone. */
  weekday: number;
  /** Local time of day, "HH:MM". */
  localTime: string;
  /** IANA zone name. */
  timeZone: string;
  quietStart: string;
  quietEnd: string;
}

export interface Enrollment extends EnrollmentInput {
  status: EnrollmentStatus;
  /** Why it is paused or stopped: 'person' when they asked, 'channel_403' / 'channel_404' after a refused send. */
  statusReason?: string;
  /** First enrollment; kept when the schedule changes, so program weeks keep counting. */
  enrolledAt: string;
  updatedAt: string;
}

export interface EnrollmentRepository extends PersonalDataOwner {
  /** Creates or replaces the schedule and sets it active. */
  upsert(input: EnrollmentInput, at: Date): Promise<Enrollment>;
  get(personId: string): Promise<Enrollment | undefined>;
  setStatus(personId: string, status: EnrollmentStatus, reason: string | undefined, at: Date): Promise<void>;
}

export type DueKind = 'prompt' | 'followup';
export type DueState = 'pending' | 'leased' | 'sent' | 'failed' | 'cancelled' | 'abandoned';

export interface NewDueCheckIn {
  personId: string;
  kind: DueKind;
  programWeek: number;
  idempotencyKey: string;
  /** The nominal weekly slot; next week's slot is computed from it. */
  slotAt: Date;
  /** When to send: the slot, moved out of quiet hours, or later after a retry. */
  dueAt: Date;
}

export interface DueCheckIn extends NewDueCheckIn {
  id: number;
  state: DueState;
  leaseUntil?: Date;
  /** How many times a lease on this row ran out before its outcome was recorded (a crash). */
  leaseExpiries: number;
  /** Sends begun since the last recorded outcome (beginSend); a lease that runs out with two of them abandons the row. */
  unrecordedSends: number;
  attempts: number;
  outcome?: string;
}

export interface SendAttempt {
  outcome: string;
  statusCode?: number;
}

export interface ClaimResult {
  claimed: DueCheckIn[];
  /**
   * Rows whose lease ran out after a second send that was never recorded: given up, so that a crash loop
   * never sends more than twice. A row that was only claimed (never sent) is never given up this way.
   */
  abandoned: DueCheckIn[];
}

/** What happens to a leased row after its send: ended (with what follows queued) or back in the queue. */
export type DueUpdate =
  | {
      type: 'finish';
      id: number;
      state: 'sent' | 'failed' | 'cancelled' | 'abandoned';
      outcome: string;
      attempt?: SendAttempt;
      next?: NewDueCheckIn[];
    }
  | { type: 'reschedule'; id: number; dueAt: Date; outcome: string; attempt?: SendAttempt };

/** The durable due-queue. Claims are atomic: two processes never hold the same row. */
export interface DueQueueRepository extends PersonalDataOwner {
  /** Adds a row (or revives a cancelled, never-sent one); false when its key is already queued or sent. */
  enqueue(row: NewDueCheckIn, at: Date): Promise<boolean>;
  /** True when a row with this key is queued, in flight or done (cancelled rows do not count). */
  hasKey(idempotencyKey: string): Promise<boolean>;
  /**
   * Leases up to `limit` rows that are due at `now` (pending, or leased with the lease run out) in one
   * transaction. A row whose lease ran out after two unrecorded sends is abandoned instead.
   */
  claim(now: Date, limit: number, leaseMs: number): Promise<ClaimResult>;
  /**
   * Notes, durably and just before the send, that this leased row may now reach the person. Recording its
   * outcome (finish, reschedule, apply) clears the note.
   */
  beginSend(id: number): Promise<void>;
  /** Ends a leased row (sent, failed or cancelled), records the attempt, and queues what follows, atomically. */
  finish(
    id: number,
    state: 'sent' | 'failed' | 'cancelled' | 'abandoned',
    outcome: string,
    at: Date,
    attempt?: SendAttempt,
    next?: NewDueCheckIn[],
  ): Promise<void>;
  /** Puts a leased row back in the queue for `dueAt` (retry, rate limit, quiet hours). */
  reschedule(id: number, dueAt: Date, outcome: string, at: Date, attempt?: SendAttempt): Promise<void>;
  /** Applies many finish/reschedule updates in one transaction (the dispatcher records outcomes in groups). */
  apply(updates: DueUpdate[], at: Date): Promise<void>;
  /** Cancels a person's pending rows (pause, stop, new schedule); returns how many. */
  cancelPending(personId: string, outcome: string, at: Date): Promise<number>;
  pendingFor(personId: string): Promise<DueCheckIn[]>;
  /** The highest program week a prompt was queued or sent for, for this person. */
  lastPromptWeek(personId: string): Promise<number | undefined>;
  /** The last prompt that was sent to the person, if any. */
  lastSentPrompt(personId: string): Promise<DueCheckIn | undefined>;
  attemptsFor(personId: string): Promise<Array<SendAttempt & { dueId: number; attemptedAt: string }>>;
}

export type DrugForm = 'leaf' | 'extract' | 'sevenOh' | 'other';
export type SymptomLevel = 'none' | 'mild' | 'moderate' | 'severe';
export type SleepQuality = 'good' | 'fair' | 'poor';
export type MoodLevel = 'good' | 'okay' | 'low' | 'veryLow';
export type SupportKind = 'people' | 'group' | 'clinician' | 'none';

/** The units a stored check-in amount may name; src/features/checkins/amount.ts (CHECKIN_UNITS) checks at compile time that it lists the same. */
export type StoredCheckInUnit = 'shot' | 'tablet' | 'capsule' | 'dropper';

/** One weekly check-in; null means the person skipped the item. */
export interface CheckInAnswers {
  daysUsed: number | null;
  /** A day's amount in grams, when given in grams (or leaf capsules, converted). */
  gramsPerDay: number | null;
  /** A day's amount counted in the person's own product unit (shots, tablets, capsules), when not in grams. */
  unitsPerDay: number | null;
  unit: StoredCheckInUnit | null;
  form: DrugForm | null;
  cravings: number | null;
  symptoms: SymptomLevel | null;
  sleep: SleepQuality | null;
  mood: MoodLevel | null;
  confidence: number | null;
  /** Their own words for "what would move you up one point?". */
  confidenceStep: string | null;
  support: SupportKind | null;
}

export interface CheckInRecord extends CheckInAnswers {
  id: number;
  personId: string;
  programWeek: number;
  answeredAt: string;
  handoff: boolean;
  reasons: string[];
}

export interface CheckInAnswerRepository extends PersonalDataOwner {
  save(
    personId: string,
    programWeek: number,
    answers: CheckInAnswers,
    review: { handoff: boolean; reasons: string[] },
    at: Date,
  ): Promise<CheckInRecord>;
  /** Oldest first. */
  listFor(personId: string): Promise<CheckInRecord[]>;
  latestFor(personId: string): Promise<CheckInRecord | undefined>;
  countSince(personId: string, since: Date): Promise<number>;
}

/**
 * Tells everything sharing this store that something changed (for example "a Direct Line conversation has a
 * new activity"), so that WebSocket pushes reach people connected to another instance. Listeners in this
 * process are called at once; other processes hear it as soon as the database passes it on.
 */
export interface ChangeNotifier {
  publish(topic: string): void;
  /** Calls listener for every topic published here or elsewhere; returns the unsubscribe. */
  subscribe(listener: (topic: string) => void): () => void;
  close(): Promise<void>;
}

/**
 * Revoked Direct Line subjects (a user id, hashed by the caller): their tokens and resume keys are refused
 * until `until`, when every token issued to them has expired anyway.
 */
export interface RevocationRepository {
  revoke(subjectHash: string, at: Date, until: Date): Promise<void>;
  isRevoked(subjectHash: string, at: Date): Promise<boolean>;
}

/** How long a Slack event or click is remembered as handled. */
export const SEEN_EVENT_TTL_MS = 60 * 60_000;

/**
 * De-duplication of channel events (Slack's retries and replays), shared by every instance on the
 * database and kept SEEN_EVENT_TTL_MS. Keys are stored hashed.
 */
export interface SeenEventRepository {
  /** Records the key; true when it was not seen within the last hour (handle it), false for a repeat. */
  markSeen(key: string, at: Date): Promise<boolean>;
}

/**
 * Erasures of personal data that were begun and not finished: recorded before the first row goes and
 * removed after the last, so a crash in between cannot leave a person half deleted (start-up finishes them).
 */
export interface PendingErasureRepository {
  /** Records the person's erase (again: keeps the first time). */
  add(personId: string, at: Date): Promise<void>;
  /** Every person whose erase is not finished, oldest first. */
  list(): Promise<string[]>;
  remove(personId: string): Promise<void>;
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
  readonly conversationRefs: ConversationRefRepository;
  readonly enrollments: EnrollmentRepository;
  readonly dueQueue: DueQueueRepository;
  readonly checkIns: CheckInAnswerRepository;
  readonly changes: ChangeNotifier;
  readonly revocations: RevocationRepository;
  readonly seenEvents: SeenEventRepository;
  readonly pendingErasures: PendingErasureRepository;
  /**
   * Called after personal data is deleted: makes the deleted rows unreadable in the database's own files
   * (SQLite: secure_delete is on, so this checkpoints the WAL and truncates it).
   */
  scrubDeleted(): Promise<void>;
  /** Aggregate counters and the program report's reads (npm run report); nothing about a person. */
  readonly operations: OperationsRepository;
  /** Orders the turns of one conversation across the processes sharing this database. */
  readonly conversationLocks: ConversationLocks;
  /**
   * Makes the writes `queue` starts (synchronously) one unit that commits or fails as a whole: a turn's
   * state with the intake answers it saved. Without it (PostgreSQL) each write commits on its own.
   */
  together?<T>(queue: () => T): T;
  /** True when the database answers a trivial query. */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}
