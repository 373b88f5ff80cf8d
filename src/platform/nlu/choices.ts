import type { ChoiceOption } from '../channels/messages';

// One turn normalizes the same message for every command and option it is checked against: keep the last.
let lastInput: string | undefined;
let lastOutput = '';

/** The text as a literal inside a regular expression (content words become patterns in several readers). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Lower-case, strip punctuation and collapse spaces so "Start over!" matches "start over". */
export function normalize(text: string): string {
  if (text !== lastInput) {
    lastOutput = normalizeUncached(text);
    lastInput = text;
  }
  return lastOutput;
}

function normalizeUncached(text: string): string {
  const trimmed = text.normalize('NFKC').trim();
  if (trimmed === '?') return trimmed;
  return trimmed
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Content's phrase lists never change, so each is normalized once. */
const normalizedLists = new WeakMap<readonly string[], ReadonlySet<string>>();

function normalizedSet(phrases: readonly string[]): ReadonlySet<string> {
  let set = normalizedLists.get(phrases);
  if (!set) {
    set = new Set(phrases.map((phrase) => normalizeUncached(phrase)));
    normalizedLists.set(phrases, set);
  }
  return set;
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
export function recognizeChoice(
  reply: string,
  options: ChoiceOption[],
  how: RecognizeOptions = {},
): ChoiceOption | undefined {
  const exact = recognizeChoiceExactly(reply, options, how);
  if (exact) return exact;
  const said = normalize(reply);
  if (!said || how.contains === false) return undefined;
  const contained = options.filter(
    (o) =>
      containsPhrase(said, normalize(o.label)) || (o.synonyms ?? []).some((s) => containsPhrase(said, normalize(s))),
  );
  return contained.length === 1 ? contained[0] : undefined;
}

/** Only the sure matches: the whole reply is an option's label or synonym, or (unless turned off) its number. */
export function recognizeChoiceExactly(
  reply: string,
  options: ChoiceOption[],
  how: Pick<RecognizeOptions, 'numbers'> = {},
): ChoiceOption | undefined {
  const said = normalize(reply);
  if (!said) return undefined;
  const exact = options.find(
    (o) => normalize(o.label) === said || (o.synonyms ?? []).some((s) => normalize(s) === said),
  );
  if (exact) return exact;
  const asNumber = how.numbers === false ? 0 : /^\d+$/.test(said) ? Number(said) : NUMBER_WORDS.indexOf(said) + 1;
  return asNumber >= 1 && asNumber <= options.length ? options[asNumber - 1] : undefined;
}

/** True when the message is exactly one of the phrases (after normalizing). Phrase lists are cached, so pass content's own. */
export function matchesPhrase(reply: string, phrases: readonly string[]): boolean {
  return normalizedSet(phrases).has(normalize(reply));
}

function containsPhrase(haystack: string, phrase: string): boolean {
  if (!phrase) return false;
  return ` ${haystack} `.includes(` ${phrase} `);
}
