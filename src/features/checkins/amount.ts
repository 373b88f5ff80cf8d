import { parseGrams } from './checkInAnswers';
import { normalize } from '../../platform/nlu/choices';
import type { StoredCheckInUnit } from '../../platform/storage/repositories';

/** The person's own product units a check-in accepts besides grams (extract and 7-OH users count, they don't weigh). */
export const CHECKIN_UNITS = ['shot', 'tablet', 'capsule', 'dropper'] as const;
export type CheckInUnit = (typeof CHECKIN_UNITS)[number];

type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Fails to compile when the units here and the units storage accepts drift apart. */
export const CHECKIN_UNITS_MATCH_STORAGE: SameType<CheckInUnit, StoredCheckInUnit> = true;

export type CheckInAmount = { grams: number } | { count: number; unit: CheckInUnit };

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];
export const MAX_UNITS_PER_DAY = 60;
/** An amount is a few words; a longer reply is not one (and the pattern below need not scan it). */
const MAX_ANSWER_LENGTH = 80;

/**
 * A day's amount from a check-in answer: grams ("6", "6.5 g") or a count of the person's own units
 * ("2 shots", "three tablets", "4 caps"); `unitWords` are the words for each unit, from content.
 * Undefined means "ask again".
 */
export function parseCheckInAmount(
  text: string,
  unitWords: Record<CheckInUnit, readonly string[]>,
): CheckInAmount | undefined {
  if (text.length > MAX_ANSWER_LENGTH) return undefined;
  const grams = parseGrams(text);
  if (grams !== undefined) return { grams };
  const lowered = text.normalize('NFKC').toLowerCase().trim();
  const match =
    /^(?:about |around |roughly |maybe |~)?(\d{1,2}(?:[.,]\d)?|[a-z]+)\s*([a-z][a-z' -]*?)\.?(?: a day| per day| daily| each day)?$/.exec(
      lowered,
    );
  if (!match) return undefined;
  const count = /^\d/.test(match[1]) ? Number(match[1].replace(',', '.')) : NUMBER_WORDS.indexOf(match[1]);
  if (!(count > 0 && count <= MAX_UNITS_PER_DAY)) return undefined;
  const said = normalize(match[2]);
  const unit = CHECKIN_UNITS.find((u) => unitWords[u].some((w) => normalize(w) === said));
  return unit ? { count, unit } : undefined;
}
