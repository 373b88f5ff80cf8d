import { CLASSIFIER, CLASSIFIER_VERSION, featureSet, HEADS } from '../../src/features/safety/classifier';
import { DETECTOR_VERSION, detectDanger, normalizedClauses } from '../../src/features/safety/detect';
import { loadSplit } from './eval/corpus';

const dev = loadSplit('dev');

describe('the safety classifier (statistical layer)', () => {
  test('is versioned, and the detector version names this generation', () => {
    expect(CLASSIFIER_VERSION).toMatch(/^clf-\d+\.\d+\.\d+$/);
    expect(DETECTOR_VERSION).toBe('safety-4.3.0');
    expect(CLASSIFIER.model.features.length).toBeGreaterThan(100);
    expect(CLASSIFIER.model.features.length).toBeLessThanOrEqual(3000); // pruned to 1500 a head: the file stays small
  });

  test('the run-time lookup finds exactly the model features that training would extract', () => {
    const index = new Map(CLASSIFIER.model.features.map((f, i) => [f, i]));
    for (const m of dev.slice(0, 300)) {
      const clauses = normalizedClauses(m.text);
      const expected = [...featureSet(clauses)]
        .flatMap((f) => (index.has(f) ? [index.get(f)!] : []))
        .sort((a, b) => a - b);
      const viaScore = new Set<number>();
      // top ids are a subset of the present features; check the full set through a zero-threshold view
      const present = (CLASSIFIER as unknown as { present(c: readonly string[]): Set<number> }).present(clauses);
      for (const i of present) viaScore.add(i);
      expect([...viaScore].sort((a, b) => a - b)).toEqual(expected);
    }
  });

  test('is deterministic: the same message gives the same scores', () => {
    for (const m of dev.slice(0, 50)) {
      const a = CLASSIFIER.score(normalizedClauses(m.text));
      const b = CLASSIFIER.score(normalizedClauses(m.text));
      for (const head of HEADS) expect(a[head].probability).toBe(b[head].probability);
    }
  });

  test('only raises: every rule result is kept, and the classifier only adds kinds', () => {
    for (const m of dev) {
      const rules = detectDanger(m.text, { classifier: false });
      const both = detectDanger(m.text);
      for (const kind of rules.kinds) expect(both.kinds).toContain(kind);
      for (const signal of rules.signals) expect(both.signals).toContain(signal);
    }
  });

  test('what fired is recorded as feature ids, never as text', () => {
    const fired = dev.flatMap((m) => detectDanger(m.text).signals.filter((s) => s.startsWith('clf.')));
    expect(fired.length).toBeGreaterThan(0);
    for (const signal of fired) expect(signal).toMatch(/^clf\.(?:selfRisk|emergency):f\d+(?:\+f\d+){0,2}$/);
  });

  test('raises dev messages the rules alone leave unanswered, into the question or 911', () => {
    const raised = dev.filter(
      (m) => detectDanger(m.text, { classifier: false }).kind === 'none' && detectDanger(m.text).kind !== 'none',
    );
    expect(raised.length).toBeGreaterThanOrEqual(5);
    for (const m of raised) expect(['ambiguous', 'medical']).toContain(detectDanger(m.text).kind);
  });

  // The classifier may not raise on what the rules' cancellers explain.
  test.each([
    'my doctor asked if i ever want to die, i said no im safe',
    'years ago i overdosed, im doing well now',
    'goodbye kratom, last capsule tonight',
    'ok thanks, bye',
    'i am not going to hurt myself',
    "i'm gonna die if i don't get my coffee",
  ])('stays quiet on explained words: %j', (message) => {
    expect(detectDanger(message).kind).toBe('none');
  });

  // Found when the intake test met the classifier: an apology or a short everyday reply at a question
  // was sent to the safety question.
  test.each([
    'sorry',
    'sorry, I started with 2 grams',
    'oops sorry 15 g',
    'sorry i put the wrong amount in earlier',
    'i need to sleep',
    'going to bed tonight',
    'i live alone',
    'just myself',
  ])('stays quiet on short everyday replies: %j', (message) => {
    expect(detectDanger(message).kind).toBe('none');
  });
});
