import { normalize } from '../../platform/nlu/choices';

/** Free-text answers to check-in and scheduling questions. Pure functions; undefined means "ask again". */

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function containsWord(said: string, phrases: string[]): boolean {
  return phrases.some((p) => {
    const phrase = normalize(p);
    return phrase !== '' && ` ${said} `.includes(` ${phrase} `);
  });
}

/**
 * A whole number in [min, max] from "5", "5 days", "about 5", "five", or from phrase lists (e.g. "every day"
 * -> max, "none" -> min). More than one number ("5 or 6") is ambiguous.
 */
export function parseWholeNumber(
  text: string,
  min: number,
  max: number,
  words: { min?: string[]; max?: string[] } = {},
): number | undefined {
  const said = normalize(text);
  if (!said) return undefined;
  if (words.max && containsWord(said, words.max)) return max;
  if (words.min && containsWord(said, words.min)) return min;
  const tokens = said.split(' ');
  const numbers = tokens.map((t) => (/^\d+$/.test(t) ? Number(t) : NUMBER_WORDS.indexOf(t))).filter((n) => n >= 0);
  if (numbers.length !== 1 || /\d[.,]\d/.test(text)) return undefined;
  const [n] = numbers;
  return n >= min && n <= max ? n : undefined;
}

const GRAM_UNITS = new Set(['g', 'gr', 'gs', 'gram', 'grams', 'gms', 'gm']);
export const MAX_GRAMS_PER_DAY = 300;

/** Grams as a number: "6", "6g", "6.5 grams", "about 6 g", "6,5". Other units (teaspoons, capsules) are refused. */
export function parseGrams(text: string): number | undefined {
  const lowered = text.normalize('NFKC').toLowerCase().trim();
  const match =
    /^(?:about |around |roughly |maybe |~)?(\d{1,3}(?:[.,]\d{1,2})?)\s*([a-z]+)?\.?(?: a day| per day| daily)?$/.exec(
      lowered,
    );
  if (!match) return undefined;
  if (match[2] && !GRAM_UNITS.has(match[2])) return undefined;
  const grams = Number(match[1].replace(',', '.'));
  return grams > 0 && grams <= MAX_GRAMS_PER_DAY ? grams : undefined;
}

export interface ClockTime {
  hour: number;
  minute: number;
}

/**
 * A time of day: "6pm", "6 pm", "6:30 p.m.", "18:30", "noon". Without am/pm, hours 1-8 are read as
 * afternoon or evening (nobody picks 6 in the morning for a chat), and a bare "6" needs minutes or am/pm.
 */
export function parseTimeOfDay(text: string, noonWords: string[] = []): ClockTime | undefined {
  const lowered = text.normalize('NFKC').toLowerCase();
  if (containsWord(normalize(lowered), noonWords)) return { hour: 12, minute: 0 };
  const match = /(?:^|\s|at)(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?(?=\s|$|[,!?])/.exec(lowered);
  if (!match) return undefined;
  let hour = Number(match[1]);
  const minute = match[2] ? Number(match[2]) : 0;
  const meridiem = match[3]?.[0];
  if (minute > 59) return undefined;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    if (meridiem === 'p' && hour !== 12) hour += 12;
    if (meridiem === 'a' && hour === 12) hour = 0;
  } else {
    if (!match[2]) return undefined;
    if (hour > 23) return undefined;
    if (hour >= 1 && hour <= 8) hour += 12;
  }
  return { hour, minute };
}

/** The weekday (0 = Sunday) named in the text, from per-day word lists in Sunday-first order. */
export function parseWeekday(text: string, dayWords: string[][]): number | undefined {
  const said = normalize(text);
  const found = dayWords.map((words, day) => (containsWord(said, words) ? day : -1)).filter((d) => d >= 0);
  return found.length === 1 ? found[0] : undefined;
}
