import { inTheirVoice, speaksOfAnother } from '../../src/features/safety/voice';

describe('voice: another person told in the third person, read in their own voice', () => {
  const cases: Array<[string, string]> = [
    ['she hopes she does not wake up', 'i hope i do not wake up'],
    ['my dad says he is going to hurt himself', 'my dad says i am going to hurt myself'],
    ['he took all of his pills', 'i took all of my pills'],
    // "her" before a noun is "my"; otherwise, with no "i" in the clause, "me".
    ['she wants a bus to hit her', 'i want a bus to hit me'],
    ['she took her extract', 'i took my extract'],
    // Where the person speaks as "i", "him" and "her" stay who they act on.
    ['i want to take her on a trip', 'i want to take her on a trip'],
    // "they" and "them" are often the pills: left alone.
    ['they are in the drawer', 'they are in the drawer'],
  ];
  test.each(cases)('%j -> %j', (clause, expected) => {
    expect(inTheirVoice(clause)).toBe(expected);
  });

  test('only clauses about another person are turned', () => {
    expect(speaksOfAnother('i am so tired today')).toBe(false);
    expect(speaksOfAnother('my brother says he is done')).toBe(true);
  });
});
