import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPLAINER_TOPIC_IDS, ContentError } from '../../src/platform/content/Content';
import { loadContent } from '../../src/platform/content/loader';
import { CONTENT_DIR } from '../../src/platform/paths';
import { makeTempDir } from '../support/app';

const FIXTURES = join(__dirname, '..', 'fixtures');
const content = loadContent('en');

function loadError(root: string): ContentError {
  try {
    loadContent('en', root);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error(`content in ${root} loaded without an error`);
}

describe('the content library (content/en)', () => {
  test('every messages, explainer and program file validates and is loaded', () => {
    const files = (kind: string) => readdirSync(join(CONTENT_DIR, 'en', kind));
    expect(content.explainers().map((t) => `${t.id}.md`).sort()).toEqual(files('explainers').sort());
    expect(content.weeks().map((w) => `week-${String(w.week).padStart(2, '0')}.yaml`)).toEqual(files('program').sort());
    for (const file of files('messages')) expect(content.entries().some(([key]) => key.startsWith(`${file.replace('.yaml', '')}.`))).toBe(true);
  });

  test('all ten linked topic ids exist, each with a short answer and "tell me more" depth', () => {
    expect(content.explainers().map((t) => t.id)).toEqual([...EXPLAINER_TOPIC_IDS]);
    for (const id of EXPLAINER_TOPIC_IDS) {
      const topic = content.explainer(id);
      expect(topic.sections.length).toBeGreaterThanOrEqual(2);
      expect(topic.questions.length).toBeGreaterThanOrEqual(3);
      for (const related of topic.related) expect(() => content.explainer(related)).not.toThrow();
    }
  });

  test('twelve weeks, each with a lesson in steps, one practice, reflection questions and check-in items', () => {
    expect(content.weeks()).toHaveLength(12);
    const checkInIds = new Set<string>();
    content.weeks().forEach((week, i) => {
      expect(week.week).toBe(i + 1);
      expect(week.lesson.length).toBeGreaterThanOrEqual(3);
      expect(week.practice.text.length).toBeGreaterThan(0);
      expect(week.reflection.length).toBeGreaterThanOrEqual(2);
      expect(week.checkIn.length).toBeGreaterThanOrEqual(1);
      week.checkIn.forEach((item) => checkInIds.add(item.id));
    });
    expect(checkInIds.size).toBe(content.weeks().reduce((n, w) => n + w.checkIn.length, 0));
  });

  test('no text suggests a medicine dose', () => {
    const everything = JSON.stringify([content.entries(), content.explainers(), content.weeks()]);
    expect(everything).not.toMatch(/\b\d+(\.\d+)?\s*(mg|mcg|milligrams?|micrograms?|ml)\b/i);
  });

  test('lookups of unknown topics and weeks fail loudly', () => {
    expect(() => content.explainer('nope')).toThrow(/Unknown explainer topic: nope/);
    expect(() => content.week(13)).toThrow(/Unknown program week: 13/);
  });
});

describe('a broken content file stops loading, naming the file, the field and the problem', () => {
  test('an explainer with a misspelled field', () => {
    const error = loadError(join(FIXTURES, 'content-broken-explainer'));
    expect(error.file).toBe(join('en', 'explainers', 'receptors.md'));
    expect(error.message).toMatch(/en\/explainers\/receptors\.md at title: .*expected string/);
  });

  test('a program week with a wrong type', () => {
    const error = loadError(join(FIXTURES, 'content-broken-week'));
    expect(error.file).toBe(join('en', 'program', 'week-01.yaml'));
    expect(error.field).toBe('lesson.1');
  });

  test('a lesson linking to an explainer that does not exist', () => {
    const error = loadError(join(FIXTURES, 'content-broken-link'));
    expect(error.message).toBe('Content error in en/program/week-01.yaml at lesson.1.topic: no explainer has the id "no-such-topic"');
  });

  test.each([
    ['explainers/x.md', 'no front matter here', /explainers\/x\.md at \(root\): must start with YAML front matter/],
    ['explainers/x.md', '---\nid: y\norder: 1\ntitle: T\nsummary: S\nkeywords: [k]\nquestions: [q]\n---\n## A\nText.', /x\.md at id: must match the file name/],
    ['explainers/x.md', '---\nid: x\norder: 1\ntitle: T\nsummary: S\nkeywords: [k]\nquestions: [q]\n---\nNo sections.', /x\.md at body: text before the first/],
    ['explainers/x.md', '---\nid: x\norder: 1\ntitle: T\nsummary: S\nkeywords: [k]\nquestions: [q]\n---\n## Empty\n', /x\.md at sections\.1\.text: text is empty/],
    ['program/week-02.yaml', readFileSync(join(CONTENT_DIR, 'en', 'program', 'week-02.yaml'), 'utf8'), /week-02\.yaml at week: weeks must be numbered 1, 2, 3/],
    ['program/week1.yaml', 'week: 1\n', /week1\.yaml at \(root\): program files are named week-NN\.yaml/],
    ['program/week-01.yaml', readFileSync(join(CONTENT_DIR, 'en', 'program', 'week-01.yaml'), 'utf8').replace('min: 0\n    max: 30', 'min: 40\n    max: 30'), /week-01\.yaml at checkIn\.0\.max: min must be below max/],
    ['messages/bad.yaml', 'good: fine\nBad Key: text\n', /messages\/bad\.yaml at Bad Key: keys are lowerCamel/],
    ['messages/bad.yaml', 'a: [unclosed\n', /messages\/bad\.yaml at \(root\): not valid YAML/],
  ])('%s with a problem is refused (case %#)', (path, text, expected) => {
    const root = makeTempDir('content-');
    mkdirSync(join(root, 'en', path, '..'), { recursive: true });
    writeFileSync(join(root, 'en', path), text);
    expect(loadError(root).message).toMatch(expected);
  });
});
