import type { ChoiceOption, OutboundMessage } from '../channels/messages';
import type { Content } from '../content/Content';
import type { Assessment } from '../risk/assess';
import type { RuleId } from '../risk/rules';
import type { TaperSketch } from '../risk/taper';
import { type IntakeAnswers, QUESTION_IDS } from './answers';
import { formatAnswer, formatDose, formatDuration, formatRatio, growthRatio, num } from './format';

/** Explainer topic ids (owned by the explainers) that go with each rule's reason. */
const TOPIC_OF_RULE: Record<RuleId, string> = {
  sevenOh: 'seven-oh',
  extract: 'extracts',
  highDose: 'withdrawal-timeline',
  raisedDose: 'withdrawal-timeline',
  doseUnknown: 'prescriber',
  otherSubstances: 'prescriber',
  pregnancy: 'prescriber',
  earlyRelapse: 'withdrawal-timeline',
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
  const now = answers.currentDose && answers.currentDose.kind !== 'unknown' ? formatDose(content, answers.currentDose) : undefined;
  const start = answers.startDose && answers.startDose.kind !== 'unknown' ? formatDose(content, answers.startDose) : undefined;
  const started = answers.startedAgo?.kind === 'months' ? formatDuration(content, answers.startedAgo.months) : undefined;
  const sentences: string[] = [];
  if (!now) sentences.push(t('trajectory.none'));
  else if (start && started) sentences.push(t('trajectory.full', { start, current: now, duration: started }));
  else if (start) sentences.push(t('trajectory.noDuration', { start, current: now }));
  else if (started) sentences.push(t('trajectory.noStart', { current: now, duration: started }));
  else sentences.push(t('trajectory.currentOnly', { current: now }));
  const ratio = growthRatio(answers);
  if (ratio !== undefined) sentences.push(formatRatio(content, ratio));
  if (answers.timesPerDay?.kind === 'count' && answers.timesPerDay.times > 1) sentences.push(t('times', { times: num(answers.timesPerDay.times) }));
  return sentences.join(' ');
}

export function taperText(content: Content, sketch: TaperSketch): string {
  const t = (key: string, vars?: Record<string, string | number>) => content.text(`intake.taper.${key}`, vars);
  const weeksPerStep = sketch.stepDays / 7;
  const lines = [t(sketch.framing), t('start', { grams: num(sketch.startGrams) })];
  for (const step of sketch.steps) {
    const from = step.startDay / 7 + 1;
    const to = from + weeksPerStep - 1;
    if (step.grams === 0) lines.push(weeksPerStep === 1 ? t('weekStop', { week: from }) : t('weeksStop', { from }));
    else if (weeksPerStep === 1) lines.push(t('week', { week: from, grams: num(step.grams) }));
    else lines.push(t('weeks', { from, to, grams: num(step.grams) }));
  }
  lines.push(t('pauses'));
  return lines.join('\n');
}

/** The result: the summary with what it likely means, then the approach and its reasons. */
export function resultMessages(content: Content, answers: IntakeAnswers, assessment: Assessment): OutboundMessage[] {
  const summary = [content.text('intake.result.intro'), trajectoryText(content, answers), content.text(`risk.meaning.${assessment.tier}`)].join(' ');
  const reasons = [
    content.text(`risk.approach.${assessment.approach}`),
    content.text('intake.result.why'),
    ...assessment.reasons.map((r) => content.text('intake.result.reasonLine', { reason: content.text(r.contentKey, r.vars) })),
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
    ...topicsFor(assessment).map((topic) => ({ value: topic, label: content.text(`intake.result.learnMore.${topicKey(topic)}`) })),
    ...(offerCheckIns ? [{ value: 'checkins', label: content.text('intake.result.choices.checkins') }] : []),
    { value: 'menu', label: content.text('intake.result.choices.menu') },
  ];
}

/** The summary a person can copy or download and take to a prescriber. */
export function prescriberSummary(content: Content, answers: IntakeAnswers, assessment: Assessment, date: string): OutboundMessage {
  const line = (key: string, value: string) => content.text(`intake.prescriber.lines.${key}`, { value });
  const lines = [content.text('intake.prescriber.title', { date }), ''];
  for (const id of QUESTION_IDS) {
    if (id === 'zip') continue;
    const answer = answers[id];
    if (answer === undefined) continue;
    lines.push(line(id, formatAnswer(content, id, answer)));
    if (id === 'currentDose') {
      const ratio = growthRatio(answers);
      if (ratio !== undefined) lines.push(line('ratio', content.text('intake.prescriber.ratio', { ratio: num(ratio) })));
    }
  }
  lines.push('', line('approach', content.text(`risk.approachShort.${assessment.approach}`)), content.text('intake.prescriber.lines.reasons'));
  for (const reason of assessment.reasons) lines.push(line('reason', content.text(reason.contentKey, reason.vars)));
  lines.push('', content.text('intake.prescriber.footer', { version: assessment.version, date }));
  const text = lines.join('\n');
  return {
    text: [content.text('intake.prescriber.intro'), content.text('intake.prescriber.download'), '', text].join('\n'),
    files: [{ name: content.text('intake.prescriber.fileName'), contentType: 'text/plain', content: text, withoutFiles: 'omit' }],
  };
}
