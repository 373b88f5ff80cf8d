import type { ChoiceOption, OutboundMessage } from '../../platform/channels/messages';
import type { Content } from '../../platform/content/Content';
import { type Assessment, meaningKey } from '../risk/assess';
import type { RiskProfile } from '../risk/profile';
import { FREQUENT_DOSES_PER_DAY, type RuleId } from '../risk/rules';
import { sketchTaper, type TaperSketch } from '../risk/taper';
import { type IntakeAnswers, QUESTION_IDS } from './answers';
import { formatAnswer, formatDose, formatDuration, formatRatio, growthRatio, num } from './format';

/** Explainer topic ids (owned by the explainers) that go with each rule's reason. */
const TOPIC_OF_RULE: Record<RuleId, string> = {
  youngPerson: 'prescriber',
  sevenOh: 'seven-oh',
  extract: 'extracts',
  highDose: 'withdrawal-timeline',
  raisedDose: 'withdrawal-timeline',
  doseUnknown: 'prescriber',
  otherSubstances: 'prescriber',
  pregnancy: 'prescriber',
  earlyRelapse: 'withdrawal-timeline',
  frequentDosing: 'liver-enzymes',
  slowEscalation: 'trajectory',
  fastEscalation: 'trajectory',
  durationUnknown: 'trajectory',
  strainRotation: 'strain-rotation',
};
const MAX_TOPICS = 3;

/** Content keys are lowerCamel, topic ids are kebab-case: "seven-oh" -> "sevenOh". */
export const topicKey = (topicId: string) => topicId.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());

export function topicsFor(assessment: Assessment): string[] {
  const topics = [...new Set(assessment.reasons.map((r) => TOPIC_OF_RULE[r.ruleId]))];
  if (topics.length < MAX_TOPICS && !topics.includes('tolerance-basics')) topics.push('tolerance-basics');
  return topics.slice(0, MAX_TOPICS);
}

export function trajectoryText(content: Content, answers: IntakeAnswers): string {
  const t = (key: string, vars?: Record<string, string | number>) => content.text(`intake.result.${key}`, vars);
  const now =
    answers.currentDose && answers.currentDose.kind !== 'unknown'
      ? formatDose(content, answers.currentDose)
      : undefined;
  const start =
    answers.startDose && answers.startDose.kind !== 'unknown' ? formatDose(content, answers.startDose) : undefined;
  const started =
    answers.startedAgo?.kind === 'months' ? formatDuration(content, answers.startedAgo.months) : undefined;
  const sentences: string[] = [];
  if (!now) sentences.push(t('trajectory.none'));
  else if (start && started) sentences.push(t('trajectory.full', { start, current: now, duration: started }));
  else if (start) sentences.push(t('trajectory.noDuration', { start, current: now }));
  else if (started) sentences.push(t('trajectory.noStart', { current: now, duration: started }));
  else sentences.push(t('trajectory.currentOnly', { current: now }));
  const ratio = growthRatio(answers);
  if (ratio !== undefined) sentences.push(formatRatio(content, ratio));
  const times = answers.timesPerDay?.kind === 'count' ? answers.timesPerDay.times : undefined;
  if (times !== undefined && times >= FREQUENT_DOSES_PER_DAY) sentences.push(t('timesMany', { times: num(times) }));
  else if (times !== undefined && times > 1) sentences.push(t('times', { times: num(times) }));
  return sentences.join(' ');
}

/** Steps shown at the start of a long sketch; the rest is summed up, then the last step and the stop. */
const SHOWN_FIRST_STEPS = 4;

export function taperText(content: Content, sketch: TaperSketch): string {
  const t = (key: string, vars?: Record<string, string | number>) => content.text(`intake.taper.${key}`, vars);
  const weeksPerStep = sketch.stepDays / 7;
  const pace = t(weeksPerStep === 1 ? 'paceWeekly' : 'paceMonthly');
  const lines = [
    t(sketch.framing),
    t('label', { pace, weeks: sketch.weeksToStop }),
    t('start', { grams: num(sketch.startGrams) }),
  ];
  const stepLine = (step: TaperSketch['steps'][number]) => {
    const from = step.startDay / 7 + 1;
    const to = from + weeksPerStep - 1;
    if (step.grams === 0) return t('stopFrom', { week: from });
    return weeksPerStep === 1
      ? t('week', { week: from, grams: num(step.grams) })
      : t('weeks', { from, to, grams: num(step.grams) });
  };
  const { steps } = sketch;
  const shortEnough = steps.length <= SHOWN_FIRST_STEPS + 3;
  const shown = shortEnough ? steps : [...steps.slice(0, SHOWN_FIRST_STEPS), undefined, ...steps.slice(-2)];
  for (const step of shown) lines.push(step ? stepLine(step) : t('andSoOn'));
  lines.push(t('hold'));
  return lines.join('\n');
}

