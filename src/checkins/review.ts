import type { CheckInAnswers } from '../storage/repositories';

/** Why a check-in needs more than the chat: each has a text in content (checkin.review.<reason>). */
export type ReviewReason = 'doseUpQuarter' | 'newExtract' | 'newSevenOh' | 'severeSymptoms' | 'veryLowMood';

export interface CheckInReview {
  /** True when the answers cross a line that calls for human care (the hand-off). */
  handoff: boolean;
  reasons: ReviewReason[];
}

/**
 * The weekly review of a check-in against the last one. Deterministic: a language model never decides this.
 * The intake's risk engine runs beside it on the changed profile (src/checkins/profileChanges.ts); either
 * can call for the hand-off card (src/checkins/handoffNotice.ts).
 */
export interface CheckInReviewer {
  review(previous: CheckInAnswers | undefined, current: CheckInAnswers): CheckInReview;
}

/** A rise of a quarter or more in the typical daily amount since the last check-in. */
export const DOSE_RISE_RATIO = 1.25;

const HANDOFF_REASONS: ReadonlySet<ReviewReason> = new Set(['doseUpQuarter', 'newExtract', 'newSevenOh', 'severeSymptoms']);

/**
 * The rules of issue 7: dose up by a quarter or more since last week, new extract or 7-OH use (new when the
 * last check-in did not report that form, or there is none), or severe withdrawal symptoms lead to the
 * hand-off. A very low mood adds the crisis lines without a hand-off; words of crisis go to the safety net.
 */
export class DefaultCheckInReviewer implements CheckInReviewer {
  review(previous: CheckInAnswers | undefined, current: CheckInAnswers): CheckInReview {
    const reasons: ReviewReason[] = [];
    const before = previous?.gramsPerDay;
    if (before != null && before > 0 && current.gramsPerDay != null && current.gramsPerDay >= before * DOSE_RISE_RATIO) reasons.push('doseUpQuarter');
    if (current.form === 'extract' && previous?.form !== 'extract') reasons.push('newExtract');
    if (current.form === 'sevenOh' && previous?.form !== 'sevenOh') reasons.push('newSevenOh');
    if (current.symptoms === 'severe') reasons.push('severeSymptoms');
    if (current.mood === 'veryLow') reasons.push('veryLowMood');
    return { handoff: reasons.some((reason) => HANDOFF_REASONS.has(reason)), reasons };
  }
}
