import type { RiskProfile } from '../risk/profile';
import type { CheckInAnswers } from '../../platform/storage/repositories';

/** Why a check-in needs more than the chat: each has a text in content (checkin.review.<reason>). */
export type ReviewReason =
  | 'returnAfterBreak'
  | 'returnAfterBreakStronger'
  | 'doseUpQuarter'
  | 'newExtract'
  | 'newSevenOh'
  | 'severeSymptoms'
  | 'veryLowMood';

export interface CheckInReview {
  /** True when the answers cross a line that calls for human care (the hand-off). */
  handoff: boolean;
  reasons: ReviewReason[];
}

/**
 * The weekly review of a check-in against the last one. Deterministic: a language model never decides this.
 * The intake's risk engine runs beside it on the changed profile (src/features/checkins/profileChanges.ts); either
 * can call for the hand-off card (src/features/checkins/handoffNotice.ts).
 */
export interface CheckInReviewer {
  review(previous: CheckInAnswers | undefined, current: CheckInAnswers, context?: ReviewContext): CheckInReview;
}

/** What the review knows besides the two check-ins: the intake's latest risk profile, when there is one. */
export interface ReviewContext {
  profile?: RiskProfile;
}

/** A rise of a quarter or more in the typical daily amount since the last check-in. */
export const DOSE_RISE_RATIO = 1.25;

const HANDOFF_REASONS: ReadonlySet<ReviewReason> = new Set([
  'returnAfterBreak',
  'returnAfterBreakStronger',
  'doseUpQuarter',
  'newExtract',
  'newSevenOh',
  'severeSymptoms',
]);

const usedThisWeek = (a: CheckInAnswers) =>
  a.daysUsed !== null ? a.daysUsed > 0 : (a.gramsPerDay ?? 0) > 0 || (a.unitsPerDay ?? 0) > 0;

/**
 * Use again after a week or more off: the last check-in had no use in its 7 days, or the intake said the
 * person had stopped and was still off and this is the first check-in. Tolerance drops during a break,
 * so the old amount can now cause an overdose: the most dangerous moment of a return.
 */
export function returnedAfterBreak(
  previous: CheckInAnswers | undefined,
  current: CheckInAnswers,
  profile?: RiskProfile,
): boolean {
  if (!usedThisWeek(current)) return false;
  if (previous) return previous.daysUsed === 0;
  return profile?.earlierStop?.tried === true && profile.earlierStop.outcome === 'stillOff';
}

/** Stronger, concentrated products or another breathing-slowing substance make a return more dangerous still. */
function strongerRisk(current: CheckInAnswers, profile?: RiskProfile): boolean {
  if (current.form === 'extract' || current.form === 'sevenOh') return true;
  if (!profile) return false;
  return (
    profile.products.includes('extract') || profile.products.includes('sevenOh') || profile.otherSubstances.length > 0
  );
}

/** The day's amount in the same measure both weeks (grams, or the same product unit), or undefined. */
function comparableAmounts(
  previous: CheckInAnswers | undefined,
  current: CheckInAnswers,
): [number, number] | undefined {
  if (!previous) return undefined;
  if (previous.gramsPerDay != null && current.gramsPerDay != null) return [previous.gramsPerDay, current.gramsPerDay];
  if (previous.unitsPerDay != null && current.unitsPerDay != null && previous.unit === current.unit)
    return [previous.unitsPerDay, current.unitsPerDay];
  return undefined;
}

/**
 * The rules of issue 7: dose up by a quarter or more since last week (in grams, or in the same product
 * unit), new extract or 7-OH use (new when the last check-in did not report that form, or there is none), or
 * severe withdrawal symptoms lead to the hand-off; issue 23 adds a return to use after a week or more off,
 * with a stronger warning when extracts, 7-OH or another breathing-slowing substance are in the picture. A very low mood adds the crisis lines without a hand-off; words of crisis go to the safety net.
 */
export class DefaultCheckInReviewer implements CheckInReviewer {
  review(previous: CheckInAnswers | undefined, current: CheckInAnswers, context: ReviewContext = {}): CheckInReview {
    const reasons: ReviewReason[] = [];
    if (returnedAfterBreak(previous, current, context.profile)) {
      reasons.push('returnAfterBreak');
      if (strongerRisk(current, context.profile)) reasons.push('returnAfterBreakStronger');
    }
    const amounts = comparableAmounts(previous, current);
    if (amounts && amounts[0] > 0 && amounts[1] >= amounts[0] * DOSE_RISE_RATIO) reasons.push('doseUpQuarter');
    if (current.form === 'extract' && previous?.form !== 'extract') reasons.push('newExtract');
    if (current.form === 'sevenOh' && previous?.form !== 'sevenOh') reasons.push('newSevenOh');
    if (current.symptoms === 'severe') reasons.push('severeSymptoms');
    if (current.mood === 'veryLow') reasons.push('veryLowMood');
    return { handoff: reasons.some((reason) => HANDOFF_REASONS.has(reason)), reasons };
  }
}
