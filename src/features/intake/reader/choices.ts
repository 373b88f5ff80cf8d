import { z } from 'zod';
import { type Product, PRODUCTS, type Substance, SUBSTANCES } from '../../risk/profile';
import type { Assumption, Extraction } from './schemas';
import { containsPhrase, isOneOf, normalizeText, plainPhrases, plainWords, roundTo, wordsToNumbers } from './text';
import { CAPSULE_SIZES, type Vocabulary } from './vocabulary';

/** Readers for the shorter answers: how often, which products, other substances, yes/no, goal, ZIP, earlier stops. */

const wordsOf = (raw: string) =>
  plainWords(wordsToNumbers(normalizeText(raw)).replace(/(\d)([a-z])/g, '$1 $2'))
    .split(' ')
    .filter(Boolean);
export function saysDontKnow(raw: string, vocab: Vocabulary): boolean {
  if (isOneOf(raw, vocab.dontKnow)) return true;
  const words = wordsOf(raw);
  return plainPhrases(vocab.dontKnow).some((p) => containsPhrase(words, p));
}

export const timesMentionSchema = z.object({
  dontKnow: z.boolean().default(false),
  times: z.number().finite().min(0).max(1000).nullable().default(null),
  timesHigh: z.number().finite().min(0).max(1000).nullable().default(null),
  everyHours: z.number().positive().max(24).nullable().default(null),
});
export type TimesMention = z.infer<typeof timesMentionSchema>;

export function readTimes(raw: string, vocab: Vocabulary): TimesMention {
  const m = timesMentionSchema.parse({});
  const text = wordsToNumbers(normalizeText(raw));
  const every = /\bevery (\d+(?:\.\d+)?)(?:\s*(?:-|to)\s*(\d+(?:\.\d+)?))? ?(?:hours?|hrs?|h)\b/.exec(text);
  if (every) {
    m.everyHours = every[2] ? (Number(every[1]) + Number(every[2])) / 2 : Number(every[1]);
    return m;
  }
  if (/\bevery hour\b|\bhourly\b/.test(text)) {
    m.everyHours = 1;
    return m;
  }
  const parts = ['morning', 'noon', 'lunch', 'afternoon', 'evening', 'night', 'bedtime'].filter((p) =>
    new RegExp(`\\b${p}\\b`).test(text),
  );
  const range = /(\d+(?:\.\d+)?)\s*(?:-|to|or)\s*(\d+(?:\.\d+)?)/.exec(text);
  const single = /(\d+(?:\.\d+)?)/.exec(text);
  if (range) {
    m.times = Number(range[1]);
    m.timesHigh = Number(range[2]);
  } else if (single) m.times = Number(single[1]);
  else if (parts.length >= 2) m.times = parts.length;
  else if (/\bjust 1\b|\bonly 1\b|\bonce\b|\b1 time\b|\bone time\b/.test(text)) m.times = 1;
  else m.dontKnow = saysDontKnow(raw, vocab);
  return m;
}

export function timesFromMention(m: TimesMention, vocab: Vocabulary): Extraction<'timesPerDay'> {
  const field = 'timesPerDay' as const;
  if (m.everyHours !== null) {
    const times = Math.max(1, Math.round(vocab.wakingHours / m.everyHours));
    return {
      field,
      status: 'ok',
      value: { times },
      assumptions: [{ id: 'everyHours', vars: { hours: m.everyHours, wakingHours: vocab.wakingHours, times } }],
    };
  }
  if (m.times === null || m.times === 0)
    return m.dontKnow ? { field, status: 'unknown' } : { field, status: 'unclear' };
  let times = m.times;
  const assumptions: Assumption[] = [];
  if (m.timesHigh !== null && m.timesHigh > m.times) {
    times = (m.times + m.timesHigh) / 2;
    assumptions.push({ id: 'range', vars: { low: m.times, high: m.timesHigh, middle: times } });
  }
  if (times > 48) return { field, status: 'unclear' };
  return { field, status: 'ok', value: { times: roundTo(times, 1) }, assumptions };
}

export const productsMentionSchema = z.object({ products: z.array(z.enum(PRODUCTS)).default([]) });
export type ProductsMention = z.infer<typeof productsMentionSchema>;

