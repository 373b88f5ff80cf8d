/** Text helpers shared by the field readers: normalizing, numbers written as words, and typo-tolerant matching. */

const FRACTIONS: Record<string, string> = { '½': ' 0.5', '¼': ' 0.25', '¾': ' 0.75', '⅓': ' 0.33', '⅔': ' 0.67' };

/** Lower case, plain quotes and dashes, fractions as decimals, "2,5" as 2.5, one space between words. */
export function normalizeText(input: string): string {
  return input
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[½¼¾⅓⅔]/g, (f) => FRACTIONS[f])
    .replace(/[‘’`´]/g, "'")
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/(\d),(\d)(?!\d{2})/g, '$1.$2')
    .replace(/(\d+)\s+1\/2\b/g, (_m, whole: string) => String(Number(whole) + 0.5))
    .replace(/\b1\/2\b/g, '0.5')
    .replace(/\b1\/4\b/g, '0.25')
    .replace(/\b3\/4\b/g, '0.75')
    .replace(/\b7\s*-?\s*(?:oh|0h|hydroxy(?:mitragynine)?)\b/g, '7oh')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words only, for phrase matching: letters, digits and the decimal point. */
export function plainWords(text: string): string {
  return normalizeText(text)
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}.\s]/gu, ' ')
    .replace(/(?<!\d)\.|\.(?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const UNITS: Record<string, number> = {
  zero: 0,
  none: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const VAGUE: Array<[RegExp, string]> = [
  [/\bhalf a dozen\b/g, '6'],
  [/\ba dozen\b|\bdozen\b/g, '12'],
  [/\b(?:a )?couple(?: of)?\b/g, '2'],
  [/\b(?:a )?few\b/g, '3'],
  [/\bseveral\b/g, '3'],
  [/\bhalf an?\b/g, '0.5'],
  [/\bonce\b/g, '1 times'],
  [/\btwice\b/g, '2 times'],
  [/\bthrice\b/g, '3 times'],
  [/\ba decade\b/g, '10 years'],
];

/**
 * Turns numbers written as words into digits ("twenty five" -> 25, "two and a half" -> 2.5,
 * "a couple of" -> 2, "twice" -> "2 times"), and "N unit and a half" into N.5 unit.
 */
export function wordsToNumbers(text: string): string {
  let out = text.replace(/\b([a-z]+)-([a-z]+)\b/g, (match, a: string, b: string) =>
    a in TENS && b in UNITS ? `${a} ${b}` : match,
  );
  out = out.replace(
    /\b(?:(twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety)(?: (one|two|three|four|five|six|seven|eight|nine))?|(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))(?: hundred)?\b/g,
    (match, tens?: string, unit?: string, small?: string) => {
      const value = tens ? TENS[tens] + (unit ? UNITS[unit] : 0) : UNITS[small!];
      return String(match.endsWith(' hundred') ? value * 100 : value);
    },
  );
  out = out.replace(/\ba hundred\b/g, '100');
  for (const [pattern, replacement] of VAGUE) out = out.replace(pattern, replacement);
  out = out.replace(/(\d+(?:\.\d+)?) and a half\b/g, (_m, n: string) => String(Number(n) + 0.5));
  out = out.replace(
    /\b(a|an|1|\d+(?:\.\d+)?) ([a-z]+) and a half\b/g,
    (_m, n: string, unit: string) => `${n === 'a' || n === 'an' ? 1.5 : Number(n) + 0.5} ${unit}`,
  );
  return out;
}

/** Damerau-Levenshtein distance (with adjacent swaps), enough for one or two typos in a word. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Exact match, or a close one for longer words: one typo from 5 letters, two from 9 (first letter right). */
export function sameWord(said: string, known: string): boolean {
  if (said === known) return true;
  if (/\d/.test(said) || /\d/.test(known)) return false;
  const shorter = Math.min(said.length, known.length);
  if (shorter < 5) return false;
  const allowed = shorter >= 9 ? 2 : 1;
  if (Math.abs(said.length - known.length) > allowed || said[0] !== known[0]) return false;
  return editDistance(said, known) <= allowed;
}

/** True when the phrase (one or more words) occurs in the words, single words allowing typos. */
export function containsPhrase(words: string[], phrase: string): boolean {
  const parts = phrase.split(' ');
  if (parts.length === 1) return words.some((w) => sameWord(w, parts[0]));
  for (let i = 0; i + parts.length <= words.length; i++) {
    if (parts.every((p, k) => sameWord(words[i + k], p))) return true;
  }
  return false;
}

/** Vocabulary lists never change, so each phrase list is reduced to plain words once. */
const plainLists = new WeakMap<readonly string[], { words: readonly string[]; set: ReadonlySet<string> }>();

function plainList(phrases: readonly string[]): { words: readonly string[]; set: ReadonlySet<string> } {
  let list = plainLists.get(phrases);
  if (!list) {
    const words = phrases.map((p) => plainWords(p));
    list = { words, set: new Set(words) };
    plainLists.set(phrases, list);
  }
  return list;
}

/** plainWords of every phrase of a vocabulary list, computed once per list. */
export function plainPhrases(phrases: readonly string[]): readonly string[] {
  return plainList(phrases).words;
}

/** The whole answer is one of the phrases (after normalizing), e.g. "dunno" or "not sure". */
export function isOneOf(text: string, phrases: readonly string[]): boolean {
  return plainList(phrases).set.has(plainWords(text));
}

export function roundTo(value: number, decimals = 1): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
