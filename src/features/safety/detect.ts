import { CLASSIFIER, type Classifier, type Head } from './classifier';
import { clauseCancelled, type Concept, CONCEPT_RULES, CONCEPTS, type Present } from './concepts';
import { COMBO_RULES, CONTEXT, type DangerRule, IDIOMS, RULES } from './lexicon';
import { buildVocabulary, type NormalizedMessage, normalizeForSafety } from './normalize';
import { type DangerKind, type Detection, NO_DANGER, urgency } from './types';
import { inTheirVoice, speaksOfAnother } from './voice';
import { COMMON_WORDS, FUZZY_TARGETS } from './words';

type FoundKind = Exclude<DangerKind, 'none'>;

/**
 * The detector's version, logged with every safety event beside the rule ids that fired. Bump it with
 * every change to the rules, the concepts or the word lists, so an event can be traced to the rules
 * that made it.
 */
export const DETECTOR_VERSION = 'safety-4.3.0';

/** Every literal word of three letters or more in the lexicon's patterns. */
function literalWords(patterns: RegExp[]): string[] {
  return patterns.flatMap((p) => p.source.replace(/\\[a-zA-Z]/g, ' ').match(/[a-z]{3,}/g) ?? []);
}

const VOCABULARY = buildVocabulary(
  [
    ...literalWords([
      ...RULES.map((r) => r.pattern),
      ...Object.values(CONCEPTS).map((source) => new RegExp(source)),
      ...COMBO_RULES.flatMap((c) => c.parts),
      ...IDIOMS,
      CONTEXT.distantPast,
      CONTEXT.recentPast,
      CONTEXT.question,
      CONTEXT.aboutMeNow,
      CONTEXT.happeningNow,
      CONTEXT.selfCheck,
    ]),
    ...CONTEXT.bridges,
    ...COMMON_WORDS,
  ],
  FUZZY_TARGETS,
);

const everywhere = (pattern: RegExp): RegExp =>
  new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);

/**
 * One alternation of many patterns, to ask first whether any of them matches a clause at all. Most clauses
 * hold none of the idioms, and one scan of the alternation costs a fraction of one scan per pattern (the
 * call overhead dominates on short clauses). Exact: an alternation matches wherever one of its parts does,
 * provided the parts share their flags and hold no capturing groups (numbered references would shift).
 */
