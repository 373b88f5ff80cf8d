import type { Reason } from '../risk/assess';
import { ruleHandsOff } from '../risk/rules';
import type { StoredAssessment } from '../../platform/storage/repositories';
import type { CheckInReview, ReviewReason } from './review';

/** What a finished check-in says about the hand-off. At most one card per check-in. */
export interface HandoffNotice {
  /** Send the hand-off card. */
  card: boolean;
  /** The check-in review's own reasons for a hand-off (the very-low-mood lines are separate). */
  reviewReasons: ReviewReason[];
  /** The new assessment began to hand off: its hand-off reasons, to say why. */
  startedReasons: Reason[];
  /** The latest assessment still hands off and nothing new called for it: a short reminder before the card. */
  reminder: boolean;
  /** This check-in's re-assessment stopped handing off, and nothing else calls for the card. */
  ended: boolean;
}

/**
 * Decides the hand-off after a check-in from the review (issue 7's rules on this week's answers) and the
 * risk engine's picture: the latest assessment before the check-in, and the new one when the check-in
 * changed the picture. The card goes out when the review says so or the current assessment hands off.
 */
export function handoffNotice(
  review: CheckInReview,
  latest: StoredAssessment | undefined,
  reassessment?: { current: StoredAssessment; handoffStarted: boolean },
): HandoffNotice {
  const current = reassessment?.current ?? latest;
  const engineHandsOff = current?.assessment.handoff === true;
  const started = reassessment?.handoffStarted === true;
  const card = review.handoff || engineHandsOff;
  return {
    card,
    reviewReasons: review.handoff ? review.reasons.filter((reason) => reason !== 'veryLowMood') : [],
    startedReasons: started ? current!.assessment.reasons.filter((reason) => ruleHandsOff(reason.ruleId)) : [],
    reminder: engineHandsOff && !started && !review.handoff,
    ended: !card && latest?.assessment.handoff === true && reassessment !== undefined,
  };
}
