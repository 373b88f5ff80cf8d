import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../../src/platform/content/loader';

/**
 * The clinical texts agree with each other: one withdrawal timeline (content/en/messages/withdrawal.yaml)
 * that every other text includes instead of writing its own days, and one answer to "can't keep fluids
 * down" (care the same day, not 911; 911 is for the emergency signs).
 */
const CONTENT = join(__dirname, '../../content/en');
const content = loadContent('en');
const rawFiles = ['messages', 'explainers', 'program'].flatMap((dir) =>
  readdirSync(join(CONTENT, dir)).map((name) => ({ name: `${dir}/${name}`, text: readFileSync(join(CONTENT, dir, name), 'utf8') })),
);
/** A day or hour range written out ("days 2 to 4", "5-10 days", "24 to 72 hours"). */
const WRITTEN_RANGE = /\b(?:days?\s+\d+\s*(?:to|-|–)\s*\d+|\d+\s*(?:to|-|–)\s*\d+\s+(?:days|hours))\b/i;

describe('one withdrawal timeline', () => {
  test('the timeline keys hold the peak, the onset, the acute phase and what comes after', () => {
    expect(content.text('withdrawal.timeline.peak')).toBe('days 2 to 4');
    expect(content.text('withdrawal.timeline.onset')).toMatch(/hours/);
    expect(content.text('withdrawal.timeline.acute')).toMatch(/days/);
    expect(content.text('withdrawal.timeline.after')).toMatch(/weeks/);
  });

  test('no other content file writes its own day or hour range; they include the timeline keys', () => {
    const offenders = rawFiles.filter((f) => f.name !== 'messages/withdrawal.yaml' && WRITTEN_RANGE.test(f.text)).map((f) => `${f.name}: ${WRITTEN_RANGE.exec(f.text)![0]}`);
    expect(offenders).toEqual([]);
    const users = rawFiles.filter((f) => f.text.includes('{@withdrawal.timeline.peak}')).map((f) => f.name);
    expect(users).toEqual(expect.arrayContaining(['messages/risk.yaml', 'messages/intake.yaml', 'explainers/withdrawal-timeline.md', 'explainers/trajectory.md']));
  });

  test('the included times reach the texts people read', () => {
    const peak = content.text('withdrawal.timeline.peak');
    expect(content.explainer('withdrawal-timeline').summary).toContain(peak);
    expect(content.text('risk.reasons.highDose', { threshold: 15 })).toContain(peak);
    expect(content.text('intake.result.learnMoreText.withdrawalTimeline')).toContain(peak);
  });
});

describe('consistent care advice', () => {
  const allTexts = (): Array<[string, string]> => [
    ...content.entries(),
    ...content.explainers().flatMap((e) => [[`${e.id}.summary`, e.summary] as [string, string], ...e.sections.map((s, i) => [`${e.id}.${i}`, s.text] as [string, string])]),
    ...content.weeks().flatMap((w) => w.lesson.map((l, i) => [`week-${w.week}.${i}`, l.text] as [string, string])),
  ];

  test('"can\'t keep fluids down" always means care the same day, never 911 in the same sentence', () => {
    const sentences = allTexts().flatMap(([key, text]) => text.split(/(?<=[.!?])\s+/).map((s) => [key, s] as const));
    const fluids = sentences.filter(([, s]) => /keep (?:fluids|water) down/i.test(s));
    expect(fluids.length).toBeGreaterThanOrEqual(3);
    for (const [key, s] of fluids) {
      expect([key, s]).toEqual([key, expect.not.stringMatching(/911|emergency number/i)]);
      expect([key, s]).toEqual([key, expect.stringMatching(/same day/i)]);
    }
  });

  test('the check-in, the explainer and the safety net agree: same day for fluids, 911 for the emergency signs', () => {
    const care = content.text('withdrawal.whenToGetCare');
    expect(content.text('checkin.review.seekCare')).toContain(care);
    expect(content.explainer('withdrawal-timeline').sections.map((s) => s.text).join('\n')).toContain(care);
    expect(care).toMatch(/urgent care/);
    expect(content.text('safety.severeWithdrawal.text')).toMatch(/urgent care/);
    for (const sign of ['chest pain', 'trouble breathing', 'seizure']) {
      expect(care).toContain(sign);
      expect(content.text('safety.severeWithdrawal.danger')).toContain(sign);
    }
  });

  test('slow escalation means a harder withdrawal, never a milder one; the liver explainer names the warning signs', () => {
    expect(content.text('risk.meaning.slowEscalation')).toMatch(/harder/);
    expect(allTexts().filter(([, t]) => /\bmilder\b/i.test(t))).toEqual([]);
    const liver = content.explainer('liver-enzymes').sections.map((s) => s.text).join('\n');
    for (const sign of ['dark urine', 'yellow', 'right ribs']) expect(liver).toContain(sign);
  });

  test('the 7-OH text says what 7-OH is and how it relates to leaf', () => {
    const text = content.text('intake.result.learnMoreText.sevenOh');
    expect(text).toMatch(/compounds in kratom/);
    expect(text).toMatch(/Plain leaf has only a trace/);
  });
});
