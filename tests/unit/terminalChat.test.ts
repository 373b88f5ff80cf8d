import { forTerminal, isLeaveWord, wrap } from '../../src/cli/chat';

describe('terminal chat', () => {
  test('"exit" and "quit" leave, in any case; a sentence with the word does not', () => {
    for (const word of ['exit', 'quit', 'Exit', 'QUIT', 'quit.', ' bye ']) expect(isLeaveWord(word)).toBe(true);
    expect(isLeaveWord('i want to quit kratom')).toBe(false);
  });

  test('lines wrap at word boundaries and no line is wider than asked', () => {
    const text =
      'Switching strains does not reset tolerance. All strains act on the same places in your brain.\nSecond line.';
    const wrapped = wrap(text, 30);
    for (const line of wrapped.split('\n')) expect(line.length).toBeLessThanOrEqual(30);
    expect(wrapped.replace(/\n/g, ' ')).toBe(text.replace(/\n/g, ' '));
    expect(wrapped.split(/\s+/)).toEqual(text.split(/\s+/)); // never inside a word
  });

  test('"tap" becomes "type the number" for a terminal', () => {
    expect(forTerminal('Or tap a button or type its number.')).toBe('Or type the number of your choice.');
    expect(forTerminal('Tap "Looks right", or "Change an answer".')).toBe('Type "Looks right", or "Change an answer".');
    expect(forTerminal('No taps here: tapering is fine.')).toBe('No taps here: tapering is fine.');
  });
});
