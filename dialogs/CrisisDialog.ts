import type { DialogTurnResult, PromptValidatorContext, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from '../src/vendor/dialogsLibrary';
import { personIdOf } from '../src/bot/identity';
import type { CoachServices } from '../src/bot/services';
import type { SafetyEventKind } from '../src/storage/repositories';
import type { Detection } from '../src/safety/types';
import { hasConsent } from './consentGate';
import { choicesFromContent, OptionPrompt } from './OptionPrompt';

export const CRISIS_DIALOG = 'crisis';
const CRISIS_WATERFALL = 'crisis.steps';
const CHECK_PROMPT = 'crisis.check';

/** What the safety guard hands the crisis dialog. */
export interface CrisisOptions {
  detection: Detection;
  /** True when a dialog waits beneath this one and will re-prompt when it ends. */
  resumes: boolean;
}

type CheckAnswer = 'yes' | 'unsure' | 'body' | 'no';
const CHECK_ANSWERS: CheckAnswer[] = ['yes', 'unsure', 'body', 'no'];
/** After this many answers that fit no button, the check is treated as "not sure": support, never a loop. */
const MAX_CHECK_ATTEMPTS = 2;

/**
 * The safety net's response: an immediate, plain answer for each kind of danger, or a gentle direct
 * question when the words could mean danger or venting. It ends as soon as it has answered, so the
 * dialog beneath (where the person was) re-prompts and nothing of their progress is lost.
 */
export class CrisisDialog extends ComponentDialog {
  constructor(private readonly services: CoachServices) {
    super(CRISIS_DIALOG);
    this.addDialog(new OptionPrompt(CHECK_PROMPT, services, this.acceptAfterTwoTries.bind(this)));
    this.addDialog(new WaterfallDialog(CRISIS_WATERFALL, [this.respond.bind(this), this.followAnswer.bind(this)]));
    this.initialDialogId = CRISIS_WATERFALL;
  }

  private async respond(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { detection } = step.options as CrisisOptions;
    if (detection.kind === 'none') return step.endDialog();
    await this.record(step, detection.kind);
    if (detection.kind !== 'ambiguous') return this.answerAndEnd(step, detection.kind, detection);
    const { content } = this.services;
    const message = { text: content.text('safety.ambiguous.question'), choices: choicesFromContent(content, 'safety.ambiguous', CHECK_ANSWERS) };
    return step.prompt(CHECK_PROMPT, OptionPrompt.options({ message, retryKey: 'safety.ambiguous.reprompt' }));
  }

  private async followAnswer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = (step.result as CheckAnswer | undefined) ?? 'unsure';
    if (answer === 'no') {
      await this.say(step, ['safety.ambiguous.safe']);
      return this.end(step);
    }
    const kind = answer === 'body' ? 'severeWithdrawal' : 'suicide';
    await this.record(step, kind);
    if (answer === 'unsure') await this.say(step, ['safety.ambiguous.unsure']);
    return this.answerAndEnd(step, kind);
  }

  private async answerAndEnd(step: WaterfallStepContext, kind: SafetyEventKind, detection?: Detection): Promise<DialogTurnResult> {
    await this.say(step, responseKeys(kind, detection));
    return this.end(step);
  }

  private async end(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.options as CrisisOptions).resumes) await this.say(step, ['safety.returnLine']);
    return step.endDialog();
  }

  private async acceptAfterTwoTries(prompt: PromptValidatorContext<string>): Promise<boolean> {
    return prompt.recognized.succeeded || prompt.attemptCount >= MAX_CHECK_ATTEMPTS;
  }

  private async say(step: WaterfallStepContext, keys: string[]): Promise<void> {
    const { content, renderer } = this.services;
    const channelId = step.context.activity.channelId;
    await step.context.sendActivities(keys.map((key) => renderer.render({ text: content.text(key) }, channelId)));
  }

  /** Kind and time only, and only for people who agreed to have data kept; never the words. */
  private async record(step: WaterfallStepContext, kind: SafetyEventKind): Promise<void> {
    const { store, clock, logger } = this.services;
    logger.info({ kind }, 'safety net responded');
    this.services.metrics?.crisisReplies.inc({ kind });
    const activity = step.context.activity;
    if (!activity.from?.id || !(await hasConsent(this.services, activity))) return;
    await store.safetyEvents.record(personIdOf(activity), kind, clock.now());
  }
}

/** The content keys of each response, in order. */
export function responseKeys(kind: SafetyEventKind, detection?: Detection): string[] {
  switch (kind) {
    case 'medical':
      return ['safety.medical.text', 'safety.medical.poison', ...(detection?.kinds.includes('suicide') ? ['safety.medical.alsoSuicide'] : [])];
    case 'suicide': {
      const someoneElse = detection?.signals.some((s) => s.startsWith('suicide.someoneElse')) ?? false;
      return ['safety.suicide.text', 'safety.suicide.reachOut', ...(someoneElse ? ['safety.suicide.someoneElse'] : []), 'safety.suicide.danger', 'safety.suicide.botNote'];
    }
    case 'severeWithdrawal':
      return ['safety.severeWithdrawal.text', 'safety.severeWithdrawal.help', 'safety.severeWithdrawal.danger'];
    case 'ambiguous':
      return ['safety.ambiguous.question'];
  }
}
