import { escapeRegExp, normalize } from '../../platform/nlu/choices';
import type { Content } from '../../platform/content/Content';
import { type IntentId, IntentMatcher, type IntentMatcherOptions } from '../../platform/nlu/intents';
import { QuestionBank } from '../explain/questionBank';
import { asksInLaterClause, asksSomething, clausesOf, looksLikeQuestion } from '../explain/questions';

/** What a free-text message asks for, before any dialog reads it. */
export type Understood =
  /** request: worded as a request ("take me back to the menu", "can you..."): it may interrupt a waiting question. */
  | { kind: 'intent'; id: IntentId; sure: boolean; request?: boolean }
  | { kind: 'tie'; ids: IntentId[] }
  /** score: the share of the message's words the best wording found (1 for an exact wording). */
  | { kind: 'question'; id: string; score: number; words: number }
  | { kind: 'questionUnclear'; ids: string[] }
  /** A request in one clause and a bank question in another ("make me a plan. how long does withdrawal last?"). */
  | { kind: 'requestAndQuestion'; intent: IntentId; question: string }
  /** Shaped like a question, but nothing in the bank answers it. */
  | { kind: 'questionUnknown' }
  | { kind: 'none' };

/** An intent this close to one of its phrases wins over a question match. */
const SURE_INTENT = 0.85;
/** A question match this close (share of the message's words) wins over a loosely worded request. */
const SURE_QUESTION = 0.8;
/** How much of a message is read for a request or a question. */
const MAX_READ_CHARS = 240;

/**
 * Reads what a message asks for: a request (an intent), a question from the bank, or neither.
 * Deterministic: the same message always reads the same way.
 */

/** Social words are said back, never offered beside a question ("thanks, how long does it last?" is the question). */
const SOCIAL: ReadonlySet<IntentId> = new Set(['greeting', 'thanks', 'goodbye']);

/** A bank match this close (share of the message's words) answers a question that also holds a request's cue words. */
const CUE_QUESTION = 0.6;
/** ...and, with no sign of a question, when the bank holds nearly this very wording ("i relapsed last night"). */
const WORDING_QUESTION = 0.9;

export class Understanding {
  readonly intents: IntentMatcher;
  readonly bank: QuestionBank;
  /** Words of an urge happening now (content: intents.urgeNow): with them, "help right now" outranks a symptom's answer. */
  private readonly urgeNow: RegExp;
  /** How a request in the shape of a question starts ("can you...", "i want..."; content: intents.requestOpeners). */
  private readonly requestOpeners: string[];
  /** A way to ask followed by one of the bot's actions ("can i speak to...", "how do i stop the..."; content: intents.asksToDo). */
  private readonly asksToDo: RegExp;
  private readonly askedAlso: ReadonlySet<string>;
  /** Words a message may open with before its request (content: intents.openers): filler ("ok", "hmm") and words that turn away from the waiting question ("wait", "actually", "nvm that"). */
  private readonly opener: RegExp;
  private readonly turnsAway: RegExp;

