import type { DataStore, PersonalDataOwner } from '../storage/repositories';

export const EXPORT_FORMAT = 'steady-personal-data/1';

/**
 * The event the bot sends on every channel right after confirming "delete my data" (CONTRACTS item 2).
 * Our own Direct Line channel deletes the conversation's history and revokes the person's tokens once
 * it has delivered it; the web page starts afresh when it sees it.
 */
export const DATA_DELETED_EVENT = 'steady.dataDeleted';

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
 */
export async function deletePersonalData(
  store: DataStore,
  personId: string,
  options: { keep?: readonly string[] } = {},
): Promise<void> {
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
  // What was deleted must not stay readable in the database's files either.
  await store.scrubDeleted().catch(() => failed.push('database files'));
  if (failed.length > 0) throw new PersonalDataDeletionError(failed);
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
