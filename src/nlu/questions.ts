import type { Content } from '../content/Content';
import { normalize } from './choices';

/** True for a message shaped like a question: it ends with "?" or starts with a question word from content. */
export function looksLikeQuestion(text: string, content: Content): boolean {
  if (text.trim().endsWith('?') && normalize(text).length > 0) return true;
  return startsWithAny(normalize(text), content.list('explain.questionStarters')) !== undefined;
}

/** "explain 7-OH" -> "7-OH": the question after an explain prefix from content, or undefined. */
export function questionAfterPrefix(text: string, content: Content): string | undefined {
  const said = normalize(text);
  const prefix = startsWithAny(said, content.list('explain.commands.prefixes'));
  if (prefix === undefined) return undefined;
  const rest = said.slice(prefix.length).trim();
  return rest || undefined;
}

function startsWithAny(said: string, phrases: string[]): string | undefined {
  return phrases.map(normalize).find((phrase) => phrase && (said === phrase || said.startsWith(`${phrase} `)));
}
