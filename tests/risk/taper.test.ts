import fc from 'fast-check';
import { loadContent } from '../../src/platform/content/loader';
import { noGramTaperText, taperText } from '../../src/features/intake/result';
import { assess, type RiskProfile, sketchTaper } from '../../src/features/risk';
import {
  FAST_STEP_DAYS,
  SLOW_STEP_DAYS,
  TAPER_MAX_STEP_SHARE,
  TAPER_STOP_AT_GRAMS,
  type TaperSketch,
} from '../../src/features/risk/taper';

const content = loadContent('en');
const grams = (amount: number) => ({ kind: 'amount' as const, amount, unit: 'g' as const });
const leaf = (changes: Partial<RiskProfile> = {}): RiskProfile => ({
  products: ['leaf'],
  currentDose: grams(8),
  monthsOfUse: 24,
  otherSubstances: [],
  ...changes,
});
const sketch = (p: RiskProfile) => sketchTaper(p, assess(p));
const amountsOf = (s: TaperSketch) => [s.startGrams, ...s.steps.map((step) => step.grams)];

describe('taper sketch: pace (clinical-facts.md: about a tenth of the current amount, weekly under a year, monthly after)', () => {
  test('each step takes about a tenth of the CURRENT amount, so the steps shrink as the amount does', () => {
    const result = sketch(leaf({ currentDose: grams(8) }))!;
    expect(result.steps.map((s) => s.grams)).toEqual([
      7.2, 6.5, 5.8, 5.2, 4.7, 4.2, 3.8, 3.4, 3.1, 2.8, 2.5, 2.2, 2, 1.8, 1.6, 1.4, 1.3, 1.2, 1.1, 1, 0,
    ]);
    const amounts = amountsOf(result);
    for (let i = 1; i < amounts.length - 1; i++) {
      const share = (amounts[i - 1] - amounts[i]) / amounts[i - 1];
      // A tenth, give or take the 0.1 g a scale shows.
      expect(Math.abs(amounts[i - 1] - amounts[i] - amounts[i - 1] * 0.1)).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(share).toBeLessThanOrEqual(TAPER_MAX_STEP_SHARE);
    }
  });

  test.each<[string, Partial<RiskProfile>, number]>([
    ['11.9 months of daily use: weekly', { monthsOfUse: 11.9 }, FAST_STEP_DAYS],
    ['3 months: weekly', { monthsOfUse: 3 }, FAST_STEP_DAYS],
    ['12 months: every four weeks', { monthsOfUse: 12 }, SLOW_STEP_DAYS],
    ['6 years: every four weeks', { monthsOfUse: 72 }, SLOW_STEP_DAYS],
    ['"less than 6 months": weekly', { monthsOfUse: undefined, durationBand: 'under6Months' }, FAST_STEP_DAYS],
    [
      '"6 months or more" may be years: every four weeks',
      { monthsOfUse: undefined, durationBand: 'atLeast6Months' },
      SLOW_STEP_DAYS,
    ],
    ['unknown: the careful pace', { monthsOfUse: undefined }, SLOW_STEP_DAYS],
  ])('%s', (_name, changes, stepDays) => {
    const result = sketch(leaf(changes))!;
    expect(result.stepDays).toBe(stepDays);
    expect(result.steps.map((s) => s.startDay)).toEqual(result.steps.map((_s, i) => i * stepDays));
  });

  test('the 10-15 g tier gets a sketch framed for the prescriber; 15 g and above gets none', () => {
    expect(sketch(leaf({ currentDose: grams(9.9) }))!.framing).toBe('self');
    expect(sketch(leaf({ currentDose: grams(10) }))!.framing).toBe('forPrescriber');
    expect(sketch(leaf({ currentDose: grams(14.9) }))!.framing).toBe('forPrescriber');
    expect(sketch(leaf({ currentDose: grams(15) }))).toBeUndefined();
  });

  test('never for extracts, 7-OH, other breathing-slowing substances, pregnancy, under 18 or an unknown amount', () => {
    expect(sketch(leaf({ products: ['leaf', 'extract'] }))).toBeUndefined();
    expect(sketch(leaf({ products: ['extract'], currentDose: grams(1) }))).toBeUndefined();
    expect(sketch(leaf({ products: ['sevenOh'] }))).toBeUndefined();
    expect(sketch(leaf({ otherSubstances: ['alcohol'] }))).toBeUndefined();
    expect(sketch(leaf({ pregnant: true }))).toBeUndefined();
    expect(sketch(leaf({ underEighteen: true }))).toBeUndefined();
    expect(sketch(leaf({ underEighteen: true, currentDose: grams(12) }))).toBeUndefined();
    expect(sketch(leaf({ currentDose: { kind: 'band', band: 'under10' } }))).toBeUndefined();
    expect(sketch(leaf({ currentDose: { kind: 'amount', amount: 3, unit: 'shot' } }))).toBeUndefined();
  });

  test('extracts and 7-OH get "leaf first, with a prescriber" instead of grams', () => {
    expect(noGramTaperText(content, leaf({ products: ['leaf', 'extract'] }))).toBe(
      content.text('intake.taper.noGramPlan.extract'),
    );
    expect(noGramTaperText(content, leaf({ products: ['extract', 'sevenOh'] }))).toBe(
      content.text('intake.taper.noGramPlan.sevenOh'),
    );
    expect(noGramTaperText(content, leaf())).toBeUndefined();
    expect(content.text('intake.taper.noGramPlan.extract')).toMatch(/plain leaf/);
    expect(content.text('intake.taper.noGramPlan.extract')).toMatch(/prescriber/);
  });
});

