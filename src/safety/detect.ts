import { COMBO_RULES, CONTEXT, type DangerRule, IDIOMS, RULES } from './lexicon';
import { buildVocabulary, normalizeForSafety } from './normalize';
import { type DangerKind, type Detection, NO_DANGER, urgency } from './types';
import { COMMON_WORDS, FUZZY_TARGETS } from './words';

type FoundKind = Exclude<DangerKind, 'none'>;

/** Every literal word of three letters or more in the lexicon's patterns. */
function literalWords(patterns: RegExp[]): string[] {
  return patterns.flatMap((p) => p.source.replace(/\\[a-zA-Z]/g, ' ').match(/[a-z]{3,}/g) ?? []);
}

const VOCABULARY = buildVocabulary(
  [
    ...literalWords([...RULES.map((r) => r.pattern), ...COMBO_RULES.flatMap((c) => c.parts), ...IDIOMS, CONTEXT.distantPast, CONTEXT.recentPast, CONTEXT.question, CONTEXT.aboutMeNow]),
    ...CONTEXT.bridges,
    ...COMMON_WORDS,
  ],
  FUZZY_TARGETS,
);

const everywhere = (pattern: RegExp): RegExp => new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
const GLOBAL_RULES = RULES.map((rule) => ({ rule, pattern: everywhere(rule.pattern) }));
const GLOBAL_COMBOS = COMBO_RULES.map((combo) => ({ combo, parts: combo.parts.map(everywhere) }));

interface ClauseContext {
  text: string;
  question: boolean;
  distant: boolean;
  recent: boolean;
}

function readClause(raw: string): ClauseContext {
  let text = raw;
  for (const idiom of IDIOMS) text = text.replace(idiom, ' _ ');
  text = text.replace(/\s+/g, ' ').trim();
  return {
    text,
    question: CONTEXT.question.test(text) && !CONTEXT.aboutMeNow.test(text),
    distant: CONTEXT.distantPast.test(text),
    recent: CONTEXT.recentPast.test(text),
  };
}

/** "not" / "never" / "no" just before the match, with only small words between ("not going to ..."). */
function isNegated(clause: string, index: number): boolean {
  const before = clause.slice(0, index).trim().split(' ').filter(Boolean);
  for (let i = before.length - 1, looked = 0; i >= 0 && looked < 6; i--, looked++) {
    if (CONTEXT.negators.has(before[i])) return true;
    if (!CONTEXT.bridges.has(before[i])) return false;
  }
  return false;
}

/**
 * Where the first match that is not negated starts, or -1. Runs the shared global pattern with exec
 * from lastIndex 0: String.matchAll would clone the pattern on every call, and this runs every rule on
 * every clause of every message.
 */
function firstLiveMatch(pattern: RegExp, clause: string, negatable: boolean): number {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(clause); match !== null; match = pattern.exec(clause)) {
    if (!negatable || !isNegated(clause, match.index)) return match.index;
    if (match[0] === '') pattern.lastIndex++; // an empty match would be found again at the same place
  }
  return -1;
}

interface Hit {
  kind: FoundKind;
  signal: string;
}

/** What the clause around a match changes: questions, fear of the future, the past, laughter. */
function applyContext(rule: DangerRule, index: number, clause: ClauseContext, humor: boolean): Hit | undefined {
  let kind: FoundKind | undefined = rule.kind;
  const tags: string[] = [];
  if (clause.question && rule.inQuestion) {
    if (rule.inQuestion === 'drop') return undefined;
    kind = 'ambiguous';
    tags.push('question');
  }
  if ((kind === 'medical' || kind === 'severeWithdrawal') && CONTEXT.worry.test(clause.text.slice(0, index))) return undefined;
  if (clause.distant) {
    kind = kind === 'suicide' ? 'ambiguous' : undefined;
    tags.push('past');
  } else if (clause.recent && kind === 'medical') {
    kind = 'severeWithdrawal';
    tags.push('recent');
  }
  if (humor && (kind === 'suicide' || kind === 'ambiguous')) {
    kind = kind === 'suicide' ? 'ambiguous' : undefined;
    tags.push('humor');
  }
  return kind && { kind, signal: tags.length ? `${rule.id}~${tags.join('+')}` : rule.id };
}

/**
 * Finds danger in one message: pure, deterministic, no I/O. Explicit statements are matched by the
 * lexicon; negation ("I am not suicidal"), idioms ("killing it at work"), questions, the past and
 * laughter soften a match, and nothing else removes one.
 */
export function detectDanger(text: string): Detection {
  if (typeof text !== 'string' || text.trim() === '') return NO_DANGER;
  const message = normalizeForSafety(text, VOCABULARY);
  const clauses = message.clauses.map(readClause);
  const hits: Hit[] = [];

  for (const clause of clauses) {
    const found: Array<{ rule: DangerRule; index: number }> = [];
    for (const { rule, pattern } of GLOBAL_RULES) {
      const index = firstLiveMatch(pattern, clause.text, rule.negatable !== false);
      if (index >= 0) found.push({ rule, index });
    }
    const suppressed = new Set(found.flatMap(({ rule }) => rule.suppresses ?? []));
    for (const { rule, index } of found) {
      if (suppressed.has(rule.id)) continue;
      const hit = applyContext(rule, index, clause, message.humor);
      if (hit) hits.push(hit);
    }
  }

  const current = clauses.filter((c) => !c.distant && !c.question);
  for (const { combo, parts } of GLOBAL_COMBOS) {
    if (!parts.every((part) => current.some((c) => firstLiveMatch(part, c.text, true) >= 0))) continue;
    const recent = combo.kind === 'medical' && current.some((c) => c.recent);
    hits.push(recent ? { kind: 'severeWithdrawal', signal: `${combo.id}~recent` } : { kind: combo.kind, signal: combo.id });
  }

  if (hits.length === 0) return NO_DANGER;
  const kinds = [...new Set(hits.map((h) => h.kind))].sort((a, b) => urgency(a) - urgency(b));
  return { kind: kinds[0], kinds, signals: [...new Set(hits.map((h) => h.signal))] };
}
