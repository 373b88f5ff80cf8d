import type { TurnContext } from 'botbuilder';
import type { DialogTurnResult, PromptValidatorContext, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from '../../src/platform/bot/dialogsLibrary';
import { personIdOf } from '../../src/platform/channels/identity';
import type { DialogServices } from '../shared/services';
import type { SafetyEventKind } from '../../src/platform/storage/repositories';
import { DETECTOR_VERSION } from '../../src/features/safety/detect';
import type { Detection } from '../../src/features/safety/types';
import { hasConsent } from '../privacy/consentGate';
import { choicesFromContent, OptionPrompt } from '../shared/OptionPrompt';

export const CRISIS_DIALOG = 'crisis';
const CRISIS_WATERFALL = 'crisis.steps';
const CHECK_PROMPT = 'crisis.check';

/** What the safety guard hands the crisis dialog (the direct safety question). */
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
 * The direct safety question, asked when the words could mean danger or venting ("unsure means ask").
 * When it ends, the dialog beneath re-asks its question (PromptBase's reprompt): after "No, I'm safe"
 * that is exactly where the person was; after any other answer the crisis answer has stopped the turn,
 * so the re-ask is held back and the question waits for the person's next message.
 */
export class CrisisDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(CRISIS_DIALOG);
    this.addDialog(new OptionPrompt(CHECK_PROMPT, services, this.acceptAfterTwoTries.bind(this)));
    this.addDialog(new WaterfallDialog(CRISIS_WATERFALL, [this.ask.bind(this), this.followAnswer.bind(this)]));
    this.initialDialogId = CRISIS_WATERFALL;
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { detection } = step.options as CrisisOptions;
    await recordSafetyEvent(this.services, step.context, 'ambiguous', detection);
    const { content } = this.services;
    const message = {
      text: content.text('safety.ambiguous.question'),
      choices: choicesFromContent(content, 'safety.ambiguous', CHECK_ANSWERS),
    };
    return step.prompt(CHECK_PROMPT, OptionPrompt.options({ message, retryKey: 'safety.ambiguous.reprompt' }));
  }

  private async followAnswer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = (step.result as CheckAnswer | undefined) ?? 'unsure';
    const { resumes, detection } = step.options as CrisisOptions;
    if (answer === 'no') {
      await sendKeys(this.services, step.context, [
        'safety.ambiguous.safe',
        ...(resumes ? ['safety.backToQuestion'] : []),
      ]);
      return step.endDialog();
    }
    const kind = answer === 'body' ? 'severeWithdrawal' : 'suicide';
    if (answer === 'unsure') await sendKeys(this.services, step.context, ['safety.ambiguous.unsure']);
    await answerDanger(
      this.services,
      step.context,
      { ...detection, kind, kinds: [kind], signals: [...detection.signals, `check.${answer}`] },
      resumes,
    );
    return step.endDialog();
  }

  private async acceptAfterTwoTries(prompt: PromptValidatorContext<string>): Promise<boolean> {
    return prompt.recognized.succeeded || prompt.attemptCount >= MAX_CHECK_ATTEMPTS;
  }
}

async function sendKeys(services: DialogServices, context: TurnContext, keys: string[]): Promise<void> {
  const { content, renderer } = services;
  await context.sendActivities(
    keys.map((key) => renderer.render({ text: content.text(key) }, context.activity.channelId)),
  );
}

/**
 * The crisis answer for a kind of danger (911 now, 988, get care today), and nothing after it in this
 * turn: a question the person was on keeps waiting, and `resumes` adds one line saying so.
 */
export async function answerDanger(
  services: DialogServices,
  context: TurnContext,
  detection: Detection,
  resumes: boolean,
): Promise<void> {
  const kind = detection.kind as SafetyEventKind;
  await recordSafetyEvent(services, context, kind, detection);
  await sendKeys(services, context, [...responseKeys(kind, detection), ...(resumes ? ['safety.returnLine'] : [])]);
  stopTurnAfterCrisisAnswer(context);
}

const TURN_STOPPED = Symbol('crisisAnswered');

/**
 * The crisis answer is the last thing a person sees in this turn, whatever the dialogs beneath do as the
 * safety check ends (a re-ask, a lesson's next step): later messages of the turn are held back. Events
 * (not messages) still go out.
 */
export function stopTurnAfterCrisisAnswer(context: TurnContext): void {
  if (context.turnState.get(TURN_STOPPED)) return;
  context.turnState.set(TURN_STOPPED, true);
  context.onSendActivities(async (_context, activities, next) => {
    const kept = activities.filter((activity) => activity.type !== 'message');
    if (kept.length === activities.length) return next();
    activities.splice(0, activities.length, ...kept);
    return kept.length > 0 ? next() : [];
  });
}

/**
 * The log line carries the kind, the rule and concept ids that fired and the detector's version, never
 * the words; the stored row (only for people who agreed to have data kept) carries the kind and time.
 */
async function recordSafetyEvent(
  services: DialogServices,
  context: TurnContext,
  kind: SafetyEventKind,
  detection: Detection,
): Promise<void> {
  const { safetyEvents, logger } = services;
  logger.info({ kind, signals: detection.signals, detector: DETECTOR_VERSION }, 'safety net responded');
  services.metrics?.crisisReplies.inc({ kind });
  const activity = context.activity;
  if (!activity.from?.id || !(await hasConsent(services, activity))) return;
  await safetyEvents.record(personIdOf(activity), kind);
}

/** The content keys of each response, in order. */
export function responseKeys(kind: SafetyEventKind, detection?: Detection): string[] {
  switch (kind) {
    case 'medical':
      return [
        'safety.medical.text',
        'safety.medical.poison',
        ...(detection?.kinds.includes('suicide') ? ['safety.medical.alsoSuicide'] : []),
      ];
    case 'suicide': {
      const someoneElse = detection?.signals.some((s) => s.startsWith('suicide.someoneElse')) ?? false;
      return [
        'safety.suicide.text',
        'safety.suicide.reachOut',
        ...(someoneElse ? ['safety.suicide.someoneElse'] : []),
        'safety.suicide.danger',
        'safety.suicide.botNote',
      ];
    }
    case 'severeWithdrawal':
      return ['safety.severeWithdrawal.text', 'safety.severeWithdrawal.help', 'safety.severeWithdrawal.danger'];
    case 'ambiguous':
      return ['safety.ambiguous.question'];
  }
}