export function readProducts(raw: string, vocab: Vocabulary): ProductsMention {
  const text = normalizeText(raw);
  const words = wordsOf(text.replace(/\b7oh\b/g, ' sevenoh '));
  const products: Product[] = [];
  if (words.includes('sevenoh') || plainPhrases(vocab.products.sevenOh).some((p) => containsPhrase(words, p)))
    products.push('sevenOh');
  if (/\b\d+\s?x\b/.test(text) || plainPhrases(vocab.products.extract).some((p) => containsPhrase(words, p)))
    products.push('extract');
  // "extract capsules", "OPMS gold": capsules or a colour that belong to an extract line are not leaf.
  const extractCapsules = plainPhrases(vocab.products.extractCapsules).some((p) => containsPhrase(words, p));
  if (extractCapsules && !products.includes('extract')) products.push('extract');
  const leafWords = extractCapsules
    ? vocab.products.leaf.filter((p) => !['capsule', 'capsules', 'caps', 'gold'].includes(p))
    : vocab.products.leaf;
  if (leafWords.some((p) => containsPhrase(words, plainWords(p)))) products.push('leaf');
  if (products.length === 0 && /\bkratom\b/.test(text)) products.push('leaf');
  return { products: PRODUCTS.filter((p) => products.includes(p)) };
}

export function productsFromMention(m: ProductsMention): Extraction<'products'> {
  const products = PRODUCTS.filter((p) => m.products.includes(p));
  return products.length > 0
    ? { field: 'products', status: 'ok', value: { products }, assumptions: [] }
    : { field: 'products', status: 'unclear' };
}

export const substancesMentionSchema = z.object({
  dontKnow: z.boolean().default(false),
  none: z.boolean().default(false),
  substances: z.array(z.enum(SUBSTANCES)).default([]),
});
export type SubstancesMention = z.infer<typeof substancesMentionSchema>;

export function readSubstances(raw: string, vocab: Vocabulary): SubstancesMention {
  const words = wordsOf(raw);
  const found: Substance[] = SUBSTANCES.filter((s) =>
    plainPhrases(vocab.substances[s]).some((p) => containsPhrase(words, p)),
  );
  const none =
    found.length === 0 &&
    (isOneOf(raw, vocab.none) ||
      plainPhrases(vocab.none).some((p, i) => vocab.none[i].includes(' ') && containsPhrase(words, p)));
  return { substances: found, none, dontKnow: found.length === 0 && !none && saysDontKnow(raw, vocab) };
}

export function substancesFromMention(m: SubstancesMention): Extraction<'substances'> {
  const field = 'substances' as const;
  const substances = SUBSTANCES.filter((s) => m.substances.includes(s));
  if (substances.length > 0 || m.none) return { field, status: 'ok', value: { substances }, assumptions: [] };
  return m.dontKnow ? { field, status: 'unknown' } : { field, status: 'unclear' };
}

export function readYesNo(raw: string, vocab: Vocabulary): Extraction<'yesNo'> {
  const field = 'yesNo' as const;
  const said = plainWords(raw).replace(/^(?:um+|uh+|well|hmm+|oh)\s+/, '');
  const words = said.split(' ');
  const first = (list: string[]) =>
    list.some((p) => said === plainWords(p) || (words.length <= 6 && said.startsWith(`${plainWords(p)} `)));
  const yes = first(vocab.yes);
  const no = first(vocab.no);
  if (yes !== no) return { field, status: 'ok', value: { answer: yes ? 'yes' : 'no' }, assumptions: [] };
  return saysDontKnow(raw, vocab) ? { field, status: 'unknown' } : { field, status: 'unclear' };
}

export function readGoal(raw: string, vocab: Vocabulary): Extraction<'goal'> {
  const field = 'goal' as const;
  const words = wordsOf(raw);
  const stop = vocab.goals.stop.some((p) => containsPhrase(words, plainWords(p)));
  const cutDown = vocab.goals.cutDown.some((p) => containsPhrase(words, plainWords(p)));
  if (stop !== cutDown) return { field, status: 'ok', value: { goal: stop ? 'stop' : 'cutDown' }, assumptions: [] };
  // "cut down first, then quit": cutting down is the way, stopping the goal.
  if (stop && cutDown && /\b(?:then|after that|eventually|first|and later|down to zero)\b/.test(plainWords(raw)))
    return { field, status: 'ok', value: { goal: 'stop' }, assumptions: [] };
  if (stop && cutDown) return { field, status: 'unknown' };
  return saysDontKnow(raw, vocab) ? { field, status: 'unknown' } : { field, status: 'unclear' };
}

export function readZip(raw: string): Extraction<'zip'> {
  const match = /(?<!\d)(\d{5})(?:-\d{4})?(?!\d)/.exec(normalizeText(raw));
  return match
    ? { field: 'zip', status: 'ok', value: { zip: match[1] }, assumptions: [] }
    : { field: 'zip', status: 'unclear' };
}

