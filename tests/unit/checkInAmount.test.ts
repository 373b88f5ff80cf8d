import { CHECKIN_UNITS, type CheckInUnit, parseCheckInAmount } from '../../src/features/checkins/amount';
import { loadContent } from '../../src/platform/content/loader';

const content = loadContent('en');
const words = Object.fromEntries(CHECKIN_UNITS.map((u) => [u, content.list(`checkin.amount.units.${u}`)])) as Record<
  CheckInUnit,
  string[]
>;

describe("check-in amounts in grams or the person's own units", () => {
  test.each([
    ['6', { grams: 6 }],
    ['6.5 g', { grams: 6.5 }],
    ['2 shots', { count: 2, unit: 'shot' }],
    ['two shots', { count: 2, unit: 'shot' }],
    ['1 shot a day', { count: 1, unit: 'shot' }],
    ['3 tablets', { count: 3, unit: 'tablet' }],
    ['about 4 tabs', { count: 4, unit: 'tablet' }],
    ['4 capsules', { count: 4, unit: 'capsule' }],
    ['1.5 shots', { count: 1.5, unit: 'shot' }],
    ['2 droppers', { count: 2, unit: 'dropper' }],
    ['2 teaspoons', undefined],
    ['lots of shots', undefined],
    ['0 shots', undefined],
    ['99 tablets', undefined],
    ['shots', undefined],
  ])('%j', (text, expected) => {
    expect(parseCheckInAmount(text, words)).toEqual(expected);
  });
});

describe('the check-in form question knows extract products by their names', () => {
  const { recognizeChoice } = jest.requireActual<typeof import('../../src/platform/nlu/choices')>(
    '../../src/platform/nlu/choices',
  );
  const options = ['leaf', 'extract', 'sevenOh', 'other'].map((id) => ({
    value: id,
    label: content.text(`checkin.form.options.${id}`),
    synonyms: content.list(`checkin.form.synonyms.${id}`),
  }));
  test.each([
    ['extract capsules', 'extract'],
    ['OPMS', 'extract'],
    ['shots', 'extract'],
    ['gummies', 'extract'],
    ['powder', 'leaf'],
    ['7oh', 'sevenOh'],
  ])('%j -> %s', (text, expected) => {
    expect(recognizeChoice(text, options)?.value).toBe(expected);
  });
});

test('a long reply is not an amount', () => {
  expect(parseCheckInAmount(`${'a'.repeat(5000)}!`, words)).toBeUndefined();
  expect(parseCheckInAmount(`2 ${'shots '.repeat(500)}`, words)).toBeUndefined();
});
