import { z } from 'zod';
import type { Product } from '../../risk/profile';
import type { Assumption, Extraction } from './schemas';
import { containsPhrase, isOneOf, normalizeText, roundTo, sameWord, wordsToNumbers } from './text';
import { CAPSULE_SIZES, UNIT_IDS, type UnitId, type Vocabulary } from './vocabulary';

/**
 * What an amount answer says, before any conversion. The rule-based reader and the optional model
 * both produce this; `amountFromMention` then applies the conversions, so both paths convert alike.
 */
export const amountMentionSchema = z.object({
  dontKnow: z.boolean().default(false),
  quantity: z.number().finite().min(0).max(100_000).nullable(),
  quantityHigh: z.number().finite().min(0).max(100_000).nullable().default(null),
  unit: z.enum(UNIT_IDS).nullable().default(null),
  heaping: z.boolean().default(false),
  capsuleSize: z.enum(CAPSULE_SIZES).nullable().default(null),
  gramsPerCapsule: z.number().positive().max(2).nullable().default(null),
  period: z.enum(['day', 'week', 'month']).default('day'),
  timesPerDay: z.number().positive().max(48).nullable().default(null),
  perDose: z.boolean().default(false),
  everyHours: z.number().positive().max(24).nullable().default(null),
  summedParts: z.array(z.number()).nullable().default(null),
  mentionsExtract: z.boolean().default(false),
  mentionsSevenOh: z.boolean().default(false),
});
export type AmountMention = z.infer<typeof amountMentionSchema>;

/** Words people put in front of an amount that do not change it. */
const LEAD_IN =
  /^(?:(?:no|nope|nah|actually|sorry|wait|oops|hmm|um|uh|well|ok|okay|so|correction|i meant|i mean|make that|change that to|change it to|its|it is|it was|i take|i took|i use|i used|i do|i did|i was taking|i was doing|i started with|i started at|started with|started at|now|right now|currently|these days|usually|normally|probably|about|around|roughly|approximately|approx|like|maybe|somewhere around|close to|nearly|almost|just under|just over|over|under|more like|at least|at most|prob|abt|~)[\s,:.!-]*)+/;
const FILLERS = new Set([
  'level',
  'heaping',
  'heaped',
  'rounded',
  'big',
  'small',
  'full',
  'generous',
  'of',
  'kratom',
  'powder',
  'plain',
  'leaf',
  'extract',
  'size',
  'or',
  'so',
  'the',
  'my',
  'red',
  'green',
  'white',
  'gold',
  'yellow',
  'maeng',
  'da',
  'bali',
  'capsule',
  'capsules',
]);
const DAILY_MARKER = /^(?:a|per|each|every|\/)$/;

function unitOf(word: string | undefined, vocab: Vocabulary): UnitId | undefined {
  if (!word) return undefined;
  return UNIT_IDS.find((unit) => vocab.units[unit].some((known) => sameWord(word, known)));
}

const extractWordCache = new WeakMap<Vocabulary, RegExp[]>();

/** Extract words that are not also units ("shot" is a unit), as whole-word patterns. */
function extractWords(vocab: Vocabulary): RegExp[] {
  let patterns = extractWordCache.get(vocab);
  if (!patterns) {
    patterns = vocab.products.extract
      .filter((p) => !/^\d/.test(p) && !unitOf(p, vocab))
      .map((p) => new RegExp(`\\b${p}\\b`));
    extractWordCache.set(vocab, patterns);
  }
  return patterns;
}

/** Measures people guess with; a weighed gram figure next to one wins. A capsule of 0.5 g is a size, not a correction. */
const ESTIMATE_UNITS = new Set(['teaspoon', 'tablespoon', 'spoon', 'scoop', 'cup']);

/**
 * Reads an amount, then two things the first pass misses: a multiplied dose ("3 doses of 5 g",
 * "5g x3", "three 5 gram doses" = 5 g three times a day) and a gram figure stated beside an estimate
 * ("a teaspoon, like 3 grams" = 3 g: what they weighed beats what they guessed).
 */
