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

export interface DataStore {
  /** botbuilder Storage for ConversationState and UserState, with MemoryStorage's eTag rules. */
  readonly state: Storage;
  readonly people: PersonRepository;
  /** True when the database answers a trivial query. */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}
