import type { Enrollment, EnrollmentInput, EnrollmentRepository, EnrollmentStatus } from '../repositories';
import type { SqliteDb } from './database';
import { EnrollmentRow, toEnrollment } from '../rows/enrollments';

export class SqliteEnrollmentRepository implements EnrollmentRepository {
  readonly name = 'checkin_enrollments';
  private readonly selectOne;
  private readonly upsertOne;
  private readonly updateStatus;

  constructor(private readonly db: SqliteDb) {
    this.selectOne = db.prepare<[string], EnrollmentRow>('SELECT * FROM checkin_enrollments WHERE person_id = ?');
    this.upsertOne = db.prepare(
      `INSERT INTO checkin_enrollments
         (person_id, channel_id, weekday, local_time, time_zone, quiet_start, quiet_end, status, status_reason, enrolled_at, updated_at)
       VALUES (@personId, @channelId, @weekday, @localTime, @timeZone, @quietStart, @quietEnd, 'active', NULL, @at, @at)
       ON CONFLICT(person_id) DO UPDATE SET channel_id = excluded.channel_id, weekday = excluded.weekday,
         local_time = excluded.local_time, time_zone = excluded.time_zone, quiet_start = excluded.quiet_start,
         quiet_end = excluded.quiet_end, status = 'active', status_reason = NULL, updated_at = excluded.updated_at`,
    );
    this.updateStatus = db.prepare(
      'UPDATE checkin_enrollments SET status = ?, status_reason = ?, updated_at = ? WHERE person_id = ?',
    );
  }

  async upsert(input: EnrollmentInput, at: Date): Promise<Enrollment> {
    this.upsertOne.run({ ...input, at: at.toISOString() });
    return toEnrollment(this.selectOne.get(input.personId)!);
  }

  async get(personId: string): Promise<Enrollment | undefined> {
    const row = this.selectOne.get(personId);
    return row && toEnrollment(row);
  }

  async setStatus(personId: string, status: EnrollmentStatus, reason: string | undefined, at: Date): Promise<void> {
    this.updateStatus.run(status, reason ?? null, at.toISOString(), personId);
  }

  async exportFor(personId: string): Promise<unknown> {
    return (await this.get(personId)) ?? null;
  }

  async deleteFor(personId: string): Promise<void> {
    this.db.prepare('DELETE FROM checkin_enrollments WHERE person_id = ?').run(personId);
  }
}
