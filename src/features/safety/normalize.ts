import { FUZZY_KEEP, MISSPELLINGS, PHRASE_FIXES, SLANG } from './words';

/**
 * Turns what a person typed into plain lower-case words so the lexicon can match it: Unicode tricks,
 * leetspeak, contractions, slang, stretched letters and common misspellings all end up as the same words.
 */
export interface NormalizedMessage {
  /** Clauses of lower-case words separated by single spaces, split at sentence marks and "but". */
  clauses: string[];
  /** The message carries a laughing marker (lol, haha, a laughing emoji). */
  humor: boolean;
}

/** The words the lexicon knows, and the lookups built from them for near-misses. */
export interface Vocabulary {
  words: ReadonlySet<string>;
  /** squeeze(word) -> word, so "kil" and "diiie" find "kill" and "die". */
  squeezed: ReadonlyMap<string, string>;
  /** one adjacent swap -> word, so "wnat" finds "want". */
  swapped: ReadonlyMap<string, string>;
  /** Danger words long enough to accept one typo in ("sucide", "unconcious"). */
  fuzzyTargets: readonly string[];
}

const squeeze = (word: string): string => word.replace(/(\p{L})\1+/gu, '$1');

export function buildVocabulary(words: Iterable<string>, fuzzyTargets: readonly string[]): Vocabulary {
  const all = new Set([...words, ...fuzzyTargets]);
  const squeezed = new Map<string, string>();
  const swapped = new Map<string, string>();
  for (const word of all) {
    if (!squeezed.has(squeeze(word))) squeezed.set(squeeze(word), word);
    if (word.length < 4 || word.length > 10) continue;
    for (let i = 0; i < word.length - 1; i++) {
      if (word[i] === word[i + 1]) continue;
      const variant = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      if (!all.has(variant) && !swapped.has(variant)) swapped.set(variant, word);
    }
  }
  return { words: all, squeezed, swapped, fuzzyTargets };
}

// Format and zero-width characters people (or filters) insert inside words.
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class -- the joiners and variation selectors are matched alone, to remove them
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF]/g;
const LAUGHING_EMOJI = /[\u{1F602}\u{1F923}\u{1F606}\u{1F605}\u{1F604}\u{1F601}\u{1F61C}\u{1F61D}\u{1F92A}\u{1F480}]/gu;
const HUMOR = /\b(?:lol|lols|lmao|lmfao|rofl|haha\w*|hehe\w*|jk|just kidding|kidding|joking)\b/;
const HUMOR_WORDS = /\b(?:lol|lols|lmao|lmfao|rofl|haha\w*|hehe\w*|jk|just kidding|kidding|joking)\b/g;
/** The joke or the "friend" taken back: "not really jk", "half joking", "the friend is me", "its not a buddy". */
const TAKES_IT_BACK =
  /\b(?:not (?:really |actually )?(?:jk|joking|kidding)|(?:only |just )?half (?:jk|joking|kidding)|kind of not (?:jk|joking|kidding)|(?:jk|kidding|joking) (?:kind of|sort of|kinda|not really|but not really|but also not)|(?:the|my) friend is (?:me|myself)|i am the friend|there is no friend|it is not (?:a|my|really a) (?:buddy|friend|pal)|(?:the )?(?:buddy|friend) is me)\b/;
/** The frame a reveal undoes: "asking for a friend", "my buddy asked me". */
const TAKEN_BACK_FRAME =
  /\basking for a (?:friend|buddy|pal)\b|\b(?:my )?(?:buddy|friend|pal|cousin) (?:asked|asks|was asking|wants to know|wanted to know)(?: me)?\b/g;

// Letters from other scripts that look like Latin ones.
const CONFUSABLES: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
  і: 'i',
  ѕ: 's',
  ԁ: 'd',
  ӏ: 'l',
  ј: 'j',
  к: 'k',
  м: 'm',
  т: 't',
  в: 'b',
  н: 'h',
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  ν: 'v',
};
const CONFUSABLE_CHARS = new RegExp(`[${Object.keys(CONFUSABLES).join('')}]`, 'g');

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

/** k1ll -> kill, mys3lf -> myself; leaves numbers with units alone (15g, 10x, 2am, day3). */
function deLeet(token: string): string {
  if (!/\p{L}/u.test(token) || !/[013457@$]/.test(token)) return token;
  if (/^\d+(?:[.,]\d+)?\p{L}{0,4}$/u.test(token) || /^\p{L}+\d+$/u.test(token)) return token;
  return token.replace(/[013457@$]/g, (ch) => LEET[ch]);
}