export function readAmount(raw: string, vocab: Vocabulary): AmountMention {
  const mention = readAmountOnce(raw, vocab);
  const t = wordsToNumbers(normalizeText(raw));
  const grams = [...t.matchAll(/(\d+(?:\.\d+)?)\s*(?:g|gr|grams?|gram)\b/g)].map((m) => Number(m[1]));
  if (
    grams.length === 1 &&
    ESTIMATE_UNITS.has(mention.unit ?? '') &&
    !/\bof\s*\d+(?:\.\d+)?\s*(?:g|gr|grams?)\b/.test(t)
  ) {
    mention.quantity = grams[0];
    mention.quantityHigh = null;
    mention.unit = 'gram';
  }
  const multiplied =
    /\b(\d+)\s*(?:doses|servings|times|scoops|rounds)\s*(?:of|at)\s*(\d+(?:\.\d+)?)\s*(?:g|gr|grams?)\b/.exec(t) ??
    /\b(\d+)\s*(?:x\s*)?(\d+(?:\.\d+)?)\s*(?:g|gr|grams?)\s*(?:doses|servings)\b/.exec(t);
  const times = /\b(\d+(?:\.\d+)?)\s*(?:g|gr|grams?)\s*(?:x|times)\s*(\d+)\b/.exec(t);
  const perDose = multiplied
    ? { each: Number(multiplied[2]), n: Number(multiplied[1]) }
    : times
      ? { each: Number(times[1]), n: Number(times[2]) }
      : undefined;
  if (perDose && perDose.n >= 1 && perDose.n <= 24) {
    mention.quantity = perDose.each;
    mention.quantityHigh = null;
    mention.unit = 'gram';
    mention.timesPerDay = perDose.n;
    mention.perDose = true;
    mention.summedParts = null;
  }
  return mention;
}

