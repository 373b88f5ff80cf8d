import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import { type GlobalCommand, findCommand, isDialogActive } from '../../src/platform/bot/commands';
import type { DialogServices } from '../shared/services';
import type { ChoiceOption } from '../../src/platform/channels/messages';
import { matchesPhrase, recognizeChoiceExactly } from '../../src/platform/nlu/choices';
import { INTENT_IDS, type IntentId } from '../../src/platform/nlu/intents';
import { asksInLaterClause, asksSomething, looksLikeQuestion } from '../../src/features/explain/questions';
import type { Understanding, Understood } from '../../src/features/understanding/understand';
import type { Content } from '../../src/platform/content/Content';
import { beginWithConsent } from '../privacy/consentGate';
import { CHECKIN_DIALOG } from '../checkins/CheckInDialog';
import { CHECKIN_ENROLL_DIALOG } from '../checkins/CheckInEnrollDialog';
import { DELETE_DATA_DIALOG } from '../privacy/DeleteDataDialog';
import { innermost } from '../shared/dialogContexts';
import { EXPLAIN_DIALOG } from '../explain/ExplainDialog';
import { sendHelpNow } from './HelpNowDialog';
import { INTAKE_DIALOG } from '../intake/IntakeDialog';
import { INTAKE_LOOP_DIALOG } from '../intake/IntakeLoopDialog';
import { PROGRAM_DIALOG } from '../program/ProgramDialog';
import { ROOT_DIALOG, resumeOrMenu } from '../shared/rootDialog';

/** A dialog waiting for a reply that can tell, cheaply and without side effects, that a message answers it. */
export interface TakesAnswers {
  takesAsAnswer(dc: DialogContext, text: string): boolean;
}

/** The buttons offered when a message fitted two things; the next message may pick one. */
interface Offer {
  choices: ChoiceOption[];
}

/** The intents answered by a global command, by command id. */
const COMMAND_OF: Partial<Record<IntentId, string>> = {
  help: 'help',
  startOver: 'startOver',
  privacy: 'privacy',
  exportData: 'exportData',
  deleteData: 'deleteData',
  checkins: 'checkInsOn',
  pauseCheckIns: 'pauseCheckIns',
  resumeCheckIns: 'resumeCheckIns',
  stopCheckIns: 'stopCheckIns',
  checkInNow: 'checkInNow',
  progress: 'progress',
  program: 'program',
};

/** The dialogs an intent opens: while one runs, the message is its to read ("I want to cut down" answers the intake's goal). */
const DIALOG_OF: Partial<Record<IntentId, string[]>> = {
  // Past its first step the intake runs as its loop (the entry replaces itself), so either one means it is open.
  intake: [INTAKE_DIALOG, INTAKE_LOOP_DIALOG],
  program: [PROGRAM_DIALOG],
  checkins: [CHECKIN_ENROLL_DIALOG],
  checkInNow: [CHECKIN_DIALOG],
  learn: [EXPLAIN_DIALOG],
  deleteData: [DELETE_DATA_DIALOG],
};

const INTENT = 'intent:';
const QUESTION = 'question:';
const NEITHER = 'neither';
/** A message not shaped like a question still counts as one mid-dialog when the bank found this much of it. */
const CLEAR_QUESTION = 0.75;
/** Inside a question, words not shaped like a question ("a long time") are only a bank question with this many of its words. */
const MIN_WORDS_UNASKED = 3;
/** ...or two words, when the bank found every one of them ("everything hurts"). */
const ALL_WORDS = 0.99;

/**
 * Every message passes here after the safety guard and before the waiting dialog. Exact commands run
 * as before. Otherwise a request or a question is handled in place (answered, or its dialog started),
 * and the waiting question is asked again through its own reprompt: one mechanism for every dialog.
 * A message the waiting question takes as its answer (a button, a dose, a yes) always goes to it.
 */
export class UnderstandingRouter {
  constructor(
    private readonly services: DialogServices,
    private readonly understanding: Understanding,
    private readonly commands: GlobalCommand[],
    private readonly offers: StatePropertyAccessor<Offer | undefined>,
  ) {}

