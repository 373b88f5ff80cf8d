import type { SafetyEvent, SafetyEventKind, SafetyEventRepository } from '../repositories';
import type { SqliteDb } from './database';
import { exportedSafetyEvent } from '../rows/safetyEvents';

interface EventRow {
  id: number;
  person_id: string;
  kind: SafetyEventKind;
  occurred_at: string;
  followed_up_at: string | null;
}

export class SqliteSafetyEventRepository implements SafetyEventRepository {
  readonly name = 'safetyEvents';

  constructor(private readonly db: SqliteDb) {}

  async record(personId: string, kind: SafetyEventKind, at: Date): Promise<void> {
    this.db
      .prepare('INSERT INTO safety_events (person_id, kind, occurred_at) VALUES (?, ?, ?)')
      .run(personId, kind, at.toISOString());
  }

  async listFor(personId: string): Promise<SafetyEvent[]> {
    return this.db
      .prepare<[string], EventRow>('SELECT * FROM safety_events WHERE person_id = ? ORDER BY occurred_at, id')
      .all(personId)
      .map((row) => ({
        id: row.id,
        personId: row.person_id,
        kind: row.kind,
        occurredAt: row.occurred_at,
        ...(row.followed_up_at ? { followedUpAt: row.followed_up_at } : {}),
      }));
  }

  async markFollowedUp(eventId: number, at: Date): Promise<void> {
    this.db.prepare('UPDATE safety_events SET followed_up_at = ? WHERE id = ?').run(at.toISOString(), eventId);
  }

  async exportFor(personId: string): Promise<Array<Omit<SafetyEvent, 'id' | 'personId'>>> {
    return (await this.listFor(personId)).map(exportedSafetyEvent);
  }

  async deleteFor(personId: string): Promise<void> {
    this.db.prepare('DELETE FROM safety_events WHERE person_id = ?').run(personId);
  }
}
