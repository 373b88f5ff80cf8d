import type { Assessment } from './assess';
import type { RiskProfile } from './profile';

/**
 * The pace follows clinical-facts.md (CDC opioid tapering guidance, general and not kratom-specific):
 * each step takes off about a tenth of what the person takes at that point (the CURRENT amount, not the
 * starting one), weekly after under a year of daily use, about monthly after a year or more; a pause is
 * always fine. No step takes off more than a quarter of the current amount, except the last one, the
 * stop, which comes once the amount is down to about TAPER_STOP_AT_GRAMS.
 */
export const TAPER_STEP_SHARE = 0.1;
export const TAPER_MAX_STEP_SHARE = 0.25;
/** Amounts are rounded to what a kitchen scale shows. */
export const TAPER_ROUNDING_GRAMS = 0.1;
/** From this amount or less, the next step is to stop. */
export const TAPER_STOP_AT_GRAMS = 1;
/** Daily use shorter than this gets weekly steps; this long or longer (or unknown) gets monthly steps. */
export const WEEKLY_STEPS_UNDER_MONTHS = 12;
export const FAST_STEP_DAYS = 7;
export const SLOW_STEP_DAYS = 28;

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
  /** Every step, the last one the stop (0 g). */
  steps: TaperStep[];
  /** Weeks from the first step to the stop: the length the sketch's label states. */
  weeksToStop: number;
}

/**
 * A rough taper in grams of plain leaf, or undefined when the profile does not allow one:
 * only leaf-only profiles below the hand-off line, or in the 10-15 g tier for a prescriber to review.
 * Never for extracts or 7-OH (their plan is moving to leaf first, with a prescriber), never with another
 * breathing-slowing substance or pregnancy, never for someone under 18, never a medicine.
 */
export function sketchTaper(profile: RiskProfile, assessment: Assessment): TaperSketch | undefined {
  const leafOnly = profile.products.length > 0 && profile.products.every((p) => p === 'leaf');
  const dose = profile.currentDose;
  if (!leafOnly || dose?.kind !== 'amount' || dose.unit !== 'g' || dose.amount <= 0) return undefined;
  if (profile.otherSubstances.length > 0 || profile.pregnant === true || profile.underEighteen === true)
    return undefined;

  let framing: TaperSketch['framing'];
  if (!assessment.handoff && (assessment.tier === 'slowEscalation' || assessment.tier === 'fastEscalation'))
    framing = 'self';
  else if (assessment.tier === 'raisedDose' && assessment.approach === 'taperWithClinicalSupport')
    framing = 'forPrescriber';
  else return undefined;

  const stepDays = weeklySteps(profile) ? FAST_STEP_DAYS : SLOW_STEP_DAYS;
  const steps = taperSteps(dose.amount).map((grams, i) => ({ startDay: i * stepDays, grams }));
  const startGrams = Math.max(1, Math.round(dose.amount / TAPER_ROUNDING_GRAMS)) * TAPER_ROUNDING_GRAMS;
  return {
    framing,
    startGrams: round1(startGrams),
    stepDays,
    steps,
    weeksToStop: steps[steps.length - 1].startDay / 7,
  };
}

/** Weekly only when daily use is known to be under a year; "6 months or more" may be years, so not weekly. */
function weeklySteps(profile: RiskProfile): boolean {
  if (profile.monthsOfUse !== undefined) return profile.monthsOfUse < WEEKLY_STEPS_UNDER_MONTHS;
  return profile.durationBand === 'under6Months';
}

/** The amounts after each step, in grams, ending with 0. Worked in tenths of a gram to stay exact. */
export function taperSteps(startGrams: number): number[] {
  let tenths = Math.max(1, Math.round(startGrams / TAPER_ROUNDING_GRAMS));
  const stopAt = Math.round(TAPER_STOP_AT_GRAMS / TAPER_ROUNDING_GRAMS);
  const amounts: number[] = [];
  while (tenths > stopAt) {
    const cut = Math.min(Math.max(1, Math.round(tenths * TAPER_STEP_SHARE)), Math.floor(tenths * TAPER_MAX_STEP_SHARE));
    tenths -= cut;
    amounts.push(round1(tenths * TAPER_ROUNDING_GRAMS));
  }
  amounts.push(0);
  return amounts;
}

const round1 = (value: number) => Math.round(value * 10) / 10;