describe('taper sketch: largest step and label, for any amount and any length of use', () => {
  const anySketch = fc
    .tuple(
      fc.double({ min: 0.1, max: 14.99, noNaN: true }),
      fc.option(fc.double({ min: 0, max: 600, noNaN: true }), { nil: undefined }),
    )
    .map(([amount, months]) => sketch(leaf({ currentDose: grams(amount), monthsOfUse: months }))!);

  test('steps go down and end at zero; no step cuts more than a quarter of the current amount, except the stop from about 1 g', () => {
    fc.assert(
      fc.property(anySketch, (result) => {
        expect(result).toBeDefined();
        const amounts = amountsOf(result);
        for (let i = 1; i < amounts.length; i++) {
          expect(amounts[i]).toBeLessThan(amounts[i - 1]);
          if (amounts[i] > 0)
            expect(amounts[i - 1] - amounts[i]).toBeLessThanOrEqual(amounts[i - 1] * TAPER_MAX_STEP_SHARE + 1e-9);
          else expect(amounts[i - 1]).toBeLessThanOrEqual(TAPER_STOP_AT_GRAMS);
        }
        expect(amounts[amounts.length - 1]).toBe(0);
      }),
    );
  });

  test('the label above the sketch states its real length, and the sketch says a hold is always fine', () => {
    fc.assert(
      fc.property(anySketch, (result) => {
        const text = taperText(content, result);
        const lines = text.split('\n');
        const stopWeek = result.steps[result.steps.length - 1].startDay / 7 + 1;
        expect(result.weeksToStop).toBe(stopWeek - 1);
        const label = lines[1];
        expect(label).toBe(
          content.text('intake.taper.label', {
            pace: content.text(result.stepDays === 7 ? 'intake.taper.paceWeekly' : 'intake.taper.paceMonthly'),
            weeks: result.weeksToStop,
          }),
        );
        // The last line before the hold is the stop, in the week the label promised.
        expect(lines[lines.length - 2]).toBe(content.text('intake.taper.stopFrom', { week: stopWeek }));
        expect(lines[lines.length - 1]).toBe(content.text('intake.taper.hold'));
        expect(text).not.toMatch(/week or two|short taper/i);
      }),
    );
  });
});
