import type { DialogTurnResult, PromptValidatorContext, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from '../../src/platform/bot/dialogsLibrary';
import { personIdOf } from '../../src/platform/channels/identity';
import type { DialogServices } from '../shared/services';
import type { ChoiceOption, OutboundMessage } from '../../src/platform/channels/messages';
import { choiceUnlessQuestion, looksLikeQuestion } from '../../src/features/explain/questions';
import { type ProgramCommand, parseProgramCommand } from '../../src/features/program/commands';
import type { ProgramStatus } from '../../src/features/program/ProgramService';
import { EXPLAIN_DIALOG, type ExplainOptions } from '../explain/ExplainDialog';
import { OptionPrompt } from '../shared/OptionPrompt';

export const PROGRAM_DIALOG = 'program';
const INTRO_FLOW = 'program.intro';
const SESSION_FLOW = 'program.session';
const INTRO_PROMPT = 'program.introPrompt';
/** Lesson steps, the practice and the end of a week: buttons, program commands, or a question for the explainers. */
const STEP_PROMPT = 'program.stepPrompt';
/** Reflection questions: any text is an answer (it is not stored). */
const REFLECTION_PROMPT = 'program.reflectionPrompt';

/** A command given from outside the session (a global command such as "go to week 3" or "where am I?"). */
export interface ProgramDialogOptions {
  command?: ProgramCommand;
}

type ChoiceValue =
  'start' | 'notNow' | 'next' | 'skip' | 'repeat' | 'pause' | 'topic' | 'startNext' | 'openNow' | 'ownPace' | 'later';
type ProgramServices = Pick<DialogServices, 'content' | 'renderer' | 'logger' | 'program'>;

/**
 * The weekly session of the 12-week program: a lesson in chat-sized steps, one practice, a few
 * reflection questions. The person can go on, repeat, go back, pause, skip ahead, jump to an open week
 * and ask where they are. Progress lives in the ProgressRepository, never in the dialog state, so a
 * restart or a new conversation picks up at the same place.
 */
export class ProgramDialog extends ComponentDialog {
  constructor(private readonly services: ProgramServices) {
    super(PROGRAM_DIALOG);
    this.addDialog(new OptionPrompt(INTRO_PROMPT, services));
    this.addDialog(new OptionPrompt(STEP_PROMPT, services, this.acceptsStepAnswer.bind(this)));
    this.addDialog(new OptionPrompt(REFLECTION_PROMPT, services, OptionPrompt.acceptAnyText, true));
    this.addDialog(new WaterfallDialog(INTRO_FLOW, [this.offerStart.bind(this), this.afterOffer.bind(this)]));
    this.addDialog(
      new WaterfallDialog(SESSION_FLOW, [
        this.enter.bind(this),
        this.show.bind(this),
        this.act.bind(this),
        this.loop.bind(this),
      ]),
    );
    this.initialDialogId = SESSION_FLOW;
  }

  private async offerStart(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.services;
    await this.say(step, content.text('program.intro'));
    const message = { text: content.text('program.introHow'), choices: [this.choice('start'), this.choice('notNow')] };
    return step.prompt(INTRO_PROMPT, OptionPrompt.options({ message }));
  }

  private async afterOffer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result !== 'start') {
      await this.say(step, this.services.content.text('program.introLater'));
      return step.endDialog();
    }
    await this.services.program.start(this.personId(step));
    this.services.logger.info({ action: 'start', week: 1 }, 'program');
    return step.replaceDialog(SESSION_FLOW, {});
  }

  /** Opens the session: offers the program to newcomers, resumes a paused one, applies a command given from outside. */
  private async enter(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { program, content } = this.services;
    const personId = this.personId(step);
    const command = (step.options as ProgramDialogOptions | undefined)?.command;
    const status = await program.status(personId);
    if (!status) {
      if (command?.kind === 'where') {
        await this.say(step, content.text('program.whereNotStarted'));
        return step.endDialog();
      }
      return step.replaceDialog(INTRO_FLOW);
    }
    if (command?.kind === 'where') {
      await this.say(step, this.whereText(status));
      return step.endDialog();
    }
    if (status.paused) {
      await program.resume(personId);
      await this.say(step, content.text('program.resumed', { week: status.week, title: status.title }));
    }
    if (command && (await this.run(step, command)) === 'end') return step.endDialog();
    return step.next();
  }

  private async show(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.services;
    const status = await this.services.program.status(this.personId(step));
    if (!status) return step.endDialog(); // their data was deleted while the session was open
    const piece = status.piece;
    if (!piece) return this.showWeekEnd(step, status);
    if (status.step === 0)
      await this.say(step, content.text('program.weekHeading', { week: status.week, title: status.title }));
    if (piece.kind === 'reflection') {
      const text =
        piece.index === 0 ? content.text('program.reflectionFirst', { question: piece.question }) : piece.question;
      const message = { text, choices: [this.choice('skip'), this.choice('pause')] };
      return this.ask(step, REFLECTION_PROMPT, message);
    }
    const text =
      piece.kind === 'practice'
        ? content.text('program.practice', { title: piece.title, text: piece.text })
        : piece.text;
    const choices = [this.choice('next'), this.choice('repeat'), this.choice('pause')];
    if (piece.kind === 'lesson' && piece.topic) choices.splice(1, 0, this.choice('topic'));
    return this.ask(step, STEP_PROMPT, { text, choices });
  }

  private async showWeekEnd(step: WaterfallStepContext, status: ProgramStatus): Promise<DialogTurnResult> {
    const { content } = this.services;
    const next = status.next;
    if (!next) {
      await this.say(step, content.text('program.finished'));
      return step.endDialog();
    }
    await this.say(step, content.text('program.weekDone', { week: status.week }));
    let message: OutboundMessage;
    if (next.open) {
      message = {
        text: content.text('program.nextReady', { week: next.week }),
        choices: [this.choice('startNext', next.week), this.choice('later')],
      };
    } else if (next.opensInDays !== undefined) {
      const key = next.opensInDays === 1 ? 'program.nextOpensTomorrow' : 'program.nextOpensIn';
      const text = content.text(key, { week: next.week, days: next.opensInDays });
      message = { text, choices: [this.choice('openNow'), this.choice('ownPace'), this.choice('later')] };
    } else {
      message = {
        text: content.text('program.nextWhenFinished', { week: next.week }),
        choices: [this.choice('openNow'), this.choice('later')],
      };
    }
    return this.ask(step, STEP_PROMPT, message);
  }

  private async ask(step: WaterfallStepContext, promptId: string, message: OutboundMessage): Promise<DialogTurnResult> {
    (step.values as { choices?: ChoiceOption[] }).choices = message.choices;
    return step.prompt(promptId, OptionPrompt.options({ message, retryKey: 'program.reprompt' }));
  }

  private async act(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content, program } = this.services;
    const text = step.context.activity.text ?? '';
    const choices = (step.values as { choices?: ChoiceOption[] }).choices ?? [];
    const picked = choiceUnlessQuestion(step.result as string | undefined, text, choices, content) as
      ChoiceValue | undefined;
    if (picked === 'topic') {
      const status = await program.status(this.personId(step));
      const topicId = status?.piece?.kind === 'lesson' ? status.piece.topic : undefined;
      if (topicId) return step.beginDialog(EXPLAIN_DIALOG, { topicId } satisfies ExplainOptions);
      return step.next();
    }
    if (picked === 'later') {
      await this.say(step, content.text('program.later'));
      return step.endDialog();
    }
    if (picked === 'ownPace') {
      await program.setPace(this.personId(step), 'own');
      await this.say(step, content.text('program.ownPaceOn'));
    }
    const command = picked ? commandForChoice(picked) : parseProgramCommand(text, content);
    if (command) return (await this.run(step, command)) === 'end' ? step.endDialog() : step.next();
    const status = await program.status(this.personId(step));
    if (status?.piece?.kind === 'reflection') {
      await this.say(step, content.text('program.reflectionThanks'));
      await program.next(this.personId(step));
      return step.next();
    }
    if (looksLikeQuestion(text, content))
      return step.beginDialog(EXPLAIN_DIALOG, { question: text } satisfies ExplainOptions);
    return step.next();
  }

  private async loop(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.replaceDialog(SESSION_FLOW, {});
  }

  /** Carries out a command; 'end' means the session should close (pause). */
  private async run(step: WaterfallStepContext, command: ProgramCommand): Promise<'show' | 'end'> {
    const { program, content, logger } = this.services;
    const personId = this.personId(step);
    logger.info({ action: command.kind, week: command.kind === 'goToWeek' ? command.week : undefined }, 'program');
    switch (command.kind) {
      case 'open':
      case 'repeat':
        return 'show';
      case 'where': {
        const status = await program.status(personId);
        if (status) await this.say(step, this.whereText(status));
        return 'show';
      }
      case 'next':
        // At the end of a week whose next week is closed, the week-end message says when it opens.
        await program.next(personId);
        return 'show';
      case 'back': {
        const before = await program.status(personId);
        if (before && before.step === 0) await this.say(step, content.text('program.atStart', { week: before.week }));
        else await program.back(personId);
        return 'show';
      }
      case 'pause':
        await program.pause(personId);
        await this.say(step, content.text('program.paused'));
        return 'end';
      case 'skipAhead': {
        const outcome = await program.skipAhead(personId);
        await this.say(
          step,
          outcome.ok
            ? content.text('program.skipped', { week: outcome.status.week })
            : content.text('program.lastWeek'),
        );
        return 'show';
      }
      case 'goToWeek': {
        const outcome = await program.goToWeek(personId, command.week);
        if (!outcome.ok && outcome.reason === 'outOfRange')
          await this.say(step, content.text('program.weekOutOfRange', { count: program.weekCount }));
        if (!outcome.ok && outcome.reason === 'notOpen')
          await this.say(step, this.notOpenText(command.week, outcome.opensInDays));
        return 'show';
      }
    }
  }

  private notOpenText(week: number, opensInDays: number | undefined): string {
    const { content } = this.services;
    if (opensInDays === undefined) return content.text('program.weekNotOpenYet', { week });
    return content.text(opensInDays === 1 ? 'program.weekNotOpenTomorrow' : 'program.weekNotOpen', {
      week,
      days: opensInDays,
    });
  }

  private whereText(status: ProgramStatus): string {
    const { content } = this.services;
    const vars = { week: status.week, count: status.weekCount, title: status.title };
    if (!status.piece) return content.text('program.whereFinishedWeek', vars);
    return content.text('program.where', { ...vars, part: status.step + 1, parts: status.steps });
  }

  /** Buttons are accepted as usual; typed program commands and questions are accepted too and handled in act(). */
  private async acceptsStepAnswer(prompt: PromptValidatorContext<string>): Promise<boolean> {
    if (prompt.recognized.succeeded) return true;
    const text = prompt.context.activity.text ?? '';
    return (
      parseProgramCommand(text, this.services.content) !== undefined || looksLikeQuestion(text, this.services.content)
    );
  }

  private choice(value: ChoiceValue, week?: number): ChoiceOption {
    const { content } = this.services;
    const label = content.text(`program.choices.${value}`, week === undefined ? {} : { week });
    return {
      value,
      label,
      synonyms: content.has(`program.synonyms.${value}`) ? content.list(`program.synonyms.${value}`) : [],
    };
  }

  private personId(step: WaterfallStepContext): string {
    return personIdOf(step.context.activity);
  }

  private async say(step: WaterfallStepContext, text: string): Promise<void> {
    await step.context.sendActivity(this.services.renderer.render({ text }, step.context.activity.channelId));
  }
}

function commandForChoice(value: ChoiceValue): ProgramCommand | undefined {
  switch (value) {
    case 'next':
    case 'skip':
    case 'startNext':
    case 'ownPace':
      return { kind: 'next' };
    case 'repeat':
      return { kind: 'repeat' };
    case 'pause':
      return { kind: 'pause' };
    case 'openNow':
      return { kind: 'skipAhead' };
    default:
      return undefined;
  }
}
