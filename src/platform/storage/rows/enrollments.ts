import type { Enrollment, EnrollmentStatus } from '../repositories';

export interface EnrollmentRow {
  person_id: string;
  channel_id: string;
  weekday: number;
  local_time: string;
  time_zone: string;
  quiet_start: string;
  quiet_end: string;
  status: EnrollmentStatus;
  status_reason: string | null;
  enrolled_at: string;
  updated_at: string;
}

export const toEnrollment = (row: EnrollmentRow): Enrollment => ({
  personId: row.person_id,
  channelId: row.channel_id,
  weekday: row.weekday,
  localTime: row.local_time,
  timeZone: row.time_zone,
  quietStart: row.quiet_start,
  quietEnd: row.quiet_end,
  status: row.status,
  statusReason: row.status_reason ?? undefined,
  enrolledAt: row.enrolled_at,
  updatedAt: row.updated_at,
});