export function readCapsuleSize(raw: string, vocab: Vocabulary): Extraction<'capsuleSize'> {
  const field = 'capsuleSize' as const;
  const text = normalizeText(raw)
    .replace(/\btriple zeros?\b/g, '000')
    .replace(/\bdouble zeros?\b/g, '00')
    .replace(/\bsingle zeros?\b|\bzero\b/g, '0');
  const mass = /(\d+(?:\.\d+)?)\s*(mg|milligrams?|g|grams?|gr)\b/.exec(text);
  if (mass) {
    const grams = mass[2].startsWith('m') ? Number(mass[1]) / 1000 : Number(mass[1]);
    if (grams > 0 && grams <= 2) return { field, status: 'ok', value: { gramsPerCapsule: grams }, assumptions: [] };
    return { field, status: 'unclear' };
  }
  const size = CAPSULE_SIZES.find((s) => new RegExp(`(?<![\\d.])${s}s?(?![\\d.])`).test(text));
  if (size) return { field, status: 'ok', value: { gramsPerCapsule: vocab.capsuleGrams[size], size }, assumptions: [] };
  return saysDontKnow(raw, vocab) ? { field, status: 'unknown' } : { field, status: 'unclear' };
}

export const earlierStopMentionSchema = z.object({
  dontKnow: z.boolean().default(false),
  tried: z.boolean().nullable().default(null),
  wentBackOnDay: z.number().finite().min(0).max(100_000).nullable().default(null),
  stillOff: z.boolean().default(false),
});
export type EarlierStopMention = z.infer<typeof earlierStopMentionSchema>;

const DAY_UNITS: Array<[RegExp, number]> = [
  [/^(?:days?|dys?|d)$/, 1],
  [/^(?:weeks?|wks?)$/, 7],
  [/^(?:months?|mos?|mths?)$/, 30],
  [/^(?:years?|yrs?)$/, 365],
];

const MAX_DAYS = 100_000;
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

export function readEarlierStop(raw: string, vocab: Vocabulary): EarlierStopMention {
  const m = earlierStopMentionSchema.parse({});
  const text = wordsToNumbers(normalizeText(raw)).replace(/(\d)([a-z])/g, '$1 $2');
  const words = plainWords(text).split(' ').filter(Boolean);
  const saysNever =
    /\b(?:never|haven'?t|have not|not yet|first (?:time|try|attempt))\b/.test(text) || /^(?:no|nope|nah)\b/.test(text);
  if (saysNever && !/\d|\b(?:days?|weeks?|months?|went back|relapsed|caved|lasted|made it)\b/.test(text)) {
    m.tried = false;
    return m;
  }
  if (/\bstill (?:off|clean|sober|stopped|not using)\b|\bhaven'?t (?:used|gone back)\b|\bstill going\b/.test(text)) {
    m.tried = true;
    m.stillOff = true;
    return m;
  }
  const dayOf = /\b(?:day|dy)\s*(\d+)\b/.exec(text);
  const ordinal = /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)) day\b/.exec(
    text,
  );
  if (dayOf) m.wentBackOnDay = Number(dayOf[1]);
  else if (ordinal) m.wentBackOnDay = ORDINALS.indexOf(ordinal[1]) + 1 || parseInt(ordinal[1], 10);
  else {
    for (let i = 0; i < words.length; i++) {
      const value =
        words[i] === 'a' || words[i] === 'an' ? 1 : /^\d+(?:\.\d+)?$/.test(words[i]) ? Number(words[i]) : undefined;
      if (value === undefined) continue;
      const unit = DAY_UNITS.find(([pattern]) => pattern.test(words[i + 1] ?? ''));
      if (unit) {
        m.wentBackOnDay = Math.round(value * unit[1]);
        break;
      }
    }
  }
  if (
    m.wentBackOnDay === null &&
    /\b(?:first|couple of|few|1st) (?:days?|morning|night)\b|\bnext day\b|\bsame day\b|\bwithin (?:a|the first|1) (?:week|few days)\b/.test(
      text,
    )
  ) {
    m.wentBackOnDay = /\bnext day\b/.test(text) ? 1 : /\bsame day\b/.test(text) ? 0 : /\bweek\b/.test(text) ? 7 : 3;
  }
  if (
    m.wentBackOnDay !== null ||
    /\b(?:yes|yeah|yep|tried|quit|stopped|relapsed|went back|caved|gave in|lasted|made it)\b/.test(text)
  )
    m.tried = true;
  if (m.tried === null && saysDontKnow(raw, vocab)) m.dontKnow = true;
  return m;
}

export function earlierStopFromMention(m: EarlierStopMention): Extraction<'earlierStop'> {
  const field = 'earlierStop' as const;
  if (m.tried === false) return { field, status: 'ok', value: { tried: false }, assumptions: [] };
  if (m.tried && m.stillOff)
    return { field, status: 'ok', value: { tried: true, outcome: 'stillOff' }, assumptions: [] };
  if (m.wentBackOnDay !== null) {
    const day = Math.round(m.wentBackOnDay);
    return day <= MAX_DAYS
      ? { field, status: 'ok', value: { tried: true, day }, assumptions: [] }
      : { field, status: 'unclear' };
  }
  if (m.tried) return { field, status: 'unclear', hint: 'howItWent' };
  return m.dontKnow ? { field, status: 'unknown' } : { field, status: 'unclear' };
}
