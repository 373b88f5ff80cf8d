import type { SafetyEvent } from '../repositories';

/** A safety event as an export shows it: what happened and when, without ids. */
export const exportedSafetyEvent = ({
  kind,
  occurredAt,
  followedUpAt,
}: SafetyEvent): Omit<SafetyEvent, 'id' | 'personId'> => ({
  kind,
  occurredAt,
  ...(followedUpAt ? { followedUpAt } : {}),
});
