import type { Storage } from 'botbuilder';

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
  /** Removes every row and item about the person. Deleting what is not there is not an error. */
  deleteFor(personId: string): Promise<void>;
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

export interface DataStore {
  /** botbuilder Storage for ConversationState and UserState, with MemoryStorage's eTag rules. */
  readonly state: Storage;
  readonly people: PersonRepository;
  readonly safetyEvents: SafetyEventRepository;
  readonly consents: ConsentRepository;
  readonly stateKeys: StateKeyRepository;
  /** Every holder of personal data, in export order; deletion runs in reverse, so people go last. */
  personalData(): readonly PersonalDataOwner[];
  /** Adds a holder that lives outside this store (for example a channel's own message history). */
  registerPersonalData(owner: PersonalDataOwner): void;
  /** True when the database answers a trivial query. */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}
