import type { ConsentRecord, ConsentStatus } from '../repositories';

export interface ConsentRow {
  person_id: string;
  status: ConsentStatus;
  policy_version: string;
  decided_at: string;
}

export const toConsent = (row: ConsentRow): ConsentRecord => ({
  personId: row.person_id,
  status: row.status,
  policyVersion: row.policy_version,
  decidedAt: row.decided_at,
});
