import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseYaml } from './yaml';
import type { z } from 'zod';
import { CONTENT_DIR } from '../paths';
import { type Content, ContentError, type ExplainerTopic, fillPlaceholders, type ProgramWeek } from './Content';
import { MarkdownShapeError, splitFrontMatter } from './markdown';
import { explainerFrontMatter, explainerSection, type MessageTree, messageTree, programWeek } from './schemas';

/**
 * Loads and validates the whole library for one locale, once at start:
 * - content/<locale>/messages/<area>.yaml: texts addressed as "<area>.<path>", e.g. welcome.greeting;
 * - content/<locale>/explainers/<topic-id>.md: YAML front matter and "## " depth sections;
 * - content/<locale>/program/week-NN.yaml: one file per program week.
 * The first problem found throws a ContentError naming the file, the field and the problem.
 */
export function loadContent(locale = 'en', root = CONTENT_DIR): Content {
  const files = new ContentFiles(root, locale);
  const { texts, lists } = loadMessages(files);
  const explainers = loadExplainers(files, texts);
  const weeks = loadWeeks(files, new Set(explainers.map((e) => e.id)), texts);
  return new ContentLibrary(locale, texts, lists, explainers, weeks);
}

/** Finds and reads the files of one kind, and names them in errors relative to the content root. */
class ContentFiles {
  constructor(
    private readonly root: string,
    private readonly locale: string,
  ) {}

  list(kind: string, pattern: RegExp): Array<{ name: string; path: string; shown: string }> {
    const dir = join(this.root, this.locale, kind);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => pattern.test(name))
      .sort()
      .map((name) => ({ name, path: join(dir, name), shown: relative(this.root, join(dir, name)) }));
  }

  shownDir(kind: string): string {
    return relative(this.root, join(this.root, this.locale, kind));
  }

  readYaml(path: string, shown: string, source = readFileSync(path, 'utf8')): unknown {
    try {
      return parseYaml(source);
    } catch (error) {
      throw new ContentError(shown, '', `not valid YAML (${(error as Error).message.split('\n')[0]})`);
    }
  }
}

function validate<T extends z.ZodType>(schema: T, raw: unknown, shown: string, fieldPrefix = ''): z.output<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = [fieldPrefix, ...issue.path.map(String)].filter(Boolean).join('.');
  // A bad key in a record reports "Invalid key"; the reason is in the nested issue.
  const problem = issue.code === 'invalid_key' && issue.issues.length > 0 ? issue.issues[0].message : issue.message;
  throw new ContentError(shown, field, problem);
}

function loadMessages(files: ContentFiles): { texts: Map<string, string>; lists: Map<string, string[]> } {
  const texts = new Map<string, string>();
  const lists = new Map<string, string[]>();
  for (const file of files.list('messages', /\.yaml$/)) {
    const tree = validate(messageTree, files.readYaml(file.path, file.shown), file.shown);
    flatten(file.name.replace(/\.yaml$/, ''), tree, texts, lists);
  }
  resolveReferences(texts, files.shownDir('messages'));
  return { texts, lists };
}

const REFERENCE = /\{@([a-zA-Z0-9_.]+)\}/g;

/**
 * A text may include another text as {@key}, e.g. {@resources.crisisLine}, so that resources live in
 * one file a deployment in another country can replace. Resolved once at load; unknown keys and
 * cycles stop start-up.
 */
function resolveReferences(texts: Map<string, string>, shownDir: string): void {
  const resolve = (key: string, trail: string[]): string => {
    const text = texts.get(key)!;
    return text.replace(REFERENCE, (_match, ref: string) => {
      if (!texts.has(ref)) throw new ContentError(shownDir, key, `refers to unknown text {@${ref}}`);
      if (trail.includes(ref)) throw new ContentError(shownDir, key, `reference cycle through {@${ref}}`);
      return resolve(ref, [...trail, ref]);
    });
  };
  for (const key of [...texts.keys()]) texts.set(key, resolve(key, [key]));
}

function flatten(prefix: string, tree: MessageTree, texts: Map<string, string>, lists: Map<string, string[]>): void {
  for (const [key, value] of Object.entries(tree)) {
    const fullKey = `${prefix}.${key}`;
    if (typeof value === 'string') texts.set(fullKey, value.trim());
    else if (Array.isArray(value)) lists.set(fullKey, Object.freeze(value.map((v) => v.trim())) as string[]); // frozen: matchers cache them by identity
    else flatten(fullKey, value, texts, lists);
  }
}

/** An explainer's text may include a message text as {@key} too (the withdrawal timeline lives in one place). */
function includeTexts(text: string, texts: Map<string, string>, shown: string, field: string): string {
  return text.replace(REFERENCE, (_match, ref: string) => {
    const included = texts.get(ref);
    if (included === undefined) throw new ContentError(shown, field, `refers to unknown text {@${ref}}`);
    return included;
  });
}

