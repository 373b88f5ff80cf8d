import { loadContent } from '../../src/platform/content/loader';
import { checkReading, formatReadingReport } from '../../src/platform/content/readingCheck';
import { fleschKincaidGrade, measure, READING_RULES, sentencesOf, syllablesInToken, syllablesInWord, wordsOf } from '../../src/platform/content/readability';

/** Words with their dictionary syllable counts, chosen to exercise each rule (silent e, -es, -ed, -le, vowel pairs, -ing). */
const SYLLABLES: Record<string, number> = {
  the: 1, cat: 1, make: 1, makes: 1, made: 1, time: 1, times: 1, tolerance: 3, receptor: 3, receptors: 3, withdrawal: 3, kratom: 2,
  liver: 2, enzyme: 2, enzymes: 2, medicine: 3, medicines: 3, prescriber: 3, doctor: 2, change: 1, changes: 2, dose: 1, doses: 2,
  wanted: 2, needed: 2, helped: 1, used: 1, uses: 2, using: 2, tried: 1, tries: 1, trying: 2, doing: 2, going: 2, seeing: 2,
  saying: 2, playing: 2, people: 2, simple: 2, little: 2, table: 2, settled: 2, cycles: 2, while: 1, whole: 1, smile: 1, period: 3,
  serious: 3, various: 3, previous: 3, obvious: 3, anxious: 2, precious: 2, question: 2, action: 2, decision: 3, actual: 3,
  usual: 3, gradual: 3, quality: 3, language: 2, fluent: 2, quiet: 2, diet: 2, anxiety: 4, variety: 4, society: 4, safely: 2,
  lonely: 2, hopeful: 2, useful: 2, careful: 2, movement: 2, statement: 2, something: 2, sometimes: 2, someone: 2, before: 2,
  because: 2, everyone: 3, every: 2, different: 3, family: 3, energy: 3, craving: 2, cravings: 2, trigger: 2, triggers: 2,
  routine: 2, routines: 2, sleep: 1, support: 2, program: 2, week: 1, lesson: 2, practice: 2, reflection: 3, exercise: 3,
  extract: 2, extracts: 2, strain: 1, rotation: 3, rotate: 2, potent: 2, opioid: 3, opioids: 3, effect: 2, effects: 2,
  shrinking: 2, trajectory: 4, predicts: 2, phase: 1, phases: 2, month: 1, body: 2, brain: 1, stronger: 2, slowly: 2, taper: 2,
  tapering: 3, relapse: 2, lapse: 1, stress: 1, reasons: 2, choose: 1, choosing: 2, through: 1, honest: 2, private: 2,
  meetings: 2, breathe: 1, seizure: 2, emergency: 4, naturally: 4, normal: 2, feeling: 2, automated: 4, appointment: 3,
  honestly: 3, probably: 3, likely: 2, million: 2, opinion: 3, onion: 2, radio: 3, create: 2, area: 3, being: 2, idea: 3,
  continue: 3, continuing: 4, issue: 2, issues: 2, value: 2, values: 2, alcohol: 3, mechanism: 4, clonidine: 3,
  buprenorphine: 4, mitragynine: 4, hydroxy: 3, concentrated: 4, capsule: 2, capsules: 2, powder: 2, resin: 2, tincture: 2,
  quickly: 2, balance: 2, natural: 3, whatever: 3, chemical: 3,
};

describe('syllables', () => {
  test.each(Object.entries(SYLLABLES))('%s has %i', (word, count) => {
    expect(syllablesInWord(word)).toBe(count);
  });

  test('tokens: numbers read as one short word, short capitals letter by letter, case and punctuation ignored', () => {
    expect(syllablesInToken('1-800-662-4357')).toBe(4);
    expect(syllablesInToken('988')).toBe(1);
    expect(syllablesInToken('FDA')).toBe(3);
    expect(syllablesInToken('7-OH')).toBe(3);
    expect(syllablesInToken('"Tolerance,"')).toBe(3);
    expect(syllablesInToken('findtreatment.gov')).toBe(4);
    expect(syllablesInToken('—')).toBe(0);
  });
});

