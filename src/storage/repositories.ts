import type { Storage } from 'botbuilder';

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

/**
 * Anything that holds data about a person can export it and delete it (issue 4's `export my data` and
 * `delete my data` walk a list of these).
 */
export interface PersonalDataOwner {
  readonly name: string;
  exportFor(personId: string): Promise<unknown>;
  deleteFor(personId: string): Promise<void>;
}

/** A Bot Framework conversation reference as stored JSON (only src/bot gives it its botbuilder type). */
export type StoredReference = Record<string, unknown>;

/** Where to reach a person proactively: one reference per person per channel, refreshed every turn. */
export interface ConversationRefRepository extends PersonalDataOwner {
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
  /** How many times a lease on this row ran out before the send was recorded (a crash mid-send). */
  leaseExpiries: number;
  attempts: number;
  outcome?: string;
}

export interface SendAttempt {
  outcome: string;
  statusCode?: number;
}

export interface ClaimResult {
  claimed: DueCheckIn[];
  /** Rows whose lease ran out a second time: given up, so that a crash loop never sends more than twice. */
  abandoned: DueCheckIn[];
}

/** What happens to a leased row after its send: ended (with what follows queued) or back in the queue. */
export type DueUpdate =
  | { type: 'finish'; id: number; state: 'sent' | 'failed' | 'cancelled' | 'abandoned'; outcome: string; attempt?: SendAttempt; next?: NewDueCheckIn[] }
  | { type: 'reschedule'; id: number; dueAt: Date; outcome: string; attempt?: SendAttempt };

/** The durable due-queue. Claims are atomic: two processes never hold the same row. */
export interface DueQueueRepository extends PersonalDataOwner {
  /** Adds a row (or revives a cancelled, never-sent one); false when its key is already queued or sent. */
  enqueue(row: NewDueCheckIn, at: Date): Promise<boolean>;
  /** True when a row with this key is queued, in flight or done (cancelled rows do not count). */
  hasKey(idempotencyKey: string): Promise<boolean>;
  /**
   * Leases up to `limit` rows that are due at `now` (pending, or leased with the lease run out once) in
   * one transaction. A row whose lease runs out a second time is abandoned instead.
   */
  claim(now: Date, limit: number, leaseMs: number): Promise<ClaimResult>;
  /** Ends a leased row (sent, failed or cancelled), records the attempt, and queues what follows, atomically. */
  finish(id: number, state: 'sent' | 'failed' | 'cancelled' | 'abandoned', outcome: string, at: Date, attempt?: SendAttempt, next?: NewDueCheckIn[]): Promise<void>;
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

/** One weekly check-in; null means the person skipped the item. */
export interface CheckInAnswers {
  daysUsed: number | null;
  gramsPerDay: number | null;
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
  save(personId: string, programWeek: number, answers: CheckInAnswers, review: { handoff: boolean; reasons: string[] }, at: Date): Promise<CheckInRecord>;
  /** Oldest first. */
  listFor(personId: string): Promise<CheckInRecord[]>;
  latestFor(personId: string): Promise<CheckInRecord | undefined>;
  countSince(personId: string, since: Date): Promise<number>;
}

export interface DataStore {
  /** botbuilder Storage for ConversationState and UserState, with MemoryStorage's eTag rules. */
  readonly state: Storage;
  readonly people: PersonRepository;
  readonly conversationRefs: ConversationRefRepository;
  readonly enrollments: EnrollmentRepository;
  readonly dueQueue: DueQueueRepository;
  readonly checkIns: CheckInAnswerRepository;
  /** True when the database answers a trivial query. */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}
