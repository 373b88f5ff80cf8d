import { matchesPhrase, normalize, recognizeChoice } from '../../src/platform/nlu/choices';

const options = [
  { value: 'support', label: 'Get support now', synonyms: ['hotline', 'resources'] },
  { value: 'about', label: 'What is Steady?', synonyms: ['about'] },
];

describe('recognizeChoice', () => {
  test.each([
    ['Get support now', 'support'],
    ['get SUPPORT now!', 'support'],
    ['1', 'support'],
    ['1.', 'support'],
    ['two', 'about'],
    ['hotline', 'support'],
    ['what is steady', 'about'],
    ['I want to get support now please', 'support'],
  ])('%s -> %s', (reply, value) => {
    expect(recognizeChoice(reply, options)?.value).toBe(value);
  });

  test.each([[''], ['   '], ['3'], ['0'], ['banana'], ['about resources']])('%j is not recognized', (reply) => {
    expect(recognizeChoice(reply, options)).toBeUndefined();
  });
});

describe('matchesPhrase', () => {
  test('matches the whole message only', () => {
    expect(matchesPhrase('Help!', ['help'])).toBe(true);
    expect(matchesPhrase('my doctor cannot help', ['help'])).toBe(false);
    expect(normalize('  Start   OVER ')).toBe('start over');
  });
});
