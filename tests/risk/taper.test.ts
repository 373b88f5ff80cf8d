import fc from 'fast-check';
import { assess, type RiskProfile, sketchTaper } from '../../src/risk';

const grams = (amount: number) => ({ kind: 'amount' as const, amount, unit: 'g' as const });
const leaf = (changes: Partial<RiskProfile> = {}): RiskProfile => ({ products: ['leaf'], currentDose: grams(8), monthsOfUse: 12, otherSubstances: [], ...changes });
const sketch = (p: RiskProfile) => sketchTaper(p, assess(p));

describe('taper sketch', () => {
  test('leaf-only below the line: about 10% of the start per step, every two weeks after 6 months or more', () => {
    const result = sketch(leaf({ currentDose: grams(8), monthsOfUse: 24 }))!;
    expect(result.framing).toBe('self');
    expect(result.stepDays).toBe(14);
    expect(result.steps.map((s) => s.grams)).toEqual([7, 6.5, 5.5, 5, 4, 3, 2.5, 1.5, 1, 0]);
    expect(result.steps.map((s) => s.startDay)).toEqual([0, 14, 28, 42, 56, 70, 84, 98, 112, 126]);
  });

  test('weekly steps when escalation took under 6 months', () => {
    expect(sketch(leaf({ monthsOfUse: 5.9 }))!.stepDays).toBe(7);
    expect(sketch(leaf({ monthsOfUse: 6 }))!.stepDays).toBe(14);
    expect(sketch(leaf({ monthsOfUse: undefined, durationBand: 'under6Months' }))!.stepDays).toBe(7);
    expect(sketch(leaf({ monthsOfUse: undefined }))!.stepDays).toBe(14);
  });

  test('the 10-15 g tier gets a sketch framed for the prescriber; 15 g and above gets none', () => {
    expect(sketch(leaf({ currentDose: grams(9.9) }))!.framing).toBe('self');
    expect(sketch(leaf({ currentDose: grams(10) }))!.framing).toBe('forPrescriber');
    expect(sketch(leaf({ currentDose: grams(14.9) }))!.framing).toBe('forPrescriber');
    expect(sketch(leaf({ currentDose: grams(15) }))).toBeUndefined();
  });

  test('never for extracts, 7-OH, other breathing-slowing substances, pregnancy or an unknown amount', () => {
    expect(sketch(leaf({ products: ['leaf', 'extract'] }))).toBeUndefined();
    expect(sketch(leaf({ products: ['extract'], currentDose: grams(1) }))).toBeUndefined();
    expect(sketch(leaf({ products: ['sevenOh'] }))).toBeUndefined();
    expect(sketch(leaf({ otherSubstances: ['alcohol'] }))).toBeUndefined();
    expect(sketch(leaf({ pregnant: true }))).toBeUndefined();
    expect(sketch(leaf({ currentDose: { kind: 'band', band: 'under10' } }))).toBeUndefined();
    expect(sketch(leaf({ currentDose: { kind: 'amount', amount: 3, unit: 'shot' } }))).toBeUndefined();
  });

  test('any leaf-only amount: steps go down, end at zero, never cut more than a fifth of the start at once', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 9.99, noNaN: true }), fc.double({ min: 0, max: 600, noNaN: true }), (amount, months) => {
        const result = sketch(leaf({ currentDose: grams(amount), monthsOfUse: months }))!;
        expect(result).toBeDefined();
        const amounts = [result.startGrams, ...result.steps.map((s) => s.grams)];
        for (let i = 1; i < amounts.length; i++) {
          expect(amounts[i]).toBeLessThan(amounts[i - 1]);
          expect(amounts[i - 1] - amounts[i]).toBeLessThanOrEqual(Math.max(0.5, result.startGrams * 0.2) + 1e-9);
        }
        expect(amounts[amounts.length - 1]).toBe(0);
        expect(result.steps.length).toBeLessThanOrEqual(10);
      }),
    );
  });
});
