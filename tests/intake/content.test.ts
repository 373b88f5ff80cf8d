import { loadContent } from '../../src/platform/content/loader';
import { QUESTION_IDS } from '../../src/features/intake/answers';
import { QUESTIONS } from '../../src/features/intake/questions';
import { topicKey } from '../../src/features/intake/result';
import { ASSUMPTION_IDS } from '../../src/features/intake/reader/schemas';

const content = loadContent('en');
const MY_AREAS = ['intake.', 'risk.', 'resources.'];

function sentencesOf(text: string): string[][] {
  return text
    .replace(/\{\w+\}/g, 'ten')
    .split(/(?<=[.!?:])\s+|\n/)
    .map((s) => s.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)))
    .filter((words) => words.length > 0);
}

function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length <= 3) return 1;
  const groups = w
    .replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '')
    .replace(/^y/, '')
    .match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups?.length ?? 1);
}

describe('intake, risk and resources content', () => {
  const mine = content.entries().filter(([key]) => MY_AREAS.some((area) => key.startsWith(area)));

  test('every question has its prompt, re-ask and button labels, and every answer has a review label', () => {
    for (const id of QUESTION_IDS) {
      expect(content.has(`intake.review.labels.${id}`)).toBe(true);
      if (id !== 'zip') expect(content.has(`intake.prescriber.lines.${id}`)).toBe(true);
      const spec = QUESTIONS[id];
      if (spec.kind !== 'choice') continue;
      expect(content.has(`intake.questions.${id}.prompt`) && content.has(`intake.questions.${id}.retry`)).toBe(true);
      for (const value of spec.choices) expect(content.has(`intake.questions.${id}.choices.${value}`)).toBe(true);
    }
  });

  test('every assumption the extractor can make is said back in words', () => {
    for (const id of ASSUMPTION_IDS) expect(content.has(`intake.assumptions.${id}`)).toBe(true);
  });

  test('every explainer link has a label and a short answer', () => {
    for (const topic of [
      'seven-oh',
      'extracts',
      'trajectory',
      'withdrawal-timeline',
      'strain-rotation',
      'prescriber',
      'tolerance-basics',
    ]) {
      expect(
        content.has(`intake.result.learnMore.${topicKey(topic)}`) &&
          content.has(`intake.result.learnMoreText.${topicKey(topic)}`),
      ).toBe(true);
    }
  });

  test('plain language: no sentence over 25 words, and each area reads at grade 8 or lower (Flesch-Kincaid)', () => {
    for (const [key, text] of mine) {
      for (const words of sentencesOf(text))
        expect({ key, words: words.length }).toEqual({ key, words: Math.min(words.length, 25) });
    }
    for (const area of MY_AREAS) {
      const sentences = mine.filter(([key]) => key.startsWith(area)).flatMap(([, text]) => sentencesOf(text));
      const words = sentences.flat();
      const grade =
        (0.39 * words.length) / sentences.length +
        (11.8 * words.reduce((n, w) => n + syllables(w), 0)) / words.length -
        15.59;
      expect(grade).toBeLessThanOrEqual(8);
    }
  });

  test('no medicine dose anywhere in these texts', () => {
    for (const [, text] of mine)
      expect(text).not.toMatch(
        /\b\d+(?:\.\d+)?\s*(?:mg|mcg|milligrams?)\b.*\b(?:buprenorphine|clonidine|suboxone|methadone)\b|\b(?:buprenorphine|clonidine|suboxone|methadone)\b.*\b\d+(?:\.\d+)?\s*(?:mg|mcg)\b/i,
      );
  });
});