  constructor(
    private readonly content: Content,
    options: IntentMatcherOptions = {},
  ) {
    this.bank = new QuestionBank(content);
    this.intents = new IntentMatcher(content, { knownWords: (word) => this.bank.knows(word), ...options });
    const words = content.list('intents.urgeNow').map((w) => escapeRegExp(normalize(w)));
    this.urgeNow = new RegExp(`\\b(?:${words.join('|')})\\b`);
    this.requestOpeners = content.list('intents.requestOpeners').map((w) => normalize(w));
    const either = (key: string) =>
      content
        .list(key)
        .map((w) => escapeRegExp(normalize(w.replace(/['’]/g, ''))))
        .join('|');
    this.askedAlso = new Set(content.list('intents.asksToDo.notOver'));
    this.asksToDo = new RegExp(
      `(?:^| )(?:${either('intents.asksToDo.asks')}) ((?:\\S+ ){0,3}?(?:${either('intents.asksToDo.actions')})(?:s|ing|ed)?(?: .*)?$)`,
    );
    const alternatives = (key: string) =>
      content
        .list(key)
        .map((w) => escapeRegExp(normalize(w)).replace(/ /g, '[\\s,.]+'))
        .sort((a, b) => b.length - a.length)
        .join('|');
    const turning = alternatives('intents.openers.switch');
    // Read on the message as typed, so its "?" and capitals stay for the question checks.
    this.opener = new RegExp(
      `^\\s*(?:(?:${turning}|${alternatives('intents.openers.filler')})(?:[\\s,.!:;-]+|$))+`,
      'i',
    );
    this.turnsAway = new RegExp(`(?:^|[\\s,.])(?:${turning})(?:[\\s,.!:;-]|$)`, 'i');
  }

  /**
   * "ok wait can you just make me a plan": the opening words are dropped before the request is read, and words
   * that turn away from the question mark it as a request of its own. Nothing is dropped when nothing would be left ("nvm").
   */
  private withoutSwitch(text: string): { text: string; switched: boolean } {
    const opener = this.opener.exec(text);
    if (!opener || !/[a-z0-9]/i.test(text.slice(opener[0].length))) return { text, switched: false };
    return { text: text.slice(opener[0].length), switched: this.turnsAway.test(opener[0]) };
  }

  /** "can you check in with me every week?" asks for something to be done, not for an answer. */
  private opensRequest(text: string): boolean {
    const said = normalize(text);
    return this.requestOpeners.some((o) => said === o || said.startsWith(`${o} `));
  }

  /** "can i speak to a human", "how do i stop the messages": the message asks the bot to do one of its things. */
  private asksToDoSomething(text: string): string | undefined {
    return this.asksToDo.exec(normalize(text.replace(/['’]/g, '')))?.[1];
  }

  /**
   * Two asks in one message, a request in one clause and a bank question in another, are both offered
   * rather than one picked blindly. Each clause must be clear on its own: a sure request, a question the bank knows well.
   */
  private requestAndQuestion(text: string): Understood | undefined {
    const clauses = clausesOf(text).filter((clause) => clause.split(/\s+/).length >= 2);
    if (clauses.length < 2) return undefined;
    let request: { id: IntentId; clause: number } | undefined;
    let question: { id: string; clause: number } | undefined;
    clauses.forEach((said, i) => {
      const clause = this.withoutSwitch(said).text;
      const intent = this.intents.match(clause);
      if (intent.kind === 'intent' && (intent.exact || intent.score >= SURE_INTENT)) {
        // Worded as a request (close to a phrase, or "can you...", "i want..."), not a story told before a
        // question ("my mother wants to stop taking kratom. is withdrawal dangerous at her age?").
        const worded = intent.exact || (intent.phrase ?? 0) >= SURE_INTENT || this.opensRequest(clause);
        if (!request && worded && !SOCIAL.has(intent.id)) request = { id: intent.id, clause: i };
        return;
      }
      if (question || !(looksLikeQuestion(clause, this.content) || asksSomething(clause, this.content))) return;
      const found = this.bank.find(clause);
      if (found.kind === 'match' && found.score >= SURE_QUESTION && found.words >= 2)
        question = { id: found.id, clause: i };
    });
    return request && question ? { kind: 'requestAndQuestion', intent: request.id, question: question.id } : undefined;
  }

  /**
   * Thanks, goodbye or hello said inside a longer message ("ok that actually helped a lot, thank you so much for
   * being here", "i have to go to work now, see you"): one clause says it clearly, and no other clause asks for
   * something, asks a question the bank knows, or says something the bank knows well that is not small talk
   * ("thanks. my legs are killing me" is the legs). Goodbye outranks thanks, thanks outranks hello.
   */
  private socialInClauses(text: string): IntentId | undefined {
    const clauses = clausesOf(text).map((clause) => this.withoutSwitch(clause).text);
    if (clauses.length < 2) return undefined;
    const said = new Set<IntentId>();
    for (const clause of clauses) {
      const intent = this.intents.match(clause);
      if (intent.kind === 'intent' && SOCIAL.has(intent.id) && (intent.exact || intent.score >= SURE_INTENT)) {
        said.add(intent.id);
        continue;
      }
      // A sure request of another kind, or a help-now word, is never small talk.
      if (intent.kind === 'intent' && intent.score >= SURE_INTENT) return undefined;
      if (this.urgeNow.test(normalize(clause)) && intent.kind === 'intent' && intent.id === 'helpNow') return undefined;
      const leaning =
        (intent.kind === 'intent' && SOCIAL.has(intent.id)) ||
        (intent.kind === 'tie' && intent.ids.some((id) => SOCIAL.has(id))) ||
        (intent.kind === 'none' && intent.best !== undefined && SOCIAL.has(intent.best.id) && intent.best.score >= 0.5);
      if (leaning) continue;
      const asked = looksLikeQuestion(clause, this.content) || asksSomething(clause, this.content);
      const found = this.bank.find(clause);
      if (found.kind === 'match' && (asked || (found.score >= SURE_QUESTION && found.words >= 2))) return undefined;
      if (asked && found.kind === 'unclear') return undefined;
    }
    return (['goodbye', 'thanks', 'greeting'] as const).find((id) => said.has(id));
  }

  read(message: string): Understood {
    // Requests and questions are short; a long message is read by its start (its end for a question), so a turn stays cheap.
    const start = message.length > MAX_READ_CHARS ? message.slice(0, MAX_READ_CHARS) : message;
    const whole = this.intents.match(start);
    // A phrase known word for word ("nvm go back") is read whole; otherwise the opening words are dropped.
    const { text, switched } =
      whole.kind === 'intent' && whole.exact ? { text: start, switched: false } : this.withoutSwitch(start);
    // Asked as something for the bot to do ("can i speak to a human", "how do i delete my data"): a request its
    // phrases or cue words already name is done, not answered from the bank, though the bank shares its words.
    // The request is also read on its own, from the action on, so the way of asking and a story told before it
    // do not hide it ("is there a way to see my progress", "i've used for years and i'm done, can you help me make a plan").
    const action = this.asksToDoSomething(text);
    let intent = text === start ? whole : this.intents.match(text);
    // The action part names the request when it is clear alone: a story before it can hold another request's words.
    if (action && !(intent.kind === 'intent' && intent.exact)) {
      const framed = this.intents.match(action);
      if (framed.kind === 'intent' && (framed.exact || framed.score >= SURE_INTENT) && !SOCIAL.has(framed.id))
        intent = { ...framed, exact: false };
    }
    // Some requests are also how people ask the bank ("how can i stop safely?", "can you explain tolerance?"):
    // for them the way of asking does not outrank a bank answer (content: intents.asksToDo.notOver).
    const toDo = action !== undefined && !(intent.kind === 'intent' && this.askedAlso.has(intent.id));
    const asking = looksLikeQuestion(text, this.content);
    // A question ("can suboxone help me get off kratom?") that holds a request's words is a question when the bank answers it.
    // A long story asks its question at the end: the bank reads the end of it.
    const asked = message.length > MAX_READ_CHARS ? message.slice(-MAX_READ_CHARS) : text;
    // A bare number ("3") is a menu or answer choice, never a question, whatever the bank's wordings hold.
    const question =
      (intent.kind === 'intent' && intent.exact) || !/[a-z]/i.test(asked) ? undefined : this.bank.find(asked);
    const asks = asking || asksSomething(text, this.content) || asksInLaterClause(text, this.content);
    const urge = this.urgeNow.test(normalize(text));
    const both = asks ? this.requestAndQuestion(text) : undefined;
    // In a craving now, help comes first, not a choice ("what do i do right now, i want to use so bad").
    if (both?.kind === 'requestAndQuestion' && both.intent === 'helpNow' && urge)
      return { kind: 'intent', id: 'helpNow', sure: true };
    if (both) return both;
    const sureRequest =
      intent.kind === 'intent' && (intent.exact || intent.score >= SURE_INTENT) && !SOCIAL.has(intent.id);
    const social = sureRequest ? undefined : this.socialInClauses(text);
    if (social) return { kind: 'intent', id: social, sure: true };
    if (intent.kind === 'intent' && (intent.exact || intent.score >= SURE_INTENT)) {
      // ...unless it asks, and the bank knows its words at least as well as the request's phrase does.
      const bankKnows =
        asking &&
        question?.kind === 'match' &&
        question.score >= SURE_QUESTION &&
        question.words >= 2 &&
        question.score >= intent.score;
      // A request named only by its cue words ("how fast can i taper off kratom") gives way to a question
      // the bank answers, unless it is worded as a request ("can you...", "i want...").
      const cueOnly = !intent.exact && intent.cue === true && (intent.phrase ?? 0) < SURE_INTENT;
      const bankAnswers =
        cueOnly &&
        !this.opensRequest(text) &&
        question?.kind === 'match' &&
        question.score >= (asks ? CUE_QUESTION : WORDING_QUESTION) &&
        // One word of the bank's beats a cue of one group ("what can i do about restless legs"), never a verb with its object ("who built this thing").
        (question.words >= 2 || (asks && !intent.pair));
      if (toDo || switched || (!bankKnows && !bankAnswers)) return { kind: 'intent', id: intent.id, sure: true };
    }
    // Someone in a craving or withdrawal now gets the next ten minutes first, even when a symptom's answer
    // also fits ("day 2 and i want to use so bad"); the symptom can be asked after.
    if (intent.kind === 'intent' && intent.id === 'helpNow' && !asks && urge)
      return { kind: 'intent', id: 'helpNow', sure: false };
    if (!question) return { kind: 'none' };
    // A loosely worded request that is not shaped like a question stays a request unless the bank knows the words well.
    if (intent.kind === 'intent' && question.kind === 'match' && question.score < SURE_QUESTION && (!asking || toDo)) {
      return { kind: 'intent', id: intent.id, sure: false, request: switched || toDo || this.opensRequest(text) };
    }
    // Two requests equally likely beat a loose question match when the message is not shaped like a question.
    if (intent.kind === 'tie' && question.kind === 'match' && question.score < SURE_QUESTION && (!asking || toDo))
      return { kind: 'tie', ids: intent.ids };
    if (question.kind === 'match')
      return { kind: 'question', id: question.id, score: question.score, words: question.words };
    if (intent.kind === 'intent')
      return { kind: 'intent', id: intent.id, sure: false, request: switched || toDo || this.opensRequest(text) };
    if (intent.kind === 'tie') return { kind: 'tie', ids: intent.ids };
    if (question.kind === 'unclear') return { kind: 'questionUnclear', ids: question.ids };
    if (asking) return { kind: 'questionUnknown' };
    return { kind: 'none' };
  }
}