  /** True when the turn was handled here; false leaves the message to the dialogs. */
  async route(dc: DialogContext, turn: { firstTurn?: boolean } = {}): Promise<boolean> {
    const { context } = dc;
    const text = typeof context.activity.text === 'string' ? context.activity.text.trim() : '';
    if (turn.firstTurn) return this.routeFirst(dc, text);
    if (await this.pickedFromOffer(dc, text)) return true;
    const command = findCommand(text, this.commands, this.services.content);
    if (command) {
      await command.run(dc);
      return true;
    }
    if (!text || waitingTakes(dc, text)) return false;
    const understood = this.understanding.read(text);
    const decision = decide(understood, text, this.services.content, {
      atMenu: !dc.activeDialog || innermost(dc).activeDialog?.id === 'root.menuPrompt',
      nothingOpen: !dc.activeDialog,
      explaining: isDialogActive(dc, EXPLAIN_DIALOG),
      opens: (id) => (DIALOG_OF[id] ?? []).some((dialog) => isDialogActive(dc, dialog)),
    });
    switch (decision.kind) {
      case 'pass':
        return false;
      case 'intent':
        await this.runIntent(dc, decision.id, text);
        return true;
      case 'offerIntents':
        await this.offer(
          dc,
          this.services.content.text('intents.tie'),
          decision.ids.map((id) => this.intentChoice(id)),
        );
        return true;
      case 'answer':
        await this.answer(dc, decision.id);
        return true;
      case 'offerQuestions':
        await this.offer(dc, this.services.content.text('questions.offer'), [
          ...decision.ids.map((id) => ({ value: QUESTION + id, label: this.understanding.bank.get(id).title })),
          { value: NEITHER, label: this.services.content.text('explain.choices.none') },
        ]);
        return true;
      case 'offerBoth':
        await this.offer(dc, this.services.content.text('intents.both'), [
          this.intentChoice(decision.intent),
          { value: QUESTION + decision.question, label: this.understanding.bank.get(decision.question).title },
        ]);
        return true;
      case 'unknown':
        await this.say(context, 'questions.unknown');
        await resumeOrMenu(dc);
        return true;
    }
  }

  /** The very first message, after the welcome: a request or a question is answered; a hello just gets the menu. */
  private async routeFirst(dc: DialogContext, text: string): Promise<boolean> {
    if (!text) return false;
    const understood = this.understanding.read(text);
    if (
      understood.kind === 'none' ||
      (understood.kind === 'intent' && ['greeting', 'thanks', 'startOver', 'help'].includes(understood.id))
    )
      return false;
    return this.route(dc);
  }

  private async runIntent(dc: DialogContext, id: IntentId, text: string): Promise<void> {
    const commandId = COMMAND_OF[id];
    const command = commandId && this.commands.find((c) => c.id === commandId);
    if (command) return command.run(dc);
    const { context } = dc;
    switch (id) {
      case 'intake':
        await beginWithConsent(dc, this.services, INTAKE_DIALOG);
        return;
      case 'learn':
        await dc.beginDialog(EXPLAIN_DIALOG, {});
        return;
      case 'support':
        await this.say(context, 'support.text');
        break;
      case 'about':
        await this.say(context, 'about.text');
        break;
      case 'helpNow':
        await sendHelpNow(this.services, context, text);
        break;
      case 'greeting':
      case 'thanks':
        await this.say(context, `intents.${id}`);
        break;
      case 'goodbye':
        // No question again after a goodbye: the waiting one is still there when they come back.
        await this.say(context, 'intents.goodbye');
        if (!dc.activeDialog) await dc.beginDialog(ROOT_DIALOG);
        return;
      default:
        break;
    }
    await resumeOrMenu(dc);
  }

  private async answer(dc: DialogContext, questionId: string): Promise<void> {
    const question = this.understanding.bank.get(questionId);
    // A question about something the bot does ("Can I talk to a real person?") comes with the button that does it.
    const does = (INTENT_IDS as readonly string[]).includes(question.does ?? '')
      ? (question.does as IntentId)
      : undefined;
    const choices = does ? [this.intentChoice(does)] : undefined;
    if (choices) await this.offers.set(dc.context, { choices });
    await dc.context.sendActivity(
      this.services.renderer.render(
        { text: question.answer, ...(choices ? { choices } : {}) },
        dc.context.activity.channelId,
      ),
    );
    this.services.logger.info({ question: questionId }, 'bank question answered');
    await resumeOrMenu(dc);
  }

  /** Shows the options without asking the waiting question again; the next message may pick one or answer it. */
  private async offer(dc: DialogContext, text: string, choices: ChoiceOption[]): Promise<void> {
    await this.offers.set(dc.context, { choices });
    await dc.context.sendActivity(this.services.renderer.render({ text, choices }, dc.context.activity.channelId));
    if (!dc.activeDialog) await dc.beginDialog(ROOT_DIALOG);
  }

  private async pickedFromOffer(dc: DialogContext, text: string): Promise<boolean> {
    const offer = await this.offers.get(dc.context);
    if (!offer) return false;
    await this.offers.delete(dc.context);
    const picked = text ? recognizeChoiceExactly(text, offer.choices) : undefined;
    if (!picked) return false;
    if (picked.value.startsWith(INTENT)) await this.runIntent(dc, picked.value.slice(INTENT.length) as IntentId, text);
    else if (picked.value.startsWith(QUESTION)) await this.answer(dc, picked.value.slice(QUESTION.length));
    else {
      await this.say(dc.context, 'questions.unknown');
      await resumeOrMenu(dc);
    }
    return true;
  }

