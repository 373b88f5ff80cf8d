import type { ConsentRecord, ConsentRepository, ConsentStatus } from '../repositories';
import type { SqliteDb } from './database';
import { prepared } from './prepared';
import { commitTurnWrite, type GroupCommit } from './GroupCommit';
import { type ConsentRow, toConsent } from '../rows/consents';

export class SqliteConsentRepository implements ConsentRepository {
  readonly name = 'consent';

  constructor(
    private readonly db: SqliteDb,
    /** Consent is given or withdrawn in a turn, so it joins the turns' group commit. */
    private readonly group?: GroupCommit,
  ) {}

  async get(personId: string): Promise<ConsentRecord | undefined> {
    const row = prepared<[string], ConsentRow>(this.db, 'SELECT * FROM consents WHERE person_id = ?').get(personId);
    return row && toConsent(row);
  }

  async set(personId: string, status: ConsentStatus, policyVersion: string, at: Date): Promise<void> {
    await commitTurnWrite(this.group, () =>
      prepared(
        this.db,
        `INSERT INTO consents (person_id, status, policy_version, decided_at) VALUES (?, ?, ?, ?)
           ON CONFLICT(person_id) DO UPDATE SET status = excluded.status, policy_version = excluded.policy_version, decided_at = excluded.decided_at`,
      ).run(personId, status, policyVersion, at.toISOString()),
    );
  }

  async exportFor(personId: string): Promise<Omit<ConsentRecord, 'personId'> | null> {
    const record = await this.get(personId);
    return record ? { status: record.status, policyVersion: record.policyVersion, decidedAt: record.decidedAt } : null;
  }

  async deleteFor(personId: string): Promise<void> {
    this.db.prepare('DELETE FROM consents WHERE person_id = ?').run(personId);
  }
}
