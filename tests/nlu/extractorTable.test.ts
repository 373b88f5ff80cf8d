import { extractWithRules } from '../../src/features/intake/reader/extractor';
import type { ExtractField, Extraction } from '../../src/features/intake/reader/schemas';
import { loadVocabulary } from '../../src/features/intake/reader/vocabulary';

/**
 * Real-world phrasings and what the rule-based extractor must read from them.
 * Expected: an object (status ok: the value must match it, `assume` lists the assumption ids said back),
 * 'unknown', 'unclear', { unclear: hint } or { capsules: count } (it must ask the capsule size).
 */
type Expected =
  | 'unknown'
  | 'unclear'
  | { unclear: string }
  | { capsules: number }
  | (Record<string, unknown> & { assume?: string[] });

const vocab = loadVocabulary('en');
const NOW = '2026-12-01T15:00:00.000Z';
const g = (amount: number, extra: Record<string, unknown> = {}) => ({ amount, unit: 'g', ...extra });

export const TABLE: Array<[ExtractField, string, Expected]> = [
  // amounts: units, conversions said back, numbers as words, ranges, typos, corrections
  ['amount', '3 grams', g(3, { assume: [] })],
  ['amount', '3g', g(3)],
  ['amount', '15 g', g(15)],
  ['amount', '12g a day', g(12)],
  ['amount', 'about 2 teaspoons', g(5, { assume: ['teaspoon'] })],
  ['amount', '2 tsp', g(5, { assume: ['teaspoon'] })],
  ['amount', 'two teaspoons', g(5)],
  ['amount', '2 heaping teaspoons', g(7, { assume: ['heapingTeaspoon'] })],
  ['amount', 'a tablespoon', g(7.5, { assume: ['tablespoon'] })],
  ['amount', '1 tbsp in the morning and 1 tbsp at night', g(15, { assume: ['tablespoon', 'summed'] })],
  ['amount', '7 grams in the morning, 7 at night', g(14, { assume: ['summed'] })],
  ['amount', '6 capsules', { capsules: 6 }],
  ['amount', '4 capsuls', { capsules: 4 }],
  ['amount', 'like 10 caps', { capsules: 10 }],
  ['amount', '6 00 capsules', g(3, { assume: ['capsule'] })],
  ['amount', '6 caps (size 00)', g(3, { assume: ['capsule'] })],
  ['amount', '10 size 0 caps', g(4, { assume: ['capsule'] })],
  ['amount', '8 double zero capsules', g(4)],
  ['amount', '8 capsules, 500mg each', g(4, { assume: [] })],
  ['amount', '5 caps of 0.5g', g(2.5, { assume: [] })],
  ['amount', 'two shots a day', { amount: 2, unit: 'shot', adds: ['extract'] }],
  ['amount', '1 shot', { amount: 1, unit: 'shot', adds: ['extract'] }],
  ['amount', 'half a bottle of extract', { amount: 0.5, unit: 'shot', adds: ['extract'] }],
  ['amount', '3 tablets of 7-OH', { amount: 3, unit: 'tablet', adds: ['sevenOh'] }],
  ['amount', '2 droppers of tincture', { amount: 2, unit: 'dropper', adds: ['extract'] }],
  ['amount', '10x extract, 2 grams', g(2, { adds: ['extract'] })],
  ['amount', '10-12 g', g(11, { assume: ['range'] })],
  ['amount', '10 to 12 grams', g(11, { assume: ['range'] })],
  ['amount', 'between 10 and 12 g', g(11, { assume: ['range'] })],
  ['amount', '10 or 12 grams', g(11)],
  ['amount', '12,5 g', g(12.5)],
  ['amount', '12.5 grams', g(12.5)],
  ['amount', 'fifteen grams', g(15)],
  ['amount', 'twenty-five grams', g(25)],
  ['amount', 'thirty grams daily', g(30)],
  ['amount', 'two and a half teaspoons', g(6.3, { assume: ['teaspoon'] })],
  ['amount', 'half a teaspoon', g(1.3)],
  ['amount', 'a couple of grams', g(2)],
  ['amount', '2 spoons', g(5, { assume: ['spoonAsTeaspoon', 'teaspoon'] })],
  ['amount', '5g 3 times a day', g(15, { timesPerDay: 3, assume: ['perDose'] })],
  ['amount', '5 grams three times a day', g(15, { timesPerDay: 3 })],
  ['amount', '4g twice a day', g(8, { timesPerDay: 2 })],
  ['amount', '3g 4x a day', g(12, { timesPerDay: 4 })],
  ['amount', 'about 15 g a day in 3 doses', g(15, { timesPerDay: 3, assume: [] })],
  ['amount', '15g a day, 3 times', g(15, { timesPerDay: 3 })],
  ['amount', '3g every 4 hours', g(12, { timesPerDay: 4, assume: ['everyHours', 'perDose'] })],
  ['amount', 'a kilo a month', g(33.3, { assume: ['perMonth'] })],
  ['amount', '250g a week', g(35.7, { assume: ['perWeek'] })],
  ['amount', 'an ounce a week', g(4, { assume: ['ounce', 'perWeek'] })],
  ['amount', '500mg', g(0.5)],
  ['amount', '12 grms', g(12)],
  ['amount', '12 gramms', g(12)],
  ['amount', '3 teaspons', g(7.5)],
  ['amount', '3 teapsoons', g(7.5)],
  ['amount', "actually it's 12 g", g(12)],
  ['amount', 'no, 12 g', g(12)],
  ['amount', 'sorry I meant 9g', g(9)],
  ['amount', '15', g(15, { assume: ['assumedGrams'] })],
  ['amount', 'around 20 g', g(20)],
  ['amount', '~8g', g(8)],
  ['amount', 'I take about 6 grams', g(6)],
  ['amount', 'Probably 2-3 tsp', g(6.3, { assume: ['teaspoon', 'range'] })],
  ['amount', '0', g(0)],
  ['amount', 'dunno', 'unknown'],
  ['amount', 'no idea honestly', 'unknown'],
  ['amount', 'idk', 'unknown'],
  ['amount', 'a scoop', { unclear: 'scoop' }],
  ['amount', '2 scoops', { unclear: 'scoop' }],
  ['amount', '3 cups of tea', { unclear: 'tea' }],
  ['amount', 'lots', 'unclear'],
  ['amount', '', 'unclear'],
  ['amount', '5000', { unclear: 'unit' }],
  ['amount', '400 g', { unclear: 'tooLarge' }],
  // when they started
  ['duration', 'since March', { months: 9 }],
  ['duration', 'since march 2024', { months: 33 }],
  ['duration', 'started in May', { months: 7 }],
  ['duration', 'since jan', { months: 11 }],
  ['duration', 'since Sept 2025', { months: 15 }],
  ['duration', 'a year and a half', { months: 18 }],
  ['duration', 'about a year and a half ago', { months: 18 }],
  ['duration', '1.5 years', { months: 18 }],
  ['duration', '18 months', { months: 18 }],
  ['duration', '2 years', { months: 24 }],
  ['duration', 'two years ago', { months: 24 }],
  ['duration', 'about 3 yrs', { months: 36 }],
  ['duration', '3 yeras', { months: 36 }],
  ['duration', '6 months', { months: 6 }],
  ['duration', '5 months ago', { months: 5 }],
  ['duration', 'six weeks', { months: 1.4 }],
  ['duration', 'a couple of years', { months: 24 }],
  ['duration', 'a few months', { months: 3 }],
  ['duration', 'since 2020', { months: 77 }],
  ['duration', 'in 2022', { months: 53 }],
  ['duration', 'since covid', { months: 81 }],
  ['duration', 'half a year', { months: 6 }],
  ['duration', '2 years and 3 months', { months: 27 }],
  ['duration', '2-3 years', { months: 30 }],
  ['duration', 'since last summer', { months: 5 }],
  ['duration', 'last year', { months: 12 }],
  ['duration', 'less than 6 months', { months: 4.8, assume: ['lessThan'] }],
  ['duration', 'about a decade', { months: 120 }],
  ['duration', 'dunno', 'unknown'],
  ['duration', 'no clue', 'unknown'],
  ['duration', '6', { unclear: 'unit' }],
  ['duration', 'a long time', 'unclear'],
  // how many times a day
  ['timesPerDay', '3', { times: 3 }],
  ['timesPerDay', 'three times', { times: 3 }],
  ['timesPerDay', '3x', { times: 3 }],
  ['timesPerDay', 'twice a day', { times: 2 }],
  ['timesPerDay', 'once', { times: 1 }],
  ['timesPerDay', '2-3 times', { times: 2.5, assume: ['range'] }],
  ['timesPerDay', '4 or 5', { times: 4.5 }],
  ['timesPerDay', 'every 4 hours', { times: 4, assume: ['everyHours'] }],
  ['timesPerDay', 'morning and night', { times: 2 }],
  ['timesPerDay', 'morning, noon and night', { times: 3 }],
  ['timesPerDay', 'all day long', 'unclear'],
  ['timesPerDay', 'not sure', 'unknown'],
  // products
  ['products', 'powder', { products: ['leaf'] }],
  ['products', 'capsules', { products: ['leaf'] }],
  ['products', 'plain leaf, red bali mostly', { products: ['leaf'] }],
  ['products', 'kratom shots', { products: ['extract'] }],
  ['products', 'mostly powder but sometimes a shot', { products: ['leaf', 'extract'] }],
  ['products', '7-OH tablets', { products: ['sevenOh'] }],
  ['products', '7oh', { products: ['sevenOh'] }],
  ['products', 'tea', { products: ['leaf'] }],
  ['products', 'extrct', { products: ['extract'] }],
  ['products', '10x', { products: ['extract'] }],
  ['products', 'tinctures', { products: ['extract'] }],
  ['products', 'just regular kratom', { products: ['leaf'] }],
  ['products', 'leaf and 7 hydroxy', { products: ['leaf', 'sevenOh'] }],
  ['products', 'stuff', 'unclear'],
  // other substances that slow breathing
  ['substances', 'none', { substances: [] }],
  ['substances', 'no', { substances: [] }],
  ['substances', 'just kratom', { substances: [] }],
  ['substances', 'nope nothing else', { substances: [] }],
  ['substances', 'beer on weekends', { substances: ['alcohol'] }],
  ['substances', 'xanax', { substances: ['benzodiazepines'] }],
  ['substances', 'klonopin at night', { substances: ['benzodiazepines'] }],
  ['substances', 'gabapentin and a few beers', { substances: ['alcohol', 'gabapentinoids'] }],
  ['substances', "I'm on suboxone", { substances: ['opioids'] }],
  ['substances', 'percocet for my back', { substances: ['opioids'] }],
  ['substances', 'lyrica', { substances: ['gabapentinoids'] }],
  ['substances', 'dunno', 'unknown'],
  ['substances', 'weed', 'unclear'],
  // yes or no
  ['yesNo', 'yes', { answer: 'yes' }],
  ['yesNo', 'yep', { answer: 'yes' }],
  ['yesNo', 'Yes I do', { answer: 'yes' }],
  ['yesNo', 'yeah sometimes', { answer: 'yes' }],
  ['yesNo', 'nah', { answer: 'no' }],
  ['yesNo', "no I don't", { answer: 'no' }],
  ['yesNo', 'not sure', 'unknown'],
  ['yesNo', 'purple', 'unclear'],
  // earlier attempts to stop
  ['earlierStop', 'no, never', { tried: false }],
  ['earlierStop', 'never tried', { tried: false }],
  ['earlierStop', 'this is my first time', { tried: false }],
  ['earlierStop', 'I went back on day 3', { tried: true, day: 3 }],
  ['earlierStop', 'made it 2 days', { tried: true, day: 2 }],
  ['earlierStop', 'lasted about a week', { tried: true, day: 7 }],
  ['earlierStop', 'yes, relapsed after 2 weeks', { tried: true, day: 14 }],
  ['earlierStop', 'quit for 3 months last year', { tried: true, day: 90 }],
  ['earlierStop', 'caved on the second day', { tried: true, day: 2 }],
  ['earlierStop', 'cold turkey, went back the next day', { tried: true, day: 1 }],
  ['earlierStop', "I'm still off it", { tried: true, outcome: 'stillOff' }],
  ['earlierStop', 'yes a few times', { unclear: 'howItWent' }],
  ['earlierStop', 'dunno', 'unknown'],
  // goal
  ['goal', 'stop', { goal: 'stop' }],
  ['goal', 'quit for good', { goal: 'stop' }],
  ['goal', 'taper off completely', { goal: 'stop' }],
  ['goal', 'cut down', { goal: 'cutDown' }],
  ['goal', 'use less', { goal: 'cutDown' }],
  ['goal', 'not sure yet', 'unknown'],
  ['goal', 'banana', 'unclear'],
  // ZIP code
  ['zip', '90210', { zip: '90210' }],
  ['zip', 'my zip is 10001', { zip: '10001' }],
  ['zip', '10001-1234', { zip: '10001' }],
  ['zip', '1234', 'unclear'],
  // capsule size
  ['capsuleSize', '00', { gramsPerCapsule: 0.5, size: '00' }],
  ['capsuleSize', 'double zero', { gramsPerCapsule: 0.5 }],
  ['capsuleSize', '0', { gramsPerCapsule: 0.4, size: '0' }],
  ['capsuleSize', '000', { gramsPerCapsule: 0.75 }],
  ['capsuleSize', '500mg', { gramsPerCapsule: 0.5 }],
  ['capsuleSize', "they're 00s", { gramsPerCapsule: 0.5 }],
  ['capsuleSize', 'not sure', 'unknown'],
];

