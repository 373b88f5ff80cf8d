import { loadContent } from '../src/platform/content/loader';
import type { Content } from '../src/platform/content/Content';

/** The echo bot's conversations: the same texts as the coach's, so both see the same number and size of turns. */
export const texts = (script: ScriptStep[]): string[] => script.map((s) => s.text);

/** One turn of the scripted intake: what the person says and the content key of the last prompt they should get back. */
export interface ScriptStep {
  text: string;
  expects: string;
  /** The intake question this turn replies to, if any, and its stage when not the first ask. */
  question?: string;
  stage?: string;
  /** True when this turn's reply is saved as the question's answer. */
  saves?: boolean;
}

/**
 * A whole intake, from the first "hi" to the result, with the real button labels from content. With
 * askConsent the person answers the consent question on the way in; without it their consent must be
 * recorded beforehand. Shared by the benchmark and the resilience tests.
 */
export function intakeScript(content: Pick<Content, 'text'>, options: { askConsent?: boolean } = {}): ScriptStep[] {
  const choice = (id: string, value: string) => content.text(`intake.questions.${id}.choices.${value}`);
  const skip = content.text('intake.skip.label');
  const consent: ScriptStep[] = [
    { text: content.text('menu.options.intake'), expects: 'consent.question' },
    { text: content.text('consent.options.yes'), expects: 'intake.questions.products.prompt' },
  ];
  return [
    { text: 'hi', expects: 'menu.prompt' },
    ...(options.askConsent
      ? consent
      : [{ text: content.text('menu.options.intake'), expects: 'intake.questions.products.prompt' }]),
    { text: choice('products', 'leaf'), expects: 'intake.questions.age.prompt', question: 'products', saves: true },
    { text: skip, expects: 'intake.questions.startedAgo.prompt', question: 'age', saves: true },
    { text: 'dunno', expects: 'intake.questions.startedAgo.unknown', question: 'startedAgo' },
    {
      text: choice('startedAgo', 'atLeast6Months'),
      expects: 'intake.questions.startDose.prompt',
      question: 'startedAgo',
      stage: 'band',
      saves: true,
    },
    { text: "don't know", expects: 'intake.questions.currentDose.prompt', question: 'startDose', saves: true },
    { text: 'no idea', expects: 'intake.questions.currentDose.unknown', question: 'currentDose' },
    {
      text: choice('currentDose', 'under10'),
      expects: 'intake.questions.timesPerDay.prompt',
      question: 'currentDose',
      stage: 'band',
      saves: true,
    },
    {
      text: choice('timesPerDay', 'twice'),
      expects: 'intake.questions.rotation.prompt',
      question: 'timesPerDay',
      saves: true,
    },
    {
      text: choice('rotation', 'no'),
      expects: 'intake.questions.substances.prompt',
      question: 'rotation',
      saves: true,
    },
    {
      text: choice('substances', 'none'),
      expects: 'intake.questions.pregnant.prompt',
      question: 'substances',
      saves: true,
    },
    { text: skip, expects: 'intake.questions.earlierStop.prompt', question: 'pregnant', saves: true },
    {
      text: choice('earlierStop', 'never'),
      expects: 'intake.questions.goal.prompt',
      question: 'earlierStop',
      saves: true,
    },
    { text: choice('goal', 'cutDown'), expects: 'intake.questions.zip.prompt', question: 'goal', saves: true },
    { text: skip, expects: 'intake.review.prompt', question: 'zip', saves: true },
    { text: content.text('intake.review.choices.ok'), expects: 'intake.result.next' },
  ];
}

/** What every benchmark conversation says: consent, then the whole intake to its result. */
export const BENCH_SCRIPT = texts(intakeScript(loadContent('en'), { askConsent: true }));
