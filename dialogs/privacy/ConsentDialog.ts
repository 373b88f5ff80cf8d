import type { DialogContext, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from '../../src/platform/bot/dialogsLibrary';
import { personIdOf } from '../../src/platform/channels/identity';
import type { DialogServices } from '../shared/services';
import { choicesFromContent, OptionPrompt } from '../shared/OptionPrompt';

export const CONSENT_DIALOG = 'consent';
const CONSENT_WATERFALL = 'consent.steps';
const CONSENT_PROMPT = 'consent.question';

export interface ConsentOptions {
  /** The dialog to begin after a "yes" (the one that needed consent). */
  then?: { dialogId: string; options?: object };
}

/** How the consent question ended; with a follow-on dialog after a "yes", that dialog takes its place. */
interface ConsentResult {
  granted: boolean;
  then?: ConsentOptions['then'];
}

/**
 * Says plainly what Steady is (an automated coach, not a clinician or an emergency service), what it
 * keeps and why, and asks whether it may keep the person's answers. The answer is stored per person
 * with the policy version shown.
 */
export class ConsentDialog extends ComponentDialog {
  constructor(private readonly services: Pick<DialogServices, 'content' | 'renderer' | 'consent'>) {
    super(CONSENT_DIALOG);
    this.addDialog(new OptionPrompt(CONSENT_PROMPT, services));
    this.addDialog(new WaterfallDialog(CONSENT_WATERFALL, [this.explainAndAsk.bind(this), this.saveAnswer.bind(this)]));
    this.initialDialogId = CONSENT_WATERFALL;
  }

  private async explainAndAsk(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, renderer } = this.services;
    const channelId = step.context.activity.channelId;
    await step.context.sendActivities(
      ['consent.intro', 'consent.whatWeStore', 'consent.yourRights'].map((key) =>
        renderer.render({ text: content.text(key) }, channelId),
      ),
    );
    const message = {
      text: content.text('consent.question'),
      choices: choicesFromContent(content, 'consent', ['yes', 'no']),
    };
    return step.prompt(CONSENT_PROMPT, OptionPrompt.options({ message, retryKey: 'consent.reprompt' }));
  }

  private async saveAnswer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, renderer, consent } = this.services;
    const granted = step.result === 'yes';
    const activity = step.context.activity;
    await consent.record(personIdOf(activity), granted);
    const then = (step.options as ConsentOptions | undefined)?.then;
    const replyKey = granted ? 'consent.granted' : then ? 'consent.neededForFeature' : 'consent.declined';
    await step.context.sendActivity(renderer.render({ text: content.text(replyKey) }, activity.channelId));
    return step.endDialog({ granted, ...(granted && then ? { then } : {}) } satisfies ConsentResult);
  }

  /**
   * After a "yes" the feature replaces this dialog on the caller's stack rather than running inside it:
   * one level less on every later turn of a long dialog such as the intake.
   */
  protected override async endComponent(outerDC: DialogContext, result: ConsentResult): Promise<DialogTurnResult> {
    if (result?.then) return outerDC.replaceDialog(result.then.dialogId, result.then.options);
    return outerDC.endDialog({ granted: result?.granted ?? false });
  }
}
