import type { Content } from '../../platform/content/Content';
import type { ChoiceOption } from '../../platform/channels/messages';
import { normalize, recognizeChoiceExactly } from '../../platform/nlu/choices';

/** True for a message shaped like a question: it ends with "?" or starts with a question word from content. */
export function looksLikeQuestion(text: string, content: Content): boolean {
  if (text.trim().endsWith('?') && normalize(text).length > 0) return true;
  return startsWithAny(normalize(text), content.list('explain.questionStarters')) !== undefined;
}

/** A question cue anywhere in the message ("... what helps", "... is that normal"), from content. */
export function asksSomething(text: string, content: Content): boolean {
  const said = ` ${normalize(text)} `;
  return content.list('questions.cues').some((cue) => said.includes(` ${normalize(cue)} `));
}

/** A later sentence or clause that opens like a question ("last dose was 8pm, when's it gonna hit me"). */
export function asksInLaterClause(text: string, content: Content): boolean {
  return clausesOf(text)
    .slice(1)
    .some((clause) => startsLikeQuestion(clause, content));
}

/**
 * The sentences and clauses of a message, split after punctuation and at dashes ("make me a plan, how long does wd
 * last?"). Each keeps its own "?"; a decimal point ("7.5 g") splits nothing.
 */
export function clausesOf(text: string): string[] {
  return text
    .split(/(?<=[!?;,:])|(?<=\.)(?!\d)|\s-\s/)
    .map((clause) => clause.trim())
    .filter((clause) => /[a-z0-9]/i.test(clause));
}

/** True when the message starts with a question word ("how much...", "is it..."); a trailing "?" alone does not count ("like 5 g?"). */
export function startsLikeQuestion(text: string, content: Content): boolean {
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

/**
 * A question beats a loose option match: "why do I need more now?" contains the "more" button's word but
 * is a question. Returns the picked option's value when the reply chose it exactly (or is not a question),
 * otherwise undefined, meaning "treat the reply as free text".
 */
export function choiceUnlessQuestion(
  picked: string | undefined,
  reply: string,
  choices: ChoiceOption[],
  content: Content,
): string | undefined {
  if (picked === undefined) return undefined;
  if (recognizeChoiceExactly(reply, choices)?.value === picked) return picked;
  return looksLikeQuestion(reply, content) ? undefined : picked;
}
