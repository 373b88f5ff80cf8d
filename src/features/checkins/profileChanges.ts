import { isDeepStrictEqual } from 'node:util';
import type { Product, ProfileChanges, RiskProfile } from '../risk/profile';
import type { CheckInAnswers, DrugForm } from '../../platform/storage/repositories';

/** The check-in's form answer as a product of the risk profile; "something else" is none of them. */
const PRODUCT_OF_FORM: Record<DrugForm, Product | undefined> = {
  leaf: 'leaf',
  extract: 'extract',
  sevenOh: 'sevenOh',
  other: undefined,
};

/**
 * What a weekly check-in tells the risk engine, given the latest stored profile. Only what was reported
 * counts: a skipped answer and "something else" change nothing.
 *
 * - Amount: no use this week (0 days) is 0 g a day; otherwise the grams on a day of use are today's amount,
 *   or the count of the person's own unit (shots, tablets, extract capsules) when they gave that instead.
 * - Products only grow. A reported form the profile lacks is added at once (an extract or 7-OH hands off
 *   straight away). A week of mostly leaf never removes an extract or 7-OH: the check-in asks for the form
 *   used *mostly*, so it cannot show that the stronger one stopped, and for extracts the move back to leaf
 *   is meant to happen with a prescriber, whose help the hand-off points to. Updating the intake's answers
 *   is how a person says a stronger form is gone.
 */
export function profileChangesFrom(answers: CheckInAnswers, profile: RiskProfile): ProfileChanges {
  const changes: ProfileChanges = {};
  const grams = answers.daysUsed === 0 ? 0 : answers.gramsPerDay;
  if (grams !== null) changes.currentDose = { kind: 'amount', amount: grams, unit: 'g' };
  else if (answers.unitsPerDay !== null && answers.unit !== null)
    changes.currentDose = { kind: 'amount', amount: answers.unitsPerDay, unit: answers.unit };
  const product = answers.form === null ? undefined : PRODUCT_OF_FORM[answers.form];
  if (product && !profile.products.includes(product)) changes.products = [...profile.products, product];
  return changes;
}

/** True when the changes would give the engine a different profile (products compared as a set). */
export function changesPicture(profile: RiskProfile, changes: ProfileChanges): boolean {
  return (Object.keys(changes) as (keyof ProfileChanges)[]).some((key) => {
    const value = changes[key];
    if (value === undefined) return false;
    if (key === 'products' || key === 'otherSubstances') return !sameSet(profile[key] ?? [], value as string[]);
    return !isDeepStrictEqual(profile[key], value);
  });
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((item) => right.has(item));
}
