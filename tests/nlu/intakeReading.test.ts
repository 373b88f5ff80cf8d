import { amountFromMention, readAmount } from '../../src/features/intake/reader/amount';
import { looksLikeAmount, numberIsNotADose } from '../../src/features/intake/reader/answerShape';
import { productsFromMention, readGoal, readProducts } from '../../src/features/intake/reader/choices';
import { loadVocabulary } from '../../src/features/intake/reader/vocabulary';
import { loadContent } from '../../src/platform/content/loader';

const vocab = loadVocabulary('en');
const content = loadContent('en');
const grams = (text: string) => {
  const read = amountFromMention(readAmount(text, vocab), vocab);
  return read.status === 'ok' ? read.value.amount : undefined;
};

describe('intake reading', () => {
  test.each([
    ['3 doses of 5 g', 15],
    ['5g x3', 15],
    ['three 5 gram doses', 15],
    ['2 servings of 4 grams', 8],
  ])('a multiplied dose: "%s" is %i g a day', (text, expected) => {
    expect(grams(text)).toBe(expected);
  });

  test('a stated gram figure beats an estimate in the same sentence', () => {
    expect(grams('a teaspoon, like 3 grams')).toBe(3);
  });

  test('"cut down first, then quit" is a goal to stop', () => {
    expect(readGoal('cut down first, then quit', vocab)).toMatchObject({ status: 'ok', value: { goal: 'stop' } });
    expect(readGoal('i want to cut down', vocab)).toMatchObject({ status: 'ok', value: { goal: 'cutDown' } });
  });

  test.each([
    ['opms gold capsules', ['extract']],
    ['extract capsules', ['extract']],
    ['powder and extract shots', ['leaf', 'extract']],
    ['plain capsules', ['leaf']],
  ])('products: "%s"', (text, expected) => {
    expect(readProducts(text, vocab).products).toEqual(expected);
  });

  test('kava and unknown product names are not guessed as a product', () => {
    expect(productsFromMention(readProducts('kava', vocab)).status).not.toBe('ok');
    expect(productsFromMention(readProducts('blue magic', vocab)).status).not.toBe('ok');
  });

  test.each(["I'm 17", 'been using for 17 years', 'day 2 and shaky', 'im 45 years old'])(
    '"%s" is a number but not a dose',
    (text) => {
      expect(numberIsNotADose(text, vocab, content)).toBe(true);
    },
  );

  test.each(['about 15 g', '5 a day', '3 teaspoons'])('"%s" is a dose', (text) => {
    expect(numberIsNotADose(text, vocab, content)).toBe(false);
  });

  test.each([
    'about 15 g',
    'like 5 g?',
    '3 doses of 5 g',
    'two shots',
    'a couple of shots',
    'shots, maybe two',
    'half a teaspoon',
  ])('"%s" is shaped like an amount', (text) => {
    expect(looksLikeAmount(text, vocab, content)).toBe(true);
  });

  test.each([
    "i'm only on 3g a day, can i just stop?",
    'cold turkey from 40 grams is that crazy',
    'about 15 g, is that a lot? what helps',
    'how much is 3 grams',
  ])('"%s" asks something, so it is not taken as an amount', (text) => {
    expect(looksLikeAmount(text, vocab, content)).toBe(false);
  });

  test.each([
    'need a plan to get off shots',
    'forget the question, i need a plan to get off shots',
    'help me come off the capsules',
  ])('"%s" names a unit but no amount of it, so it is a request, not an amount', (text) => {
    expect(looksLikeAmount(text, vocab, content)).toBe(false);
  });
});
