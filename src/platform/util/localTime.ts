/** Local times of day as settings use them (CHECKIN_QUIET_HOURS), below config and the scheduler. */

/** Hours and minutes of a day, e.g. { hour: 18, minute: 30 } for 6:30 pm. */
export interface LocalTime {
  hour: number;
  minute: number;
}

/** Quiet hours as local times; start after end means they wrap past midnight (21:00-09:00). */
export interface QuietHours {
  start: LocalTime;
  end: LocalTime;
}

/** "18:30" -> { hour: 18, minute: 30 }; undefined for anything else. */
export function parseClock(value: string): LocalTime | undefined {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : undefined;
}

/** "21:00-09:00" -> quiet hours; undefined when malformed. */
export function parseQuietHours(value: string): QuietHours | undefined {
  const [start, end, extra] = value.split('-');
  if (extra !== undefined || start === undefined || end === undefined) return undefined;
  const s = parseClock(start);
  const e = parseClock(end);
  return s && e ? { start: s, end: e } : undefined;
}
