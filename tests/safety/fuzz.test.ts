import fc from 'fast-check';
import { detectDanger } from '../../src/features/safety/detect';
import { type CautionModel, SafetyNet } from '../../src/features/safety/SafetyNet';
import { DANGER_KINDS } from '../../src/features/safety/types';
import { corpus } from './corpus';
import { holdout } from './holdout';

const KINDS = new Set<string>([...DANGER_KINDS, 'none']);
const explicit = [...corpus, ...holdout].filter((e) => e.style === 'explicit');

/** Ways people (or keyboards) change a message without changing what it says. */
const disguise = fc.oneof(
  fc.constant((s: string) => s.toUpperCase()),
  fc.constant((s: string) => s.toLowerCase()),
  fc.constant((s: string) => `${s}!!!`),
  fc.constant((s: string) => `${s} ...`),
  fc.constant((s: string) => `  ${s}\n`),
  fc.constant((s: string) => s.replace(/'/g, '\u2019')),
  fc.constant((s: string) => s.replace(/ /g, '  ')),
  fc.constant((s: string) => s.replace(/([aeiou])/, '$1$1$1$1')),
  fc.constant((s: string) => s.replace(/([a-z])([a-z])/, '$1\u200B$2')),
  fc.constant((s: string) => s.replace(/e/g, '\u0435')),
  fc.constant((s: string) => `day 3 here. ${s}`),
  fc.constant((s: string) => `${s}. sorry for the long message`),
  fc.constant((s: string) => `ugh\n${s}\nthanks for listening`),
);

describe('detectDanger under generated input (fast-check)', () => {
  test('any string at all: never throws, always a known kind, same answer twice', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.string({ unit: 'grapheme', maxLength: 300 }),
          fc.string({ maxLength: 300 }),
        ),
        (text) => {
          const first = detectDanger(text);
          expect(KINDS.has(first.kind)).toBe(true);
          expect(first.kinds[0] ?? 'none').toBe(first.kind);
          expect(detectDanger(text)).toEqual(first);
        },
      ),
      { numRuns: 1500 },
    );
  });

  test('long messages up to the 4000-character limit are handled', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 3000, maxLength: 4000 }), (text) => {
        expect(KINDS.has(detectDanger(text).kind)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  test('an explicit statement stays found however it is dressed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...explicit),
        fc.array(disguise, { minLength: 1, maxLength: 3 }),
        (entry, changes) => {
          const dressed = changes.reduce((text, change) => change(text), entry.text);
          expect(detectDanger(dressed).kind).toBe(entry.kind);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('an explicit statement inside other words is still found', () => {
    const chatter = fc.constantFrom('ok so', 'honestly', 'i need to say something.', 'idk anymore.', 'ugh,', '');
    fc.assert(
      fc.property(
        chatter,
        fc.constantFrom(...explicit.filter((e) => e.kind !== 'ambiguous')),
        chatter,
        (before, entry, after) => {
          expect(detectDanger(`${before} ${entry.text}. ${after}`).kinds).toContain(entry.kind);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the caution model can only add caution', () => {
  test('whatever the model says or does, what the lexicon found stands; it can only turn "none" into the check question', async () => {
    const texts = fc.oneof(
      fc.constantFrom(...[...corpus, ...holdout].map((e) => e.text)),
      fc.string({ maxLength: 80 }),
    );
    const behaviour = fc.constantFrom<'yes' | 'no' | 'throws' | 'junk'>('yes', 'no', 'throws', 'junk');
    await fc.assert(
      fc.asyncProperty(texts, behaviour, async (text, act) => {
        const model: CautionModel = {
          name: 'fake',
          concerned: async () => {
            if (act === 'throws') throw new Error('model error');
            return (act === 'junk' ? 'maybe' : act === 'yes') as boolean;
          },
        };
        const rules = detectDanger(text);
        const assessed = await new SafetyNet({ model }).assess(text);
        if (rules.kind !== 'none') expect(assessed).toEqual(rules);
        else expect(assessed.kind).toBe(act === 'yes' ? 'ambiguous' : 'none');
      }),
      { numRuns: 800 },
    );
  });
});
