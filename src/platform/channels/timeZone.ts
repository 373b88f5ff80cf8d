import { canonicalTimeZone } from '../util/zonedTime';

interface ActivityLike {
  localTimezone?: string;
  entities?: Array<{ type?: string; timezone?: unknown; timeZone?: unknown }>;
}

/**
 * The person's IANA time zone when the channel says it: activity.localTimezone (Bot Framework), or a
 * clientInfo entity's timezone (Teams, Web Chat). Undefined when absent or not a zone the runtime knows.
 */
export function timeZoneFromActivity(activity: ActivityLike): string | undefined {
  const candidates: unknown[] = [activity.localTimezone];
  for (const entity of activity.entities ?? []) {
    if (entity?.type?.toLowerCase() === 'clientinfo') candidates.push(entity.timezone, entity.timeZone);
  }
  for (const candidate of candidates) {
    if (typeof candidate === 'string' && candidate.trim()) {
      const zone = canonicalTimeZone(candidate.trim());
      if (zone) return zone;
    }
  }
  return undefined;
}
