import type { Assessment } from './assess';
import type { RiskProfile } from './profile';
import { SLOW_ESCALATION_MONTHS } from './rules';

/** Each step takes off about this share of the starting amount. */
export const TAPER_STEP_SHARE = 0.1;
/** Amounts are rounded to what a person can measure. */
export const TAPER_ROUNDING_GRAMS = 0.5;
export const FAST_STEP_DAYS = 7;
export const SLOW_STEP_DAYS = 14;

export interface TaperStep {
  /** Day the step starts, counted from the first day of the taper (0). */
  startDay: number;
  grams: number;
}

export interface TaperSketch {
  /** 'self': below the hand-off line; 'forPrescriber': the 10-15 g tier, framed as something to discuss. */
  framing: 'self' | 'forPrescriber';
  startGrams: number;
  stepDays: number;
  steps: TaperStep[];
}

const roundTo = (value: number, step: number) => Math.round(value / step) * step;

/**
 * A rough taper in grams of plain leaf, or undefined when the profile does not allow one:
 * only leaf-only profiles below the hand-off line, or in the 10-15 g tier for a prescriber to review.
 * Never for extracts or 7-OH, never with another breathing-slowing substance or pregnancy, never a medicine.
 */
export function sketchTaper(profile: RiskProfile, assessment: Assessment): TaperSketch | undefined {
  const leafOnly = profile.products.length > 0 && profile.products.every((p) => p === 'leaf');
  const dose = profile.currentDose;
  if (!leafOnly || dose?.kind !== 'amount' || dose.unit !== 'g' || dose.amount <= 0) return undefined;
  if (profile.otherSubstances.length > 0 || profile.pregnant === true) return undefined;

  let framing: TaperSketch['framing'];
  if (!assessment.handoff && (assessment.tier === 'slowEscalation' || assessment.tier === 'fastEscalation')) framing = 'self';
  else if (assessment.tier === 'raisedDose') framing = 'forPrescriber';
  else return undefined;

  const under6 = profile.monthsOfUse !== undefined ? profile.monthsOfUse < SLOW_ESCALATION_MONTHS : profile.durationBand === 'under6Months';
  const stepDays = under6 ? FAST_STEP_DAYS : SLOW_STEP_DAYS;
  const start = Math.round(dose.amount * 10) / 10 || 0.1;
  const steps: TaperStep[] = [];
  let previous = start;
  for (let i = 1; i <= Math.round(1 / TAPER_STEP_SHARE); i++) {
    const grams = Math.max(0, roundTo(start * (1 - TAPER_STEP_SHARE * i), TAPER_ROUNDING_GRAMS));
    if (grams >= previous) continue;
    steps.push({ startDay: steps.length * stepDays, grams: Number(grams.toFixed(1)) });
    previous = grams;
    if (grams === 0) break;
  }
  return { framing, startGrams: start, stepDays, steps };
}