  private intentChoice(id: IntentId): ChoiceOption {
    return { value: INTENT + id, label: this.understanding.intents.label(id) };
  }

  private async say(context: TurnContext, key: string): Promise<void> {
    await context.sendActivity(
      this.services.renderer.render({ text: this.services.content.text(key) }, context.activity.channelId),
    );
  }
}

/** Where the person is, as far as reading a message goes. */
export interface RouteContext {
  /** At the main menu (or nothing open): loose matches count. */
  atMenu: boolean;
  nothingOpen: boolean;
  /** The explain conversation is open: it reads questions itself. */
  explaining: boolean;
  /** True when the dialog this intent opens is already open (it reads the message instead). */
  opens(id: IntentId): boolean;
}

export type Decision =
  | { kind: 'pass' }
  | { kind: 'intent'; id: IntentId }
  | { kind: 'offerIntents'; ids: IntentId[] }
  | { kind: 'answer'; id: string }
  | { kind: 'offerQuestions'; ids: string[] }
  /** A request and a bank question asked together: both offered, the person picks which comes first. */
  | { kind: 'offerBoth'; intent: IntentId; question: string }
  | { kind: 'unknown' };

/**
 * What to do with a message the waiting dialog did not take as its answer. Plain rules, kept apart
 * from the dialogs so that the evaluation (npm run nlu:eval) scores exactly what the bot does.
 */
export function decide(understood: Understood, text: string, content: Content, where: RouteContext): Decision {
  const asking = looksLikeQuestion(text, content) || asksSomething(text, content) || asksInLaterClause(text, content);
  // "back" belongs to the dialog that claims it (the program's step back); at the menu nothing does, so it means the main menu.
  if (where.atMenu && matchesPhrase(text, content.list('intents.menuBack'))) return { kind: 'intent', id: 'startOver' };
  if (understood.kind !== 'intent' && where.explaining) return { kind: 'pass' };
  switch (understood.kind) {
    case 'intent':
      if (where.opens(understood.id)) return { kind: 'pass' };
      // A loose match only interrupts at the menu; inside a question, free text is the question's to read.
      // Help in a hard moment is the exception: offering it costs nothing, and the question comes back after.
      if (!understood.sure && !where.atMenu && !asking && !understood.request && understood.id !== 'helpNow')
        return { kind: 'pass' };
      // With nothing open, the menu itself is the answer to a hello.
      if (understood.id === 'greeting' && where.nothingOpen) return { kind: 'pass' };
      return { kind: 'intent', id: understood.id };
    case 'tie':
      return where.atMenu || asking ? { kind: 'offerIntents', ids: understood.ids } : { kind: 'pass' };
    case 'question':
      // Inside a question, plain words ("alcohol and xanax") are more likely an answer than a question.
      if (!where.atMenu && !asking && !clearUnasked(understood, text)) return { kind: 'pass' };
      return { kind: 'answer', id: understood.id };
    case 'questionUnclear':
      return where.atMenu || asking ? { kind: 'offerQuestions', ids: understood.ids } : { kind: 'pass' };
    case 'requestAndQuestion':
      // The request's own dialog is open (the intake, and "make me a plan"): it already runs, so only the question is left.
      if (where.opens(understood.intent)) return { kind: 'answer', id: understood.question };
      return { kind: 'offerBoth', intent: understood.intent, question: understood.question };
    case 'questionUnknown':
      return { kind: 'unknown' };
    case 'none':
      return { kind: 'pass' };
  }
}

/** Words not shaped like a question, inside a question: a bank question only when it holds (nearly) all of them. */
function clearUnasked({ id, score, words }: { id: string; score: number; words: number }, text: string): boolean {
  if (score >= CLEAR_QUESTION && words >= MIN_WORDS_UNASKED) return true;
  // A symptom named alone ("headache", "so sweaty") says how they feel; the waiting question did not take it, so it is answered.
  if (id.startsWith(SYMPTOMS) && score >= ALL_WORDS && !COUNTS.test(text)) return true;
  // Two words with a number ("two spoons") are an amount for the waiting question, never a bank question.
  return score >= ALL_WORDS && words >= 2 && !COUNTS.test(text);
}

/** The bank's topic of withdrawal symptoms. */
const SYMPTOMS = 'symptoms.';

const COUNTS = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|half|a couple|few)\b/i;

/** True when the innermost waiting dialog says the message is its answer. */
export function waitingTakes(dc: DialogContext, text: string): boolean {
  const inner = innermost(dc);
  const active = inner.activeDialog;
  if (!active) return false;
  const dialog = inner.findDialog(active.id) as Partial<TakesAnswers> | undefined;
  return typeof dialog?.takesAsAnswer === 'function' && dialog.takesAsAnswer(inner, text);
}
