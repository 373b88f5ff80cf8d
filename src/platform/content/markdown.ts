/** The small slice of Markdown the content library uses: YAML front matter, "## " sections, paragraphs and lists. */

export interface MarkdownDocument {
  /** The raw YAML between the opening and closing "---" lines. */
  frontMatter: string;
  sections: Array<{ heading: string; text: string }>;
  /** Text before the first "## " heading (explainers keep it empty). */
  preamble: string;
}

export class MarkdownShapeError extends Error {}

export function splitFrontMatter(source: string): MarkdownDocument {
  const normalized = source.replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(normalized);
  if (!match) throw new MarkdownShapeError('must start with YAML front matter between two "---" lines');
  const body = normalized.slice(match[0].length);
  const sections: MarkdownDocument['sections'] = [];
  const preamble: string[] = [];
  let current: { heading: string; lines: string[] } | undefined;
  for (const line of body.split('\n')) {
    const heading = /^##\s+(.*)$/.exec(line);
    if (heading) {
      if (current) sections.push({ heading: current.heading, text: toChatText(current.lines) });
      current = { heading: heading[1].trim(), lines: [] };
    } else if (current) current.lines.push(line);
    else preamble.push(line);
  }
  if (current) sections.push({ heading: current.heading, text: toChatText(current.lines) });
  return { frontMatter: match[1], sections, preamble: toChatText(preamble) };
}

const LIST_ITEM = /^\s*(?:[-*]|\d+\.)\s+/;

/**
 * Markdown paragraphs to chat text: lines of a paragraph are joined with spaces, list items keep their
 * own lines, and paragraphs are separated by a blank line.
 */
export function toChatText(lines: string[]): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) paragraphs.push(current.join(''));
    current = [];
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      flush();
      continue;
    }
    if (current.length === 0) current.push(line);
    else current.push(LIST_ITEM.test(line) ? `\n${line}` : ` ${line}`);
  }
  flush();
  return paragraphs.join('\n\n');
}