function check(actual: Extraction, expected: Expected): void {
  if (expected === 'unknown' || expected === 'unclear') {
    expect(actual.status).toBe(expected);
    return;
  }
  if ('unclear' in expected) {
    expect(actual).toMatchObject({ status: 'unclear', hint: expected.unclear });
    return;
  }
  if ('capsules' in expected) {
    expect(actual).toMatchObject({ status: 'needsCapsuleSize', count: expected.capsules });
    return;
  }
  const { assume, ...value } = expected;
  expect(actual.status).toBe('ok');
  if (actual.status !== 'ok') return;
  expect(actual.value).toMatchObject(value);
  if (assume) expect(actual.assumptions.map((a) => a.id)).toEqual(assume);
}

describe('rule-based extractor: real-world phrasings', () => {
  test('the table has at least 100 rows', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(100);
  });

  test.each(TABLE)('%s: %j', (field, text, expected) => {
    check(extractWithRules({ field, text, now: NOW }, vocab), expected);
  });

  test('a capsule size given earlier is used again, and said back', () => {
    const result = extractWithRules({ field: 'amount', text: '6 capsules', now: NOW, gramsPerCapsule: 0.5 }, vocab);
    expect(result).toMatchObject({ status: 'ok', value: { amount: 3, unit: 'g' }, assumptions: [{ id: 'capsule' }] });
  });
});