describe('sentences and words', () => {
  test('sentences end at . ! ? before a space, at line breaks, and list markers are not words', () => {
    expect(sentencesOf('One here. Two here! Three? Four')).toEqual(['One here.', 'Two here!', 'Three?', 'Four']);
    expect(sentencesOf('Do this:\n1. Write it down.\n- Read it back')).toEqual(['Do this:', 'Write it down.', 'Read it back']);
    expect(sentencesOf('Search findtreatment.gov or call 1-800-662-4357.')).toHaveLength(1);
    expect(sentencesOf('Try: "I want to stop." Then wait.')).toEqual(['Try: "I want to stop."', 'Then wait.']);
  });

  test('words are tokens with a letter or digit', () => {
    expect(wordsOf('Okay — back to the start.')).toEqual(['Okay', 'back', 'to', 'the', 'start.']);
  });
});

describe('Flesch-Kincaid grade', () => {
  test('the formula', () => {
    expect(fleschKincaidGrade(100, 5, 150)).toBeCloseTo(0.39 * 20 + 11.8 * 1.5 - 15.59, 10);
  });

  test('plain text grades low, dense text grades high, and very short texts are not graded', () => {
    const plain = measure('The cat sat on the mat. It was warm there. Then the cat went to sleep in the sun.');
    expect(plain.grade).toBeLessThan(3);
    const dense = measure(
      'Pharmacokinetic adaptation characterized by cytochrome induction substantially accelerates elimination, ' +
        'consequently necessitating progressively escalating administration frequencies.',
    );
    expect(dense.grade).toBeGreaterThan(READING_RULES.maxGrade);
    expect(measure('Understand my tolerance').grade).toBeUndefined();
    expect(measure('Understand my tolerance').longestSentence).toBe(3);
  });

  test('placeholders count as one short word', () => {
    expect(measure('Week {week}: {title}')).toMatchObject({ words: 3, syllables: 3 });
  });
});

describe('the reading-level check over every user-facing text (npm run content:check)', () => {
  const report = checkReading(loadContent('en'));

  test('covers messages, explainers and program weeks', () => {
    const kinds = new Set(report.rows.map((row) => row.id.split(':')[0]));
    expect(kinds).toEqual(new Set(['messages', 'explainer', 'program']));
    expect(report.rows.some((row) => row.id === 'messages:welcome.greeting')).toBe(true);
    expect(report.rows.some((row) => row.id === 'explainer:seven-oh.sections.3')).toBe(true);
    expect(report.rows.some((row) => row.id === 'program:week-12.reflection.3')).toBe(true);
  });

  test('every text is at grade 8 or below with no sentence over 25 words', () => {
    expect(report.failures.map((row) => `${row.id}: ${row.problems.join('; ')}`)).toEqual([]);
    expect(report.maxGrade).toBeLessThanOrEqual(READING_RULES.maxGrade);
    expect(report.graded).toBeGreaterThan(100);
  });

  test('the printed table names each text and ends with the mean and max grade', () => {
    const table = formatReadingReport(report);
    expect(table.split('\n').filter((line) => /\t(ok|FAIL)/.test(line))).toHaveLength(report.rows.length);
    expect(table).toMatch(/Flesch-Kincaid grade: mean \d+\.\d\d, max \d+\.\d\d/);
    expect(table).toContain('Every text passes.');
  });

  test('a text that breaks a rule is reported as a failure', () => {
    const content = loadContent('en');
    const longSentence = `${'word '.repeat(26).trim()}.`;
    jest.spyOn(content, 'entries').mockReturnValue([['test.long', longSentence]]);
    const failing = checkReading(content);
    expect(failing.failures.map((row) => row.problems)).toContainEqual(['sentence of 26 words > 25']);
  });
});
