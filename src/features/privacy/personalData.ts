import type { DataStore, PersonalDataOwner } from '../../platform/storage/repositories';

export const EXPORT_FORMAT = 'steady-personal-data/1';

/**
 * The event the bot sends on every channel right after confirming "delete my data" (CONTRACTS item 2).
 * Our own Direct Line channel deletes the conversation's history and revokes the person's tokens once
 * it has delivered it; the web page starts afresh when it sees it.
 */

export interface PersonalDataExport {
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  personId: string;
  /** One section per registered owner, by its name. */
  sections: Record<string, unknown>;
}

/** The export's file name, e.g. steady-my-data-2026-12-01.json. */
export function exportFileName(at: Date): string {
  return `steady-my-data-${at.toISOString().slice(0, 10)}.json`;
}

/** Everything every registered owner holds about the person. */
export async function exportPersonalData(store: DataStore, personId: string, at: Date): Promise<PersonalDataExport> {
  const sections: Record<string, unknown> = {};
  for (const owner of store.personalData()) sections[owner.name] = (await owner.exportFor(personId)) ?? null;
  return { format: EXPORT_FORMAT, exportedAt: at.toISOString(), personId, sections };
}

export class PersonalDataDeletionError extends Error {
  constructor(readonly failedOwners: string[]) {
    super(`Personal data could not be deleted from: ${failedOwners.join(', ')}`);
    this.name = 'PersonalDataDeletionError';
  }
}

/**
 * Deletes the person from every owner (but those named in `keep`), newest registration first so the
 * people row goes last, then scrubs the database files. Every owner is tried even when one fails; the
 * failure is reported after, and a retry is safe.
 *
 * The erase is recorded (store.pendingErasures) before the first row goes, and the record is removed only
 * once every owner is done with nothing kept back: a delete that was cut short (a crash, a kill -9, an
 * owner that failed, a Direct Line history that waits for its confirmation to be delivered) is finished
 * at the next start-up by finishPendingErasures.
 */
export async function deletePersonalData(
  store: DataStore,
  personId: string,
  options: { keep?: readonly string[]; at?: Date } = {},
): Promise<void> {
  await store.pendingErasures.add(personId, options.at ?? new Date());
  const failed: string[] = [];
  const owners: PersonalDataOwner[] = [...store.personalData()]
    .reverse()
    .filter((owner) => !options.keep?.includes(owner.name));
  for (const owner of owners) {
    try {
      await owner.deleteFor(personId);
    } catch {
      failed.push(owner.name);
    }
  }
  const finished = failed.length === 0 && owners.length === store.personalData().length;
  if (finished) await store.pendingErasures.remove(personId).catch(() => failed.push('pending erasures'));
  // What was deleted (the record of the erase too) must not stay readable in the database's files either.
  await store.scrubDeleted().catch(() => failed.push('database files'));
  if (failed.length > 0) throw new PersonalDataDeletionError(failed);
}

/**
 * Finishes every erase a crash or a failure left unfinished (run at start-up, before the server listens).
 * `before` runs first for each person (our Direct Line channel revokes their tokens there). Returns how
 * many were finished; one that fails again stays recorded for the next start.
 */
export async function finishPendingErasures(
  store: DataStore,
  options: { before?: (personId: string) => Promise<void>; onError?: (error: unknown) => void } = {},
): Promise<number> {
  let finished = 0;
  for (const personId of await store.pendingErasures.list()) {
    try {
      await options.before?.(personId);
      await deletePersonalData(store, personId);
      finished++;
    } catch (error) {
      options.onError?.(error);
    }
  }
  return finished;
}

/**
 * Deletes everything about people whose last message is older than `olderThan`. Returns how many
 * people were purged. Runs in batches so a large backlog never holds the database for long.
 */
export async function purgeInactive(store: DataStore, olderThan: Date, batchSize = 200): Promise<number> {
  let purged = 0;
  for (;;) {
    const batch = await store.people.inactiveSince(olderThan, batchSize);
    for (const personId of batch) await deletePersonalData(store, personId);
    purged += batch.length;
    // The program report counts purges: a total, with nothing about who.
    await store.operations.countPurged(batch.length);
    if (batch.length < batchSize) return purged;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/** A person's rights over their data, as the dialogs and commands use them (they never see the store). */
export interface PersonalDataService {
  /** Everything kept about the person, as of `at`. */
  export(personId: string, at: Date): Promise<PersonalDataExport>;
  /**
   * Deletes everything about the person except the conversation's own history, which stays until the
   * channel has delivered the confirmation (our Direct Line channel deletes it then).
   */
  deleteAllButConversation(personId: string, at: Date): Promise<void>;
}

export function createPersonalDataService(deps: { store: DataStore }): PersonalDataService {
  const { store } = deps;
  return {
    export: (personId, at) => exportPersonalData(store, personId, at),
    deleteAllButConversation: async (personId, at) => {
      // A person with no history in our Direct Line channel keeps nothing back, so their erase is finished here.
      const ownHistory = (await store.directLine.exportFor(personId)).conversations.length > 0;
      await deletePersonalData(store, personId, { keep: ownHistory ? [store.directLine.name] : [], at });
    },
  };
}
