import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { CONTENT_DIR } from '../paths';
import { type Content, ContentError, fillPlaceholders } from './Content';

/**
 * A messages file is a tree of keys whose leaves are texts or lists of short phrases.
 * Keys are addressed as "<file name>.<path>", e.g. welcome.greeting in content/en/messages/welcome.yaml.
 */
type MessageTree = { [key: string]: string | string[] | MessageTree };
const messageTree: z.ZodType<MessageTree> = z.lazy(() =>
  z.record(
    z.string().regex(/^[a-z][a-zA-Z0-9_]*$/, 'keys are lowerCamel or snake_case words'),
    z.union([z.string().trim().min(1, 'text is empty'), z.array(z.string().trim().min(1)).min(1), messageTree]),
  ),
);

export function loadContent(locale = 'en', root = CONTENT_DIR): Content {
  const dir = join(root, locale, 'messages');
  const texts = new Map<string, string>();
  const lists = new Map<string, string[]>();
  for (const fileName of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const path = join(dir, fileName);
    const shownPath = relative(join(root, '..'), path);
    let raw: unknown;
    try {
      raw = parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new ContentError(shownPath, '', `not valid YAML (${(error as Error).message.split('\n')[0]})`);
    }
    const parsed = messageTree.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ContentError(shownPath, issue.path.join('.'), issue.message);
    }
    flatten(fileName.replace(/\.yaml$/, ''), parsed.data, texts, lists);
  }
  resolveReferences(texts, relative(root, dir));
  return new ContentLibrary(locale, texts, lists);
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
    else if (Array.isArray(value)) lists.set(fullKey, value.map((v) => v.trim()));
    else flatten(fullKey, value, texts, lists);
  }
}

class ContentLibrary implements Content {
  constructor(
    readonly locale: string,
    private readonly texts: Map<string, string>,
    private readonly lists: Map<string, string[]>,
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
}
