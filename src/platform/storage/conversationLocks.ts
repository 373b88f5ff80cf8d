/**
 * Serializes the turns of one conversation across every process that shares the database. Inside one
 * process CoachBot's KeyedLock already orders them; this is the lock between processes.
 */
export interface ConversationLocks {
  /** Runs task while holding the conversation's lock; rejects with ConversationLockTimeout after a bounded wait. */
  run<T>(conversationKey: string, task: () => Promise<T>): Promise<T>;
}

/** One process owns a SQLite file: the in-process lock is all there is to do. */
export const IN_PROCESS_ONLY: ConversationLocks = { run: (_key, task) => task() };

export class ConversationLockTimeout extends Error {
  constructor(waitedMs: number) {
    super(`another instance held this conversation for more than ${waitedMs} ms`);
    this.name = 'ConversationLockTimeout';
  }
}