/** With extracts or 7-OH there is no gram taper: the first step is moving to plain leaf, with a prescriber. */
export function noGramTaperText(content: Content, profile: RiskProfile): string | undefined {
  if (profile.products.includes('sevenOh')) return content.text('intake.taper.noGramPlan.sevenOh');
  if (profile.products.includes('extract')) return content.text('intake.taper.noGramPlan.extract');
  return undefined;
}

/**
 * Everything the result shows, in order, as the person sees it: the summary and its meaning, the approach
 * and its reasons, the hand-off (when `handoff` is given), a young person's next step, the taper sketch or
 * why there is none, and the rules note. The dialog sends these; the plan's property test reads them.
 */
export function planMessages(
  content: Content,
  answers: IntakeAnswers,
  profile: RiskProfile,
  assessment: Assessment,
  handoff?: OutboundMessage,
): OutboundMessage[] {
  const messages = resultMessages(content, answers, assessment);
  if (handoff) messages.push(handoff);
  if (profile.underEighteen === true) messages.push({ text: content.text('risk.youngPerson.next') });
  const taper = sketchTaper(profile, assessment);
  const noGram = taper ? undefined : noGramTaperText(content, profile);
  if (taper) messages.push({ text: taperText(content, taper) });
  else if (noGram && profile.underEighteen !== true) messages.push({ text: noGram });
  messages.push(rulesNote(content, assessment));
  return messages;
}

/** The result: the summary with what it likely means, then the approach and its reasons. */
export function resultMessages(content: Content, answers: IntakeAnswers, assessment: Assessment): OutboundMessage[] {
  const summary = [
    content.text('intake.result.intro'),
    trajectoryText(content, answers),
    content.text(meaningKey(assessment)),
  ].join(' ');
  const reasons = [
    content.text(`risk.approach.${assessment.approach}`),
    content.text('intake.result.why'),
    ...assessment.reasons.map((r) =>
      content.text('intake.result.reasonLine', { reason: content.text(r.contentKey, r.vars) }),
    ),
  ].join('\n');
  return [{ text: summary }, { text: reasons }];
}

export function rulesNote(content: Content, assessment: Assessment): OutboundMessage {
  return { text: content.text('intake.result.rules', { version: assessment.version }) };
}

/** What to do after the result; `offerCheckIns` adds weekly check-ins (for someone not enrolled). */
export function nextChoices(content: Content, assessment: Assessment, offerCheckIns = false): ChoiceOption[] {
  return [
    { value: 'prescriber', label: content.text('intake.result.choices.prescriber') },
    ...topicsFor(assessment).map((topic) => ({
      value: topic,
      label: content.text(`intake.result.learnMore.${topicKey(topic)}`),
    })),
    ...(offerCheckIns ? [{ value: 'checkins', label: content.text('intake.result.choices.checkins') }] : []),
    { value: 'menu', label: content.text('intake.result.choices.menu') },
  ];
}

/** The summary a person can copy or download and take to a prescriber. */
export function prescriberSummary(
  content: Content,
  answers: IntakeAnswers,
  assessment: Assessment,
  date: string,
): OutboundMessage {
  const line = (key: string, value: string) => content.text(`intake.prescriber.lines.${key}`, { value });
  const lines = [content.text('intake.prescriber.title', { date }), ''];
  for (const id of QUESTION_IDS) {
    if (id === 'zip') continue;
    const answer = answers[id];
    if (answer === undefined) continue;
    lines.push(line(id, formatAnswer(content, id, answer)));
    if (id === 'currentDose') {
      const ratio = growthRatio(answers);
      if (ratio !== undefined)
        lines.push(line('ratio', content.text('intake.prescriber.ratio', { ratio: num(ratio) })));
    }
  }
  lines.push(
    '',
    line('approach', content.text(`risk.approachShort.${assessment.approach}`)),
    content.text('intake.prescriber.lines.reasons'),
  );
  for (const reason of assessment.reasons) lines.push(line('reason', content.text(reason.contentKey, reason.vars)));
  lines.push('', content.text('intake.prescriber.footer', { version: assessment.version, date }));
  const text = lines.join('\n');
  return {
    text: [content.text('intake.prescriber.intro'), content.text('intake.prescriber.download'), '', text].join('\n'),
    files: [
      {
        name: content.text('intake.prescriber.fileName'),
        contentType: 'text/plain',
        content: text,
        withoutFiles: 'omit',
      },
    ],
  };
}
