import type { DueCheckIn } from '../repositories';

export interface DueRow {
  id: number;
  person_id: string;
  kind: DueCheckIn['kind'];
  program_week: number;
  idempotency_key: string;
  slot_at: string;
  due_at: string;
  state: DueCheckIn['state'];
  lease_until: string | null;
  lease_expiries: number;
  unrecorded_sends: number;
  attempts: number;
  outcome: string | null;
}

export const toDue = (row: DueRow): DueCheckIn => ({
  id: row.id,
  personId: row.person_id,
  kind: row.kind,
  programWeek: row.program_week,
  idempotencyKey: row.idempotency_key,
  slotAt: new Date(row.slot_at),
  dueAt: new Date(row.due_at),
  state: row.state,
  leaseUntil: row.lease_until ? new Date(row.lease_until) : undefined,
  leaseExpiries: row.lease_expiries,
  unrecordedSends: row.unrecorded_sends,
  attempts: row.attempts,
  outcome: row.outcome ?? undefined,
});