/** Reads an amount answer into a mention; never throws. */
function readAmountOnce(raw: string, vocab: Vocabulary): AmountMention {
  const mention: AmountMention = amountMentionSchema.parse({ quantity: null });
  let frequencyGiven = false;
  const normalized = normalizeText(raw)
    .replace(/\btriple zeros?\b/g, '000')
    .replace(/\bdouble zeros?\b/g, '00')
    .replace(/\bsingle zeros?\b/g, 'size 0');
  const saidDontKnow =
    isOneOf(normalized, vocab.dontKnow) || vocab.dontKnow.some((p) => containsPhrase(normalized.split(' '), p));
  let t = wordsToNumbers(normalized).replace(LEAD_IN, '').trim();

  if (/\b7oh\b/.test(t)) mention.mentionsSevenOh = true;
  t = t.replace(/\b7oh\b/g, ' ');
  t = t.replace(/\b(\d+)\s?x\b(?!\s*(?:a|per|each|every)\s*day|\s*daily|\s*times)/g, (m, n: string) => {
    if (Number(n) < 5) return m;
    mention.mentionsExtract = true;
    return ' ';
  });
  if (extractWords(vocab).some((p) => p.test(t))) mention.mentionsExtract = true;

  t = t.replace(
    /(?:\bsize\s*(000|00|0)\b|\b(000|00)s?\b|\b(0)\s*(?=size\b|caps?\b|capsules?\b))/g,
    (_m, a?: string, b?: string, c?: string) => {
      mention.capsuleSize = (a ?? b ?? c) as AmountMention['capsuleSize'];
      return ' ';
    },
  );
  t = t.replace(
    /(\d)\s*(mg|g|gr|grams?|milligrams?)\s*(?:each|per (?:cap|capsule|pill)|a (?:cap|capsule|pill)|(?=caps?\b|capsules?\b|pills?\b))/g,
    (m, n: string, unit: string) => {
      const grams = unit.startsWith('m') ? Number(n) / 1000 : Number(n);
      if (grams <= 0 || grams > 2) return m;
      mention.gramsPerCapsule = grams;
      return ' ';
    },
  );
  t = t.replace(
    /\b(?:caps?|capsules?|pills?)\s*(?:of|with|at|,)?\s*(\d+(?:\.\d+)?)\s*(mg|milligrams?|g|grams?)\b/g,
    (m, n: string, unit: string) => {
      const grams = unit.startsWith('m') ? Number(n) / 1000 : Number(n);
      if (grams <= 0 || grams > 2) return m;
      mention.gramsPerCapsule = grams;
      return ' capsules ';
    },
  );

  t = t.replace(
    /\bevery (\d+(?:\.\d+)?)(?:\s*(?:-|to)\s*(\d+(?:\.\d+)?))? ?(?:hours?|hrs?|h)\b/g,
    (_m, a: string, b?: string) => {
      mention.everyHours = b ? (Number(a) + Number(b)) / 2 : Number(a);
      frequencyGiven = true;
      return ' ';
    },
  );
  t = t.replace(
    /\b(?:in|split into|over|across|spread over)\s*(\d+)\s*(?:doses|servings|goes|sittings|parts|times)\b/g,
    (_m, n: string) => {
      mention.timesPerDay = Number(n);
      return ' ';
    },
  );
  t = t.replace(
    /\b(\d+(?:\.\d+)?)(?:\s*(?:-|to|or)\s*(\d+(?:\.\d+)?))?\s*(?:x|times)\b(?:\s*(?:a|per|each|every)\s*day|\s*daily)?/g,
    (_m, a: string, b?: string) => {
      mention.timesPerDay = b ? (Number(a) + Number(b)) / 2 : Number(a);
      frequencyGiven = true;
      return ' ';
    },
  );
  if (/\bmorning and (?:at )?night\b|\bmorning and evening\b|\bam and pm\b/.test(t) && mention.timesPerDay === null) {
    mention.timesPerDay = 2;
    frequencyGiven = true;
  }
  const explicitPerDose = /\beach (?:time|dose)\b|\bper (?:dose|serving)\b|\ba dose\b|\beach serving\b/.test(t);

  if (/\b(?:a|per|each|every|\/)\s*(?:week|wk)\b|\bweekly\b/.test(t)) mention.period = 'week';
  else if (/\b(?:a|per|each|every|\/)\s*(?:month|mo)\b|\bmonthly\b/.test(t)) mention.period = 'month';

  const words = t
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/[^a-z0-9.\-+ ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  mention.heaping = vocab.heaping.some((h) => words.includes(h));

  const found: Array<{ low: number; high?: number; unit?: UnitId; index: number; end: number }> = [];
  for (let i = 0; i < words.length; i++) {
    let low: number | undefined;
    let high: number | undefined;
    let next = i + 1;
    const joined = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(words[i]);
    if (joined) {
      low = Number(joined[1]);
      high = Number(joined[2]);
    } else if (/^\d+(?:\.\d+)?$/.test(words[i])) {
      low = Number(words[i]);
      if (['-', 'to', 'or'].includes(words[i + 1]) && /^\d+(?:\.\d+)?$/.test(words[i + 2] ?? '')) {
        high = Number(words[i + 2]);
        next = i + 3;
      } else if (words[i - 1] === 'between' && words[i + 1] === 'and' && /^\d+(?:\.\d+)?$/.test(words[i + 2] ?? '')) {
        high = Number(words[i + 2]);
        next = i + 3;
      }
    } else if ((words[i] === 'a' || words[i] === 'an') && !DAILY_MARKER.test(words[i - 1] ?? '')) {
      let k = i + 1;
      while (FILLERS.has(words[k]) && !unitOf(words[k], vocab)) k++;
      if (unitOf(words[k], vocab)) low = 1;
    }
    if (low === undefined) continue;
    let k = next;
    while (k < words.length && k < next + 3 && FILLERS.has(words[k]) && !unitOf(words[k], vocab)) k++;
    const unit = unitOf(words[k], vocab);
    found.push({
      low,
      high: high !== undefined && high > low ? high : undefined,
      unit,
      index: i,
      end: unit ? k + 1 : next,
    });
    i = unit ? k : next - 1;
  }

  for (let i = 1; i < found.length; i++)
    if (!found[i].unit && found[i - 1].unit && found[i].high === undefined) found[i].unit = found[i - 1].unit;
  const withUnit = found.filter((f) => f.unit);
  const chosen = withUnit[0] ?? found[0];
  if (chosen) {
    mention.quantity = chosen.low;
    mention.quantityHigh = chosen.high ?? null;
    mention.unit = chosen.unit ?? null;
    const sameUnit = withUnit.filter((f) => f.unit === chosen.unit && f.high === undefined);
    const partsOfDay =
      ['morning', 'afternoon', 'evening', 'night', 'lunch', 'bedtime'].filter((p) => words.includes(p)).length >= 2;
    if (chosen.high === undefined && sameUnit.length > 1 && (partsOfDay || /\b(?:and|plus|then)\b|\+/.test(t))) {
      mention.summedParts = sameUnit.map((f) => f.low);
      mention.quantity = roundTo(
        sameUnit.reduce((sum, f) => sum + f.low, 0),
        2,
      );
    }
    const after = words.slice(chosen.end, chosen.end + 2).join(' ');
    const dailyAfter = /^(?:(?:a|per|each|every) day|daily|day)\b/.test(after);
    mention.perDose = explicitPerDose || (frequencyGiven && !dailyAfter && !mention.summedParts);
  } else if (containsPhrase(words, 'capsules') || words.some((w) => unitOf(w, vocab) === 'capsule')) {
    mention.unit = 'capsule';
  }
  if (mention.quantity === null) {
    const fallbackUnit = words.map((w) => unitOf(w, vocab)).find((u) => u === 'scoop' || u === 'cup');
    if (fallbackUnit) mention.unit = fallbackUnit;
    if (saidDontKnow) mention.dontKnow = true;
  }
  return mention;
}

export interface AmountContext {
  gramsPerCapsule?: number;
}

const MAX_GRAMS_A_DAY = 300;
/** The capsule count the capsule-size question accepts (its schema's limit). */
const MAX_CAPSULES_A_DAY = 1000;
const PERIOD_DAYS = { day: 1, week: 7, month: 30 } as const;

/** Applies the stated conversions to a mention. Every conversion used is returned as an assumption. */
export function amountFromMention(
  m: AmountMention,
  vocab: Vocabulary,
  context: AmountContext = {},
): Extraction<'amount'> {
  const field = 'amount' as const;
  if (m.quantity === null) {
    if (m.unit === 'scoop') return { field, status: 'unclear', hint: 'scoop' };
    if (m.unit === 'cup') return { field, status: 'unclear', hint: 'tea' };
    return m.dontKnow ? { field, status: 'unknown' } : { field, status: 'unclear' };
  }
  if (m.unit === 'scoop') return { field, status: 'unclear', hint: 'scoop' };
  if (m.unit === 'cup') return { field, status: 'unclear', hint: 'tea' };

  const assumptions: Assumption[] = [];
  const adds: Product[] = [];
  if (m.mentionsExtract || m.unit === 'shot' || m.unit === 'dropper') adds.push('extract');
  if (m.mentionsSevenOh) adds.push('sevenOh');

  let quantity = m.quantity;
  if (m.quantityHigh !== null && m.quantityHigh > m.quantity) {
    quantity = (m.quantity + m.quantityHigh) / 2;
    assumptions.push({ id: 'range', vars: { low: m.quantity, high: m.quantityHigh, middle: roundTo(quantity, 2) } });
  }
  if (m.summedParts && m.summedParts.length > 1)
    assumptions.push({ id: 'summed', vars: { parts: m.summedParts.join(' + ') } });

  let times = m.timesPerDay ?? undefined;
  if (m.everyHours && !times) {
    times = Math.max(1, Math.round(vocab.wakingHours / m.everyHours));
    assumptions.push({ id: 'everyHours', vars: { hours: m.everyHours, wakingHours: vocab.wakingHours, times } });
  }
  let perDay = quantity;
  if (times && m.perDose && m.period === 'day') {
    perDay = quantity * times;
    assumptions.push({ id: 'perDose', vars: { each: roundTo(quantity, 2), times } });
  }
  if (m.period !== 'day') {
    perDay = perDay / PERIOD_DAYS[m.period];
    assumptions.push({ id: m.period === 'week' ? 'perWeek' : 'perMonth', vars: {} });
  }

  const g = vocab.gramsPer;
  let grams: number | undefined;
  let unit: 'g' | 'shot' | 'tablet' | 'dropper' = 'g';
  let gramsPerCapsule: number | undefined;
  switch (m.unit) {
    case 'gram':
      grams = perDay;
      break;
    case 'milligram':
      grams = perDay / 1000;
      break;
    case 'kilogram':
      grams = perDay * g.kilogram;
      break;
    case 'ounce':
      grams = perDay * g.ounce;
      assumptions.unshift({ id: 'ounce', vars: { grams: g.ounce } });
      break;
    case 'teaspoon':
    case 'spoon':
      grams = perDay * (m.heaping ? g.heapingTeaspoon : g.teaspoon);
      assumptions.unshift({
        id: m.heaping ? 'heapingTeaspoon' : 'teaspoon',
        vars: { grams: m.heaping ? g.heapingTeaspoon : g.teaspoon },
      });
      if (m.unit === 'spoon') assumptions.unshift({ id: 'spoonAsTeaspoon', vars: {} });
      break;
    case 'tablespoon':
      grams = perDay * (m.heaping ? g.heapingTablespoon : g.tablespoon);
      assumptions.unshift({
        id: m.heaping ? 'heapingTablespoon' : 'tablespoon',
        vars: { grams: m.heaping ? g.heapingTablespoon : g.tablespoon },
      });
      break;
    case 'capsule': {
      const size = m.capsuleSize ?? undefined;
      gramsPerCapsule = m.gramsPerCapsule ?? (size ? vocab.capsuleGrams[size] : context.gramsPerCapsule);
      if (gramsPerCapsule === undefined) {
        // "2019 caps" is more likely a year than a count: ask again rather than ask the capsule size.
        if (perDay > MAX_CAPSULES_A_DAY) return { field, status: 'unclear', hint: 'tooLarge' };
        return {
          field,
          status: 'needsCapsuleSize',
          count: roundTo(perDay, 2) || 1,
          ...(times ? { timesPerDay: times } : {}),
          adds,
        };
      }
      grams = perDay * gramsPerCapsule;
      if (!m.gramsPerCapsule)
        assumptions.unshift({
          id: 'capsule',
          vars: size ? { size, grams: gramsPerCapsule } : { size: '', grams: gramsPerCapsule },
        });
      break;
    }
    case 'shot':
    case 'tablet':
    case 'dropper':
      unit = m.unit;
      break;
    default:
      if (perDay > MAX_GRAMS_A_DAY) return { field, status: 'unclear', hint: 'unit' };
      grams = perDay;
      assumptions.push({ id: 'assumedGrams', vars: {} });
  }
  const amount = roundTo(grams ?? perDay, 1);
  if (unit === 'g' && amount > MAX_GRAMS_A_DAY) return { field, status: 'unclear', hint: 'tooLarge' };
  if (unit !== 'g' && amount > 200) return { field, status: 'unclear', hint: 'tooLarge' };
  return {
    field,
    status: 'ok',
    value: {
      amount,
      unit,
      ...(times ? { timesPerDay: times } : {}),
      ...(gramsPerCapsule ? { gramsPerCapsule } : {}),
      adds,
    },
    assumptions,
  };
}
