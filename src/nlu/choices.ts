import type { ChoiceOption } from '../channels/messages';

/** Lower-case, strip punctuation and collapse spaces so "Start over!" matches "start over". */
export function normalize(text: string): string {
  const trimmed = text.normalize('NFKC').trim();
  if (trimmed === '?') return trimmed;
  return trimmed
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

export interface RecognizeOptions {
  /** Accept the option's number ("2", "two"); off where the answer itself can be a number. Default on. */
  numbers?: boolean;
  /** Accept a reply that contains exactly one label; off where free text can name several things. Default on. */
  contains?: boolean;
}

/**
 * Finds the option a person meant: by exact label, by synonym, by its number in the list
 * ("2", "2.", "two"), or by a label the reply contains. Returns undefined when unsure.
 */
export function recognizeChoice(reply: string, options: ChoiceOption[], how: RecognizeOptions = {}): ChoiceOption | undefined {
  const exact = recognizeChoiceExactly(reply, options, how);
  if (exact) return exact;
  const said = normalize(reply);
  if (!said || how.contains === false) return undefined;
  const contained = options.filter((o) => containsPhrase(said, normalize(o.label)) || (o.synonyms ?? []).some((s) => containsPhrase(said, normalize(s))));
  return contained.length === 1 ? contained[0] : undefined;
}

/** Only the sure matches: the whole reply is an option's label or synonym, or (unless turned off) its number. */
export function recognizeChoiceExactly(reply: string, options: ChoiceOption[], how: Pick<RecognizeOptions, 'numbers'> = {}): ChoiceOption | undefined {
  const said = normalize(reply);
  if (!said) return undefined;
  const exact = options.find((o) => normalize(o.label) === said || (o.synonyms ?? []).some((s) => normalize(s) === said));
  if (exact) return exact;
  const asNumber = how.numbers === false ? 0 : /^\d+$/.test(said) ? Number(said) : NUMBER_WORDS.indexOf(said) + 1;
  return asNumber >= 1 && asNumber <= options.length ? options[asNumber - 1] : undefined;
}

/** True when the message is exactly one of the phrases (after normalizing). */
export function matchesPhrase(reply: string, phrases: string[]): boolean {
  const said = normalize(reply);
  return phrases.some((p) => normalize(p) === said);
}

function containsPhrase(haystack: string, phrase: string): boolean {
  if (!phrase) return false;
  return ` ${haystack} `.includes(` ${phrase} `);
}
