/**
 * Content is plain text: one thought per line, "• " in front of list items. Markdown treats a single
 * line break as a space, so these turn the lines into markdown that keeps them: bullet lines become a
 * real list, and other line breaks stay breaks. Teams and Slack get it here; the web page does the
 * same in its own markdown step (src/platform/web/public/steady-chat.js), so the Direct Line history keeps the
 * plain text every Web Chat host and the export show.
 */

/** "• item", "- item" or "* item" at the start of a line. */
const BULLET = /^\s*[•\-*]\s+/;
/** "1. step" or "1) step": kept as it is, which markdown reads as a numbered list. */
const NUMBERED = /^\s*\d{1,3}[.)]\s+/;

export interface LineStyle {
  /** What separates two plain lines inside one paragraph. */
  lineBreak: string;
  /** What a list item starts with. */
  bullet: string;
}

/** Teams' markdown has no hard break; a blank line between the lines keeps them apart. */
export const TEAMS_LINES: LineStyle = { lineBreak: '\n\n', bullet: '- ' };

/** The text with its lines kept in markdown; text without line breaks comes back as it was. */
export function linesAsMarkdown(text: string, style: LineStyle): string {
  if (!text.includes('\n')) return text;
  return text
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraphAsMarkdown(paragraph, style))
    .join('\n\n');
}

function paragraphAsMarkdown(paragraph: string, style: LineStyle): string {
  const lines = paragraph.split('\n').map((line) => line.trimEnd());
  const blocks: string[] = [];
  let plain: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (plain.length > 0) blocks.push(plain.join(style.lineBreak));
    if (list.length > 0) blocks.push(list.join('\n'));
    plain = [];
    list = [];
  };
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (BULLET.test(line) || NUMBERED.test(line)) {
      if (plain.length > 0) flush();
      list.push(BULLET.test(line) ? style.bullet + line.replace(BULLET, '') : line.trim());
    } else {
      if (list.length > 0) flush();
      plain.push(line);
    }
  }
  flush();
  // A list must stand apart from the text around it, or markdown reads it as part of a sentence.
  return blocks.join('\n\n');
}

/** Slack keeps line breaks as they are; list items get Slack's own bullet. */
export function linesAsMrkdwn(text: string): string {
  return text
    .split('\n')
    .map((line) => (BULLET.test(line) ? `• ${line.replace(BULLET, '')}` : line))
    .join('\n');
}
