/**
 * Small time-zone arithmetic on top of Intl: enough to find "the same local weekday and time next week"
 * in any IANA zone, across daylight-saving changes, without a date library.
 */

import type { LocalTime, QuietHours } from './localTime';

/** A local wall-clock time in some zone. weekday: 0 = Sunday ... 6 = Saturday. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** True when the runtime knows this IANA zone name ("America/New_York", "UTC"). */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's canonical spelling ("america/new_york" -> "America/New_York"), or undefined when unknown. */
export function canonicalTimeZone(zone: string): string | undefined {
  if (!isValidTimeZone(zone)) return undefined;
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}

function intlWallTime(instant: Date, zone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS.indexOf(parts.weekday),
  };
}

/**
 * Offsets only change on quarter-hour boundaries (every zone in use today), so the offset is cached per
 * zone and quarter hour: Intl's formatToParts is slow, and a fan-out of 100,000 check-ins asks often.
 */
const QUARTER_HOUR = 15 * MINUTE;
const offsetCache = new Map<string, number>();

/** The zone's offset from UTC at an instant, in ms (New York in winter: -5 h). */
function offsetAt(epochMs: number, zone: string): number {
  const bucket = Math.floor(epochMs / QUARTER_HOUR);
  const key = `${zone}|${bucket}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const start = bucket * QUARTER_HOUR;
    const wall = intlWallTime(new Date(start), zone);
    offset = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute) - start;
    if (offsetCache.size > 50_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

export function wallTimeAt(instant: Date, zone: string): WallTime {
  const local = new Date(Math.floor(instant.getTime() / MINUTE) * MINUTE + offsetAt(instant.getTime(), zone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    weekday: local.getUTCDay(),
  };
}

function sameWall(a: WallTime, year: number, month: number, day: number, time: LocalTime): boolean {
  return a.year === year && a.month === month && a.day === day && a.hour === time.hour && a.minute === time.minute;
}

/**
 * The instant a local date and time happens in a zone. A time skipped by a spring-forward change
 * (2:30 am) moves forward by the gap; a time that happens twice in the autumn takes the first one.
 */
export function instantOf(year: number, month: number, day: number, time: LocalTime, zone: string): Date {
  const asUtc = Date.UTC(year, month - 1, day, time.hour, time.minute);
  const offsetBefore = offsetAt(asUtc - DAY, zone);
  const offsetAfter = offsetAt(asUtc + DAY, zone);
  const matches = [asUtc - offsetBefore, asUtc - offsetAfter].filter((t) =>
    sameWall(wallTimeAt(new Date(t), zone), year, month, day, time),
  );
  if (matches.length > 0) return new Date(Math.min(...matches));
  return new Date(asUtc - offsetBefore);
}

/** The first instant strictly after `after` that falls on `weekday` at `time` local time in `zone`. */
export function nextWeeklyOccurrence(after: Date, weekday: number, time: LocalTime, zone: string): Date {
  const start = wallTimeAt(after, zone);
  for (let days = 0; days <= 8; days++) {
    const date = new Date(Date.UTC(start.year, start.month - 1, start.day + days));
    if (date.getUTCDay() !== weekday) continue;
    const candidate = instantOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), time, zone);
    if (candidate.getTime() > after.getTime()) return candidate;
  }
  throw new Error('no weekly occurrence found within eight days');
}

const minutesOf = (time: LocalTime) => time.hour * 60 + time.minute;

export function isQuietTime(time: LocalTime, quiet: QuietHours): boolean {
  const t = minutesOf(time);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? t >= start && t < end : t >= start || t < end;
}

/** The instant itself when it is outside quiet hours, otherwise the next end of quiet hours. */
export function outsideQuietHours(instant: Date, zone: string, quiet: QuietHours): Date {
  const wall = wallTimeAt(instant, zone);
  if (!isQuietTime(wall, quiet)) return instant;
  for (let days = 0; days <= 1; days++) {
    const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
    const end = instantOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), quiet.end, zone);
    if (end.getTime() > instant.getTime()) return end;
  }
  return instant;
}

export function formatClock(time: LocalTime): string {
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}