function expandContractions(s: string): string {
  return s
    .replace(/\bcan'?t\b|\bcannot\b/g, 'can not')
    .replace(/\bwon'?t\b/g, 'will not')
    .replace(/\bain'?t\b/g, 'is not')
    .replace(/\b(do|does|did|is|was|are|were|have|has|had|could|would|should|must|need)n'?t\b/g, '$1 not')
    .replace(/\bi'?m\b/g, 'i am')
    .replace(/\bi'?ve\b/g, 'i have')
    .replace(/\b(i|you|we|they|he|she|it|that|there)'ll\b/g, '$1 will')
    .replace(/\b(i|you|we|they|he|she|it|that|there|who)'d\b/g, '$1 would')
    .replace(/\b(you|they)'?re\b|\b(we)'re\b/g, (_m, a: string | undefined, b: string | undefined) => `${a ?? b} are`)
    .replace(/\b(it|he|she|that|what|there|who|here|where|everything|nothing)'?s\b/g, '$1 is')
    .replace(/'s\b/g, '')
    .replace(/'/g, '');
}

/** Replaces a censored word (su*cide, k*ll) with the one known word it can be. */
function uncensor(token: string, vocab: Vocabulary): string {
  if (!token.includes('*') || !/\p{L}/u.test(token)) return token;
  const shape = new RegExp(`^${token.replace(/\*/g, '[a-z]')}$`);
  const matches = [...vocab.words].filter((w) => w.length === token.length && shape.test(w));
  return matches.length === 1 ? matches[0] : token;
}

/** At most one insertion, deletion, substitution or adjacent swap apart. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** "s u i c i d e" -> "suicide"; "i w a n t" -> "i want" when a lone "i" or "a" leads the run. */
function joinSpacedLetters(run: string, vocab: Vocabulary): string {
  const joined = run.replace(/ /g, '');
  if (vocab.words.has(joined)) return joined;
  if (/^[ia]/.test(joined) && vocab.words.has(joined.slice(1))) return `${joined[0]} ${joined.slice(1)}`;
  // Three letters are joined only into a known word ("d i e"), so "u r a" stays as it is.
  return joined.length > 3 ? joined : run;
}

function canonicalWord(raw: string, vocab: Vocabulary): string {
  // "killlll" -> "kill"; a word that is one letter held down ("iiii") -> that letter.
  const collapsed = raw.replace(/(\p{L})\1{2,}/gu, '$1$1');
  const token = /^(\p{L})\1+$/u.test(collapsed) ? collapsed[0] : collapsed;
  const slang = SLANG[token];
  if (slang !== undefined) return slang;
  if (vocab.words.has(token) || token.length < 3 || /\d/.test(token) || FUZZY_KEEP.has(token)) return token;
  const fixed = MISSPELLINGS[token] ?? (squeeze(token).length >= 2 ? SLANG[squeeze(token)] : undefined);
  if (fixed !== undefined) return fixed;
  if (token.endsWith('in') && vocab.words.has(`${token}g`)) return `${token}g`;
  const bySqueeze = vocab.squeezed.get(squeeze(token));
  if (bySqueeze !== undefined) return bySqueeze;
  const bySwap = vocab.swapped.get(token);
  if (bySwap !== undefined) return bySwap;
  if (token.length >= 6 && token.length <= 24) {
    const near = vocab.fuzzyTargets.find((target) => withinOneEdit(token, target));
    if (near !== undefined) return near;
  }
  return token;
}

const CLAUSE_BREAK =
  /[.!?;:,\n\r\u2026()[\]{}"<>|/\\]+|\s[-\u2010-\u2015]+\s|\b(?:but|though|although|however|except)\b/;

export function normalizeForSafety(raw: string, vocab: Vocabulary): NormalizedMessage {
  let s = raw.normalize('NFKC').replace(INVISIBLE, '');
  const laughingEmoji = s.search(LAUGHING_EMOJI) !== -1;
  s = s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase();
  s = s.replace(CONFUSABLE_CHARS, (ch) => CONFUSABLES[ch]);
  s = s.replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'");
  s = s.replace(/\b7\s?[-\u2010-\u2015]?\s?(?:oh|hydroxy(?:mitragynine)?)\b/g, ' sevenoh ');
  s = s.replace(/\bw\/d\b/g, ' withdrawal ').replace(/\bw\//g, ' with ');
  s = s.replace(/\bod'd\b|\bod-?ed\b|\bo\.d\.?'?d\b/g, ' overdosed ');
  s = s.replace(/(\p{L})!(?=\p{L})/gu, '$1i');
  s = s.replace(/[\p{L}\d@$]+/gu, deLeet);
  s = s.replace(/[\p{L}*]+/gu, (token) => uncensor(token, vocab));
  s = expandContractions(s);
  // Dotted letters: "k.y.s." -> "kys" (before the full stops break the message into clauses).
  s = s.replace(/(?<![\p{L}\p{N}.])\p{L}(?:\.\p{L}){1,4}\.?(?![\p{L}\p{N}])/gu, (run) => run.replace(/\./g, ''));
  // Spaced-out letters: "s u i c i d e" -> "suicide".
  s = s.replace(/(?<![\p{L}\p{N}])\p{L}(?: \p{L}){2,}(?![\p{L}\p{N}])/gu, (run) => joinSpacedLetters(run, vocab));

  const clauses: string[] = [];
  for (const part of s.split(CLAUSE_BREAK)) {
    const words = part
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .split(' ')
      .filter(Boolean)
      .map((word) => canonicalWord(word, vocab));
    if (words.length === 0) continue;
    let clause = words.join(' ');
    for (const [pattern, replacement] of PHRASE_FIXES) clause = clause.replace(pattern, replacement);
    clauses.push(clause);
  }
  // "jk. kind of. not really jk", "asking for a friend... the friend is me": the joke or the friend is taken
  // back, so the message is read as the person's own, with no laughter to soften it.
  if (clauses.some((c) => TAKES_IT_BACK.test(c))) {
    const own = clauses
      .map((c) =>
        c.replace(TAKEN_BACK_FRAME, (frame) => (frame.startsWith('asking') ? 'asking for myself' : 'i am asking')),
      )
      .map((c) => c.replace(HUMOR_WORDS, ' ').replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    return { clauses: own, humor: false };
  }
  return { clauses, humor: laughingEmoji || clauses.some((c) => HUMOR.test(c)) };
}
