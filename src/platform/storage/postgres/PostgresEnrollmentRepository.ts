import type { Pool } from 'pg';
import type { Enrollment, EnrollmentInput, EnrollmentRepository, EnrollmentStatus } from '../repositories';
import { type EnrollmentRow, toEnrollment } from '../rows/enrollments';

export class PostgresEnrollmentRepository implements EnrollmentRepository {
  readonly name = 'checkin_enrollments';

  constructor(private readonly pool: Pool) {}

  async upsert(input: EnrollmentInput, at: Date): Promise<Enrollment> {
    const { rows } = await this.pool.query<EnrollmentRow>(
      `INSERT INTO checkin_enrollments
         (person_id, channel_id, weekday, local_time, time_zone, quiet_start, quiet_end, status, status_reason, enrolled_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', NULL, $8, $8)
       ON CONFLICT (person_id) DO UPDATE SET channel_id = excluded.channel_id, weekday = excluded.weekday,
         local_time = excluded.local_time, time_zone = excluded.time_zone, quiet_start = excluded.quiet_start,
         quiet_end = excluded.quiet_end, status = 'active', status_reason = NULL, updated_at = excluded.updated_at
       RETURNING *`,
      [
        input.personId,
        input.channelId,
        input.weekday,
        input.localTime,
        input.timeZone,
        input.quietStart,
        input.quietEnd,
        at.toISOString(),
      ],
    );
    return toEnrollment(rows[0]);
  }

  async get(personId: string): Promise<Enrollment | undefined> {
    const { rows } = await this.pool.query<EnrollmentRow>('SELECT * FROM checkin_enrollments WHERE person_id = $1', [
      personId,
    ]);
    return rows[0] && toEnrollment(rows[0]);
  }

  async setStatus(personId: string, status: EnrollmentStatus, reason: string | undefined, at: Date): Promise<void> {
    await this.pool.query(
      'UPDATE checkin_enrollments SET status = $1, status_reason = $2, updated_at = $3 WHERE person_id = $4',
      [status, reason ?? null, at.toISOString(), personId],
    );
  }

  async exportFor(personId: string): Promise<unknown> {
    return (await this.get(personId)) ?? null;
  }

  async deleteFor(personId: string): Promise<void> {
    await this.pool.query('DELETE FROM checkin_enrollments WHERE person_id = $1', [personId]);
  }
}
