import type { LocalTime } from '../../platform/util/localTime';

/** Locale-aware renderings of schedule times for messages (the words around them live in content). */
export function formatTimeOfDay(time: LocalTime, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    Date.UTC(2000, 0, 1, time.hour, time.minute),
  );
}

export function formatDateTime(instant: Date, zone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zone,
  }).format(instant);
}
