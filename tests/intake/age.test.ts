import { readAge } from '../../src/features/intake/age';

describe('reading an answer to "Are you under 18?" given as an age or in words', () => {
  test.each([
    ['16', 'under18'],
    ["I'm 16", 'under18'],
    ['17 years old', 'under18'],
    ['im 15 yo', 'under18'],
    ["I'm under 18", 'under18'],
    ['a teenager', 'under18'],
    ["I'm still in high school", 'under18'],
    ['18', 'adult'],
    ["no, I'm 34", 'adult'],
    ['over 18', 'adult'],
    ['18 or older', 'adult'],
    ["I'm an adult", 'adult'],
    ["I'm not under 18", 'adult'],
    ['not an adult', 'under18'],
    ['yes', undefined],
    ['no', undefined],
    ['maybe', undefined],
    ['between 16 and 20', undefined],
    ['3', undefined],
  ])('%j -> %s', (text, expected) => {
    expect(readAge(text)).toBe(expected);
  });
});
