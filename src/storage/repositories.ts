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

export interface ProgressRepository {
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
  readonly programProgress: ProgressRepository;
  /** True when the database answers a trivial query. */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}
