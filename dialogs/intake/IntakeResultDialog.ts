import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from '../../src/platform/bot/dialogsLibrary';
import { personIdOf } from '../../src/platform/channels/identity';
import { turnWritesOf } from '../../src/platform/bot/turnWrites';
import { nextChoices, planMessages, prescriberSummary, topicKey, topicsFor } from '../../src/features/intake/result';
import { OptionPrompt } from '../shared/OptionPrompt';
import { type IntakeDeps, send } from './support';

export const INTAKE_RESULT_DIALOG = 'intake.result';
const STEPS = 'intake.result.steps';
const NEXT_PROMPT = 'intake.result.next';

interface ResultOptions {
  /** Skip the result itself and only offer what to do next (after a summary or an explainer). */
  again?: boolean;
}

/**
 * The result of the intake: a warm summary with numbers, what it likely means, the approach and why,
 * the hand-off card exactly when the rules say so, a taper sketch where the rules allow one, then a
 * summary for the prescriber and "tell me more" links into the explainers.
 */
export class IntakeResultDialog extends ComponentDialog {
  constructor(private readonly deps: IntakeDeps) {
    super(INTAKE_RESULT_DIALOG);
    this.addDialog(new OptionPrompt(NEXT_PROMPT, deps.services));
    this.addDialog(new WaterfallDialog(STEPS, [this.show.bind(this), this.handle.bind(this), this.again.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async show(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.deps.services;
    const personId = personIdOf(step.context.activity);
    const stored = await this.deps.intake.latest(personId);
    const saved = await this.deps.intake.load(personId, turnWritesOf(step.context));
    if (!stored || !saved) return step.endDialog();
    if (!(step.options as ResultOptions).again) {
      const handoff = await this.deps.intake.handoffOffer(personId);
      for (const message of planMessages(content, saved.answers, stored.profile, stored.assessment, handoff))
        await send(this.deps, step.context, message);
    }
    const offerCheckIns = this.deps.checkIns !== undefined && !(await this.deps.checkIns.enrolled(personId));
    const message = {
      text: content.text('intake.result.next'),
      choices: nextChoices(content, stored.assessment, offerCheckIns),
    };
    return step.prompt(NEXT_PROMPT, OptionPrompt.options({ message, retryKey: 'intake.result.nextRetry' }));
  }

  private async handle(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.deps.services;
    const choice = step.result as string;
    if (choice === 'menu') return step.endDialog();
    if (choice === 'checkins' && this.deps.checkIns) return step.beginDialog(this.deps.checkIns.enrollDialogId);
    const personId = personIdOf(step.context.activity);
    const stored = await this.deps.intake.latest(personId);
    const saved = await this.deps.intake.load(personId, turnWritesOf(step.context));
    if (!stored || !saved) return step.endDialog();
    if (choice === 'prescriber') {
      await send(
        this.deps,
        step.context,
        prescriberSummary(content, saved.answers, stored.assessment, stored.assessedAt.slice(0, 10)),
      );
    } else if (topicsFor(stored.assessment).includes(choice)) {
      if (this.deps.explainDialogId) return step.beginDialog(this.deps.explainDialogId, { topicId: choice });
      await send(this.deps, step.context, content.text(`intake.result.learnMoreText.${topicKey(choice)}`));
    }
    return step.replaceDialog(STEPS, { again: true } satisfies ResultOptions);
  }

  private async again(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.replaceDialog(STEPS, { again: true } satisfies ResultOptions);
  }
}