function anyOf(patterns: readonly RegExp[]): RegExp {
  for (const p of patterns) {
    if (p.flags.replace('g', '') !== '' || /(?:^|[^\\])(?:\\\\)*\((?!\?)|\(\?<(?![=!])|\\[1-9]|\\k</.test(p.source))
      throw new Error(`cannot join ${p.source.slice(0, 40)}: flags or capturing groups`);
  }
  return new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'));
}

const GLOBAL_RULES = RULES.map((rule) => ({ rule, pattern: everywhere(rule.pattern) }));
const ANY_IDIOM = anyOf(IDIOMS);
const GLOBAL_COMBOS = COMBO_RULES.map((combo) => ({ combo, parts: combo.parts.map(everywhere) }));
const CONCEPT_NAMES = Object.keys(CONCEPTS) as Concept[];
const GLOBAL_CONCEPTS = CONCEPT_NAMES.map((name) => ({ name, pattern: new RegExp(CONCEPTS[name], 'g') }));
/** Cancellers and context carry their own negations ("i am not", "i have not"); a "not" before them changes nothing. */
const NOT_NEGATABLE = new Set<Concept>([
  'heartSpreadMild',
  'heartSpreadStrong',
  'withdrawalContext',
  'justWithdrawal',
  'usualDose',
  'selfRiskAnchor',
  'emergencyAnchor',
  'denial',
  'trivialObject',
  'lastDose',
  'sleepContext',
  'figureMarker',
  'notKratom',
  'history',
  'pastEvent',
  'now',
  'willIngest',
  'weOrYou',
  'deathOfOther',
  'reportedQuestion',
  'assurance',
  'kratomObject',
  'kratomThing',
  'idiomOfOther',
  'bodyDanger',
  'emergencySign',
  'sedation',
  'pastMarker',
  'story',
  'thirdDeath',
  'myStance',
  'speechFrame',
  'warning',
  'notLife',
  'withdrawalSymptom',
  'firstPerson',
  'amountTaken',
  'refuseHelp',
  'iIngested',
  'notReally',
  'goingToSleep',
  'chapterEnds',
  'doseMeasure',
]);

/**
 * The concepts of one clause, each matched only when a rule first asks for it (rules are && chains, so
 * most patterns never run on a given message). A negated mention does not count.
 */
class ClauseConcepts {
  private readonly known = new Int8Array(CONCEPT_NAMES.length);
  /** Another clause names kratom as what ends, and nothing was taken. */
  kratomElsewhere = false;
  constructor(private readonly text: string) {}
  has(i: number): boolean {
    if (this.known[i] === 0)
      this.known[i] =
        firstLiveMatch(GLOBAL_CONCEPTS[i].pattern, this.text, !NOT_NEGATABLE.has(CONCEPT_NAMES[i])) >= 0 ? 2 : 1;
    return this.known[i] === 2;
  }
  get death(): boolean {
    const p = this as unknown as Present;
    // "ending it with kratom" is a goodbye to kratom; "took 100g of kratom to end it" is not.
    return (
      p.deathStrong ||
      (p.deathSoft && !this.kratomElsewhere && !p.lastDose && (!p.kratomThing || p.ingested || p.willIngest))
    );
  }
}

/** Concepts found anywhere in some clauses (a message-scope rule). */
class ConceptUnion {
  constructor(private readonly parts: ClauseConcepts[]) {}
  has(i: number): boolean {
    return this.parts.some((p) => p.has(i));
  }
  get death(): boolean {
    return this.parts.some((p) => p.death);
  }
  every(i: number): boolean {
    return this.parts.every((p) => p.has(i));
  }
}

// A message signs off only when every clause does ("ok. bye"): one "bye" inside a farewell is not a sign-off.
const EVERY_CLAUSE: ReadonlySet<string> = new Set(['signOff']);

for (const [i, name] of CONCEPT_NAMES.entries()) {
  Object.defineProperty(ClauseConcepts.prototype, name, {
    get(this: ClauseConcepts) {
      return this.has(i);
    },
  });
  Object.defineProperty(ConceptUnion.prototype, name, {
    get(this: ConceptUnion) {
      return EVERY_CLAUSE.has(name) ? this.every(i) : this.has(i);
    },
  });
}

const asPresent = (concepts: ClauseConcepts | ConceptUnion) => concepts as unknown as Present;

/** Which concept families a clause holds (for tests and tuning tools; the detector reads them lazily). */
export function conceptsOf(clause: string): Present {
  const lazy = asPresent(new ClauseConcepts(clause));
  return Object.fromEntries([...CONCEPT_NAMES, 'death'].map((name) => [name, lazy[name as keyof Present]])) as Present;
}

function union(all: Present[]): Present {
  return asPresent(new ConceptUnion(all as unknown as ClauseConcepts[]));
}

/** A sign in the body or an intake that a medical rule reads: what "last night" can put in the past. */
const hasBodySign = (p: Present) =>
  p.bodyDanger ||
  p.emergencySign ||
  p.sedation ||
  p.heartSign ||
  p.jaundice ||
  p.liverFailureSign ||
  p.swallowed ||
  p.ingested;

/** The meaning layer (concepts.ts): concept families combined by rules, after the cancellers. */
function conceptHits(clauses: ClauseContext[], found: Present[], humor: boolean): Hit[] {
  const whole = union(found);
  const liveIndexes = found.flatMap((p, i) => (clauseCancelled(p, whole, found[i - 1]) ? [] : [i]));
  const live = liveIndexes.map((i) => found[i]);
  if (live.length === 0) return [];
  const message = union(live);
  const asking = liveIndexes.filter((i) => !clauses[i].question).map((i) => found[i]);
  const notAsking = union(asking);
  // "I had a seizure last night": over now, so care today rather than 911 (as for the lexicon).
  // The past must be the danger's own: "on extract till last week" dates the use, not today's yellow eyes.
  const recent = liveIndexes.some((i) => clauses[i].recent && hasBodySign(found[i])) && !message.now;
  const hits: Hit[] = [];
  for (const rule of CONCEPT_RULES) {
    const fires = rule.notInQuestions
      ? asking.length > 0 &&
        (rule.scope === 'message' ? rule.when(notAsking, whole) : asking.some((p) => rule.when(p, whole)))
      : rule.scope === 'message'
        ? rule.when(message, whole)
        : live.some((p) => rule.when(p, whole));
    if (!fires) continue;
    for (const kind of rule.kinds) {
      // Laughter softens thoughts of death to a question and drops a bare mention (as for the lexicon).
      if (humor && kind !== 'medical') {
        if (kind === 'suicide') hits.push({ kind: 'ambiguous', signal: `${rule.id}~humor` });
        continue;
      }
      if (kind === 'medical' && recent) hits.push({ kind: 'severeWithdrawal', signal: `${rule.id}~recent` });
      else hits.push({ kind, signal: rule.id });
    }
  }
  return hits;
}

/** Clauses whose danger words are not the person's own, now: history, a death that happened to someone else, a reported screening question with "I'm safe". */
function cancelledClauses(found: Present[]): Set<number> {
  const whole = union(found);
  return new Set(found.flatMap((p, i) => (clauseCancelled(p, whole, found[i - 1]) ? [i] : [])));
}

interface ClauseContext {
  text: string;
  question: boolean;
  distant: boolean;
  recent: boolean;
}

function readClause(raw: string): ClauseContext {
  let text = raw;
  // No idiom anywhere (most clauses): each replace below would leave the text as it is.
  if (ANY_IDIOM.test(text)) for (const idiom of IDIOMS) text = text.replace(idiom, ' _ ');
  text = text.replace(/\s+/g, ' ').trim();
  return {
    text,
    question: CONTEXT.question.test(text) && !CONTEXT.aboutMeNow.test(text) && !CONTEXT.selfCheck.test(text),
    distant: CONTEXT.distantPast.test(text),
    recent: CONTEXT.recentPast.test(text),
  };
}

/**
 * The message's clauses in context. A question is only a question while nothing in the message says it is
 * happening: "what happens if you vomit coffee grounds? it is happening now" reports an emergency.
 */
function readClauses(raw: string[]): ClauseContext[] {
  const clauses = raw.map(readClause);
  if (!clauses.some((c) => c.question) || !raw.some((text) => CONTEXT.happeningNow.test(text))) return clauses;
  return clauses.map((c) => ({ ...c, question: false }));
}

/** "not" / "never" / "no" just before the match, with only small words between ("not going to ..."). */
function isNegated(clause: string, index: number): boolean {
  // Only the last few words matter: look at a bounded window, so a long clause with many matches stays linear.
  const from = Math.max(0, index - 120);
  const window = clause.slice(from, index).trim().split(' ').filter(Boolean);
  const before = from > 0 ? window.slice(1) : window; // the window may start mid-word
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
  if ((kind === 'medical' || kind === 'severeWithdrawal') && CONTEXT.worry.test(clause.text.slice(0, index)))
    return undefined;
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
 * When the classifier may not raise a head: the message itself says its danger words are not the
 * person's own, now (an idiom the lexicon removed, history, a clinician's question with "I'm safe",
 * kratom as what ends, someone else's figure of speech). Rules, not the classifier, decide those.
 */
/** Fewer words than this and the self-risk score may not raise (chosen on dev: it cost 1 of 464 there). */
const CLASSIFIER_MIN_WORDS = 6;
/** From this many words on, the self-risk score may raise without an anchor word. */
const ANCHOR_FREE_WORDS = 12;
const WORRY_AHEAD = /\b(?:afraid|scared|worried|worry|nervous|what if|will i|could i|might i)\b/;

function classifierVeto(clauses: ClauseContext[], concepts: Present[]): Record<Head, boolean> {
  const whole = union(concepts);
  const idiom = clauses.some((c) => c.text.includes('_'));
  const history = whole.history;
  const screened = whole.reportedQuestion && whole.assurance;
  // A goodbye said to kratom itself, with nothing about the person's own life (kratom only named is not one).
  const kratomEnds = whole.kratomFarewell && !whole.selfEnd && !whole.ingested;
  const othersWords = whole.idiomOfOther && whole.otherPerson;
  const asking = clauses.every((c) => c.question);
  // Every clause is one the rules' cancellers explained (history, someone else's joke, coffee).
  const explained = concepts.every((p, i) => clauseCancelled(p, whole, concepts[i - 1]) !== undefined);
  const past = clauses.some((c) => c.distant) && !whole.now;
  // "going to take all my pills": said before, not an emergency happening now (the rules ask or answer 988).
  const future = whole.intent && (whole.willIngest || whole.means) && !whole.ingested && !whole.bodyDanger;
  // Withdrawal named and no red-flag sign: the withdrawal rules decide (care today), not a score.
  const withdrawalOnly =
    whole.withdrawalContext &&
    !whole.bodyDanger &&
    !whole.heartStrong &&
    !whole.heartSpreadStrong &&
    !whole.sedation &&
    !whole.emergencySign;
  // A short reply ("sorry, 5 g", "i need to sleep") gives a score too little to read: rules alone decide.
  // "afraid of having a seizure when i stop": a worry about what may come, not a sign happening now.
  const worriedAhead = !whole.now && clauses.some((c) => WORRY_AHEAD.test(c.text));
  const words = clauses.reduce((n, c) => n + c.text.split(' ').filter(Boolean).length, 0);
  const selfRiskReasons: Record<string, boolean> = {
    short: words < CLASSIFIER_MIN_WORDS,
    // A short message needs an anchor word; a longer one is read by its score.
    noAnchor: words < ANCHOR_FREE_WORDS && !whole.selfRiskAnchor,
    explained,
    denial: whole.denial,
    chapter: whole.chapterEnds && !whole.deathStrong && !whole.means,
    // "a small heap in my palm, what a teaspoon holds": an amount answer with no word of self-risk.
    doseAnswer: whole.doseMeasure && !whole.selfRiskAnchor,
    signOff: whole.signOff,
    lastDose: whole.lastDose,
    sleep: whole.sleepContext,
    idiom,
    history,
    past,
    screened,
    kratomEnds,
    othersWords,
  };
  const emergencyReasons: Record<string, boolean> = {
    noAnchor: !whole.emergencyAnchor,
    explained,
    withdrawalOnly,
    usualDose: whole.usualDose,
    lastDose: whole.lastDose,
    future,
    history,
    past,
    screened,
    othersWords,
    worriedAhead,
    asking,
  };
  VETO_TRACE.selfRisk = Object.keys(selfRiskReasons).filter((k) => selfRiskReasons[k]);
  VETO_TRACE.emergency = Object.keys(emergencyReasons).filter((k) => emergencyReasons[k]);
  return { selfRisk: VETO_TRACE.selfRisk.length > 0, emergency: VETO_TRACE.emergency.length > 0 };
}
/** Why the last veto said no (tuning tools only). */
export const VETO_TRACE: Record<Head, string[]> = { selfRisk: [], emergency: [] };

/** The classifier's raise, as extra hits, where the rules did not already give that answer. */
function classifierHits(
  classifier: Classifier,
  normalized: string[],
  clauses: ClauseContext[],
  concepts: Present[],
  ruleHits: Hit[],
): { hits: Hit[]; probability: () => Record<Head, { probability: number }> } {
  const hasKind = (kind: FoundKind) => ruleHits.some((h) => h.kind === kind);
  const needSelfRisk = !hasKind('suicide') && !hasKind('ambiguous');
  // Withdrawal signs the rules already answered (get care today) are not raised to 911 by a score.
  const needEmergency = !hasKind('medical') && !hasKind('severeWithdrawal');
  // Scored only when an answer is still open: most messages with a rule answer skip the n-gram lookups.
  if (!needSelfRisk && !needEmergency) return { hits: [], probability: () => classifier.score(normalized) };
  const scores = classifier.score(normalized);
  const probability = () => scores;
  if (!scores.selfRisk.raised && !scores.emergency.raised) return { hits: [], probability };
  const veto = classifierVeto(clauses, concepts);
  const out: Hit[] = [];
  const signal = (head: Head) => `clf.${head}:${scores[head].top.map((i) => `f${i}`).join('+')}`;
  if (needEmergency && scores.emergency.raised && !veto.emergency)
    out.push({ kind: 'medical', signal: signal('emergency') });
  if (needSelfRisk && scores.selfRisk.raised && !veto.selfRisk) {
    // With a medical answer, 988 goes with it (an overdose on purpose); alone, unsure means ask.
    out.push({ kind: hasKind('medical') || out.length > 0 ? 'suicide' : 'ambiguous', signal: signal('selfRisk') });
  }
  return { hits: out, probability };
}

/**
 * An overdose is two dangers at once: the body (911) and the reason (988). When one answer is already
 * given, the other is added on weaker evidence than it would need alone: the message already alarms, so
 * this costs no false alarm, and a missed half is the worst miss there is.
 */
const OVERDOSE_SECOND_HALF = 0.3;

function overdoseHalves(
  hits: Hit[],
  concepts: Present[],
  cancelled: Set<number>,
  probability: () => Record<Head, { probability: number }>,
  tag: string,
): Hit[] {
  // Only a message that already alarms can get the other half (and most messages do not: skip the concepts).
  if (hits.length === 0) return [];
  const live = concepts.filter((_, i) => !cancelled.has(i));
  if (live.length === 0) return [];
  const whole = union(live);
  const has = (kind: FoundKind) => hits.some((h) => h.kind === kind);
  // Taken: "swallowed every xanax i had". A plan ("going to take all 30 tonight") gets 988, not 911 yet.
  const taken =
    whole.ingested && (whole.means || whole.bulk || whole.amountTaken) && !whole.history && !whole.usualDose;
  const reason =
    whole.onPurpose ||
    whole.harmPurpose ||
    whole.death ||
    whole.farewell ||
    whole.wish ||
    whole.preparation ||
    whole.refuseHelp ||
    whole.intent;
  const out: Hit[] = [];
  if (
    has('medical') &&
    !has('suicide') &&
    taken &&
    (reason || probability().selfRisk.probability >= OVERDOSE_SECOND_HALF)
  )
    out.push({ kind: 'suicide', signal: `concept.overdoseReason${tag}` });
  if (
    (has('suicide') || has('ambiguous')) &&
    !has('medical') &&
    taken &&
    (whole.bulk || whole.amountTaken || probability().emergency.probability >= OVERDOSE_SECOND_HALF)
  )
    out.push({ kind: 'medical', signal: `concept.overdoseTaken${tag}` });
  return out;
}

/** What the classifier may do for one message (for training and evaluation tools). */
export function classifierVetoOf(text: string): Record<Head, boolean> {
  const message = normalizeForSafety(text, VOCABULARY);
  const clauses = readClauses(message.clauses);
  return classifierVeto(
    clauses,
    clauses.map((c) => asPresent(new ClauseConcepts(c.text))),
  );
}

/** The normalized clauses of a message, as the detector and the classifier read them (for training tools). */
export function normalizedClauses(text: string): string[] {
  return normalizeForSafety(text, VOCABULARY).clauses;
}

/**
 * A body emergency with words that may mean self-harm ("took all my pills, i want this to end"): the 911
 * answer would hide the safety question, so it carries the 988 line instead.
 */
function emergencyAndUnsure(hits: Hit[]): void {
  if (
    hits.some((h) => h.kind === 'medical') &&
    hits.some((h) => h.kind === 'ambiguous') &&
    !hits.some((h) => h.kind === 'suicide')
  )
    hits.push({ kind: 'suicide', signal: 'concept.emergencyAndUnsure' });
}

const NO_SCORES = () => ({ selfRisk: { probability: 0 }, emergency: { probability: 0 } });

/** Rules whose answer, read in another person's voice, means that person took an overdose on purpose. */
const OVERDOSE_ON_PURPOSE = new Set(['concept.deliberateOverdose', 'concept.overdoseApology']);

/**
 * Another person's danger told in the third person: the message read again in that person's own voice
 * (voice.ts) by the rules alone. What counts is a death or harm the rules call suicide; an overdose
 * taken on purpose also brings 911. The signal starts with suicide.someoneElse, so the answer carries
 * the line for someone worried about another.
 */
function someoneElsesDanger(clauses: ClauseContext[], cancelled: Set<number>, hits: Hit[], humor: boolean): Hit[] {
  // Clauses the cancellers explained (a story, a joke of someone else's, a screening with "no") stay out;
  // idioms are already blanked in each clause's text.
  const kept = clauses.filter((_, i) => !cancelled.has(i)).map((c) => c.text);
  if (!kept.some(speaksOfAnother)) return [];
  // Already 988 on the rules' own reading: the answer only gains the line for someone worried about another.
  if (hits.some((h) => h.kind === 'suicide')) return [{ kind: 'suicide', signal: 'suicide.someoneElseVoice' }];
  // Only the clauses about the other person are read again: the rest was read once already.
  const theirClauses = kept.filter(speaksOfAnother).map(inTheirVoice);
  const theirs = detectInMessage({ clauses: theirClauses, humor }, { classifier: false, inTheirVoice: true });
  if (!theirs.kinds.includes('suicide')) return [];
  const out: Hit[] = [{ kind: 'suicide', signal: 'suicide.someoneElseVoice' }];
  if (theirs.signals.some((s) => OVERDOSE_ON_PURPOSE.has(s)) && !hits.some((h) => h.kind === 'medical'))
    out.push({ kind: 'medical', signal: 'concept.someoneElseOverdose' });
  return out;
}

/**
 * Finds danger in one message: pure, deterministic, no I/O. Explicit statements are matched by the
 * lexicon; negation ("I am not suicidal"), idioms ("killing it at work"), questions, the past and
 * laughter soften a match, and nothing else removes one.
 */
export function detectDanger(
  text: string,
  // false: the rules alone; a Classifier: that model instead of the committed one (the writers evaluation).
  // inTheirVoice: the message was already turned into another person's voice (someoneElsesDanger), read once.
  options: { classifier?: boolean | Classifier; inTheirVoice?: boolean } = {},
): Detection {
  if (typeof text !== 'string' || text.trim() === '') return NO_DANGER;
  return detectInMessage(normalizeForSafety(text, VOCABULARY), options);
}

/** detectDanger after normalizing: the second reading in another person's voice starts here, already normalized. */
function detectInMessage(
  message: NormalizedMessage,
  options: { classifier?: boolean | Classifier; inTheirVoice?: boolean },
): Detection {
  const clauses = readClauses(message.clauses);
  const hits: Hit[] = [];

  const lazy = clauses.map((c) => new ClauseConcepts(c.text));
  // "my last night with 7oh, then i'm done for good": the soft words end kratom, said in another clause.
  const kratomNamed =
    lazy.some((c) => asPresent(c).kratomThing && !asPresent(c).notKratom && !asPresent(c).quitFailed) &&
    !lazy.some((c) => asPresent(c).ingested || asPresent(c).willIngest);
  for (const c of lazy) c.kratomElsewhere = kratomNamed;
  const concepts = lazy.map(asPresent);
  const cancelled = cancelledClauses(concepts);
  // "goodbye kratom", "i'm done. no more kratom": the farewell is to kratom.
  const kratomIsTheObject = concepts.some((p) => p.kratomObject);
  for (const [index, clause] of clauses.entries()) {
    if (cancelled.has(index)) continue;
    const found: Array<{ rule: DangerRule; index: number }> = [];
    for (const { rule, pattern } of GLOBAL_RULES) {
      const index = firstLiveMatch(pattern, clause.text, rule.negatable !== false);
      if (index >= 0) found.push({ rule, index });
    }
    const suppressed = new Set(found.flatMap(({ rule }) => rule.suppresses ?? []));
    for (const { rule, index } of found) {
      if (suppressed.has(rule.id)) continue;
      if (rule.objectMayBeKratom && kratomIsTheObject) continue;
      const hit = applyContext(rule, index, clause, message.humor);
      if (hit) hits.push(hit);
    }
  }

  hits.push(...conceptHits(clauses, concepts, message.humor));

  const current = clauses.filter((c, i) => !c.distant && !c.question && !cancelled.has(i));
  for (const { combo, parts } of GLOBAL_COMBOS) {
    if (!parts.every((part) => current.some((c) => firstLiveMatch(part, c.text, true) >= 0))) continue;
    const recent = combo.kind === 'medical' && current.some((c) => c.recent);
    hits.push(
      recent ? { kind: 'severeWithdrawal', signal: `${combo.id}~recent` } : { kind: combo.kind, signal: combo.id },
    );
  }

  // The rules' own answer is settled first, the same with or without the classifier, so the classifier only adds.
  emergencyAndUnsure(hits);
  hits.push(...overdoseHalves(hits, concepts, cancelled, NO_SCORES, ''));
  if (options.classifier !== false) {
    const classifier = typeof options.classifier === 'object' ? options.classifier : CLASSIFIER;
    const scored = classifierHits(classifier, message.clauses, clauses, concepts, hits);
    hits.push(...scored.hits);
    hits.push(...overdoseHalves(hits, concepts, cancelled, scored.probability, '~clf'));
    emergencyAndUnsure(hits);
  }
  if (!options.inTheirVoice) hits.push(...someoneElsesDanger(clauses, cancelled, hits, message.humor));

  if (hits.length === 0) return NO_DANGER;
  const kinds = [...new Set(hits.map((h) => h.kind))].sort((a, b) => urgency(a) - urgency(b));
  return { kind: kinds[0], kinds, signals: [...new Set(hits.map((h) => h.signal))] };
}