function loadExplainers(files: ContentFiles, texts: Map<string, string>): ExplainerTopic[] {
  const topics: Array<ExplainerTopic & { shown: string; order: number }> = [];
  for (const file of files.list('explainers', /\.md$/)) {
    let document;
    try {
      document = splitFrontMatter(readFileSync(file.path, 'utf8'));
    } catch (error) {
      if (error instanceof MarkdownShapeError) throw new ContentError(file.shown, '', error.message);
      throw error;
    }
    const meta = validate(explainerFrontMatter, files.readYaml(file.path, file.shown, document.frontMatter), file.shown);
    if (meta.id !== file.name.replace(/\.md$/, '')) throw new ContentError(file.shown, 'id', `must match the file name (${file.name})`);
    if (document.preamble) throw new ContentError(file.shown, 'body', 'text before the first "## " heading; put the short answer in summary');
    if (document.sections.length === 0) throw new ContentError(file.shown, 'body', 'needs at least one "## " section for "tell me more"');
    const sections = document.sections.map((section, i) => {
      const valid = validate(explainerSection, section, file.shown, `sections.${i + 1}`);
      return { ...valid, text: includeTexts(valid.text, texts, file.shown, `sections.${i + 1}`) };
    });
    topics.push({ ...meta, summary: includeTexts(meta.summary, texts, file.shown, 'summary'), sections, shown: file.shown });
  }
  const orders = new Map<number, string>();
  for (const topic of topics) {
    const earlier = orders.get(topic.order);
    if (earlier) throw new ContentError(topic.shown, 'order', `${topic.order} is already used by ${earlier}`);
    orders.set(topic.order, topic.shown);
  }
  topics.sort((a, b) => a.order - b.order);
  const ids = new Set(topics.map((t) => t.id));
  for (const topic of topics) {
    topic.related.forEach((id, i) => {
      if (!ids.has(id)) throw new ContentError(topic.shown, `related.${i}`, `no explainer has the id "${id}"`);
    });
  }
  return topics.map(({ shown: _shown, order: _order, ...topic }) => topic);
}

function loadWeeks(files: ContentFiles, topicIds: Set<string>, texts: Map<string, string>): ProgramWeek[] {
  const weeks: ProgramWeek[] = [];
  const checkInIds = new Map<string, string>();
  for (const file of files.list('program', /\.yaml$/)) {
    const number = /^week-(\d{2})\.yaml$/.exec(file.name);
    if (!number) throw new ContentError(file.shown, '', 'program files are named week-NN.yaml, for example week-01.yaml');
    const week = validate(programWeek, files.readYaml(file.path, file.shown), file.shown);
    if (week.week !== Number(number[1])) throw new ContentError(file.shown, 'week', `must be ${Number(number[1])}, as in the file name`);
    if (week.week !== weeks.length + 1) throw new ContentError(file.shown, 'week', `weeks must be numbered 1, 2, 3... without gaps; expected week ${weeks.length + 1}`);
    week.lesson.forEach((step, i) => {
      step.text = includeTexts(step.text, texts, file.shown, `lesson.${i}.text`);
      if (step.topic && !topicIds.has(step.topic)) throw new ContentError(file.shown, `lesson.${i}.topic`, `no explainer has the id "${step.topic}"`);
    });
    week.checkIn.forEach((item, i) => {
      const earlier = checkInIds.get(item.id);
      if (earlier) throw new ContentError(file.shown, `checkIn.${i}.id`, `"${item.id}" is already used in ${earlier}`);
      checkInIds.set(item.id, file.shown);
    });
    weeks.push(week);
  }
  return weeks;
}

/** Lists of people's own wordings (requests, questions): never the bot's text, so never "own text". */
const INPUT_EXAMPLE_LISTS = ['intents.phrases.', 'intents.synonyms.', 'intents.cues.', 'intents.urgeNow', 'intents.menuBack', 'intents.requestOpeners', 'questions.'];

class ContentLibrary implements Content {
  private ownTexts: ReadonlySet<string> | undefined;

  constructor(
    readonly locale: string,
    private readonly texts: Map<string, string>,
    private readonly lists: Map<string, string[]>,
    private readonly topics: readonly ExplainerTopic[],
    private readonly programWeeks: readonly ProgramWeek[],
  ) {}

  text(key: string, vars?: Record<string, string | number>): string {
    const template = this.texts.get(key);
    if (template === undefined) throw new Error(`Unknown content text: ${key}`);
    return fillPlaceholders(template, vars, key);
  }

  list(key: string): string[] {
    const items = this.lists.get(key);
    if (items === undefined) throw new Error(`Unknown content list: ${key}`);
    return items;
  }

  has(key: string): boolean {
    return this.texts.has(key) || this.lists.has(key);
  }

  entries(): Array<[string, string]> {
    return [...this.texts.entries()];
  }

  listKeys(prefix: string): string[] {
    return [...this.lists.keys()].filter((key) => key.startsWith(prefix));
  }

  isOwnText(text: string): boolean {
    // Example phrasings (what people type to ask for something) are input, never something the bot says.
    this.ownTexts ??= new Set([
      ...this.texts.values(),
      ...[...this.lists.entries()]
        .filter(([key]) => !INPUT_EXAMPLE_LISTS.some((prefix) => key.startsWith(prefix)))
        .flatMap(([, items]) => items),
    ]);
    return this.ownTexts.has(text);
  }

  explainers(): readonly ExplainerTopic[] {
    return this.topics;
  }

  explainer(id: string): ExplainerTopic {
    const topic = this.topics.find((t) => t.id === id);
    if (!topic) throw new Error(`Unknown explainer topic: ${id}`);
    return topic;
  }

  weeks(): readonly ProgramWeek[] {
    return this.programWeeks;
  }

  week(week: number): ProgramWeek {
    const found = this.programWeeks[week - 1];
    if (!found) throw new Error(`Unknown program week: ${week}`);
    return found;
  }
}
