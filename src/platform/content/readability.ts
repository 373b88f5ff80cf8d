/**
 * Plain-language measures for the content library: an English syllable estimate, sentence and word
 * splitting, and the Flesch-Kincaid grade level:
 *   grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59
 */

export const READING_RULES = {
  /** Highest Flesch-Kincaid grade a text may have. */
  maxGrade: 8,
  /** Longest sentence, in words. */
  maxSentenceWords: 25,
  /**
   * The grade of a text shorter than this is not meaningful (one long word in a three-word button label
   * gives "grade 13"), so such texts are held to the sentence-length rule only.
   */
  minWordsForGrade: 12,
} as const;

/** Common words the rules below get wrong; keys are lower-case letters only. */
const SYLLABLE_EXCEPTIONS: Record<string, number> = {
  maybe: 2,
  create: 2,
  created: 3,
  area: 3,
  areas: 3,
  idea: 3,
  ideas: 3,
  real: 1,
  really: 2,
  being: 2,
  every: 2,
  everything: 3,
  everyone: 3,
  different: 3,
  several: 3,
  evening: 2,
  evenings: 2,
  family: 3,
  business: 2,
  interest: 3,
  interested: 4,
  chocolate: 2,
  rhythm: 2,
  rhythms: 2,
  isnt: 2,
  doesnt: 2,
  wasnt: 2,
  hasnt: 2,
  couldnt: 2,
  wouldnt: 2,
  shouldnt: 2,
  lifetime: 2,
  lifestyle: 2,
  whatever: 3,
  video: 3,
  videos: 3,
  poem: 2,
  naive: 2,
  science: 2,
  people: 2,
  recipe: 3,
  cafe: 2,
  ok: 2,
  okay: 2,
  kratom: 2,
};

const VOWEL_GROUPS = /[aeiouy]+/g;

/** Syllables in one word of English letters (case and punctuation ignored). Unknown words get an estimate. */
export function syllablesInWord(raw: string): number {
  const word = raw.toLowerCase().replace(/[^a-z]/g, '');
  if (!word) return 0;
  if (word in SYLLABLE_EXCEPTIONS) return SYLLABLE_EXCEPTIONS[word];
  if (word.length <= 3) return 1;

  let stem = word;
  if (/[^aeiouy]led$/.test(stem)) stem = stem.slice(0, -1); // "settled" -> "settle", so the -le rule applies
  const syllabicLe = /[^aeiouy]les?$/.test(stem); // "sim-ple", "cy-cles" keep the vowel of -le
  if (!syllabicLe && /[^e]e$/.test(stem)) {
    stem = stem.slice(0, -1); // silent final e: "make", "tolerance"
  } else if (!syllabicLe && /es$/.test(stem) && !/([cgsxz]|ch|sh)es$/.test(stem) && /[aeiouy]/.test(stem.slice(0, -2))) {
    stem = stem.slice(0, -2); // "times", "enzymes"; but "changes", "doses" keep the syllable
  } else if (/ed$/.test(stem) && !/[td]ed$/.test(stem) && /[aeiouy]/.test(stem.slice(0, -2))) {
    stem = stem.slice(0, -2); // "helped", "used"; but "wanted", "needed" keep it
  }

  let count = (stem.match(VOWEL_GROUPS) ?? []).length;
  // Vowel pairs that are usually two syllables.
  count += (stem.match(/(?<![tscgx])io(?!n)|(?<![tscgxln])ion/g) ?? []).length; // "pe-ri-od", "se-ri-ous"; not "-tion", "mil-lion"
  count += (stem.match(/(?<![tscg])ia/g) ?? []).length; // "tri-al", "me-di-a"; not "spe-cial"
  count += (stem.match(/(?<![qg])ua/g) ?? []).length; // "ac-tu-al", "u-su-al" but not "qual-i-ty"
  count += (stem.match(/(?<![qg])ue(?!$)/g) ?? []).length; // "flu-ent", "cru-el"
  count += (stem.match(/iet/g) ?? []).length; // "qui-et", "di-et", "anx-i-e-ty"
  if (/[aeiouy]ing$/.test(stem)) count += 1; // "do-ing", "try-ing", "play-ing"
  if (/ism$/.test(stem)) count += 1; // "mech-a-nism"
  // A silent e before a suffix: "safe-ly", "hope-ful", "move-ment".
  count -= (stem.match(/[^aeiouy]e(ly|ful|ment|ness|less)$/g) ?? []).length;
  if (/^some[^aeiouy]/.test(stem)) count -= 1; // "some-thing", "some-times"
  return Math.max(1, count);
}

/**
 * Syllables in one whitespace-separated token. Letters are counted as English words; short all-capital
 * words are read letter by letter ("FDA", "OH"); each run of digits counts as one short word
 * (a number or phone number is read as a unit, not a long word).
 */
export function syllablesInToken(token: string): number {
  let total = 0;
  for (const part of token.match(/[A-Za-z]+|\d+/g) ?? []) {
    if (/^\d+$/.test(part)) total += 1;
    else if (/^[A-Z]{2,4}$/.test(part)) total += part.length;
    else total += syllablesInWord(part);
  }
  return total;
}

const LIST_MARKER = /^\s*(?:[-*•]|\d+[.)])\s+/;
const SENTENCE_END = /(?<=[.!?…]["'”’)\]]*)\s+/;

/** Sentences of a text: every line (and list item) is at least its own sentence; lines split at . ! ? followed by a space. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.replace(LIST_MARKER, '').trim())
    .filter(Boolean)
    .flatMap((line) => line.split(SENTENCE_END))
    .map((sentence) => sentence.trim())
    .filter((sentence) => wordsOf(sentence).length > 0);
}

/** Words: whitespace-separated tokens with at least one letter or digit. */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token));
}

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  /** Flesch-Kincaid grade, or undefined for texts under READING_RULES.minWordsForGrade words. */
  grade: number | undefined;
  /** Words in the longest sentence. */
  longestSentence: number;
}

export function fleschKincaidGrade(words: number, sentences: number, syllables: number): number {
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
}

/** A markdown link reads as its text: "[988](tel:988)" is "988" to the person. */
const MARKDOWN_LINK = /\[([^\]]+)\]\([^)\s]+\)/g;

/** Measures a text. {placeholders} are read as one short word, markdown links as their text. */
export function measure(text: string): Readability {
  const sentences = sentencesOf(text.replace(MARKDOWN_LINK, '$1').replace(/\{\w+\}/g, 'it'));
  const sentenceWords = sentences.map(wordsOf);
  const words = sentenceWords.reduce((sum, w) => sum + w.length, 0);
  const syllables = sentenceWords.flat().reduce((sum, token) => sum + syllablesInToken(token), 0);
  const longestSentence = Math.max(0, ...sentenceWords.map((w) => w.length));
  const grade = words >= READING_RULES.minWordsForGrade ? fleschKincaidGrade(words, sentences.length, syllables) : undefined;
  return { words, sentences: sentences.length, syllables, grade, longestSentence };
}
