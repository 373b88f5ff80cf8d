import type { Content } from '../../platform/content/Content';
import type { Assumption } from './reader/schemas';
import type { DoseUnit } from '../risk/profile';
import type { AnswerOf, DoseAnswer, IntakeAnswers, QuestionId } from './answers';

/** Turns answers into short phrases for the person ("15 g", "a year and a half"); all words from content. */

export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

export function formatAmount(content: Content, amount: number, unit: DoseUnit): string {
  if (unit === 'g') return content.text('intake.units.grams', { amount: num(amount) });
  return content.text(`intake.units.${amount === 1 ? unit : `${unit}s`}`, { amount: num(amount) });
}

export function formatDose(content: Content, dose: DoseAnswer): string {
  if (dose.kind === 'amount') return formatAmount(content, dose.amount, dose.unit);
  if (dose.kind === 'band') return content.text(`intake.values.band.${dose.band}`);
  return content.text('intake.values.unknown');
}

export function formatDuration(content: Content, months: number): string {
  if (months < 1) return content.text('intake.durations.weeks', { count: Math.max(1, Math.round((months * 30) / 7)) });
  if (months < 11.5) {
    const count = Math.round(months);
    return count === 1 ? content.text('intake.durations.month') : content.text('intake.durations.months', { count });
  }
  const halfYears = Math.round((months / 12) * 2) / 2;
  if (halfYears === 1) return content.text('intake.durations.year');
  if (halfYears === 1.5) return content.text('intake.durations.yearAndHalf');
  if (Number.isInteger(halfYears)) return content.text('intake.durations.years', { count: halfYears });
  return content.text('intake.durations.yearsAndHalf', { count: Math.floor(halfYears) });
}

/** The ratio between now and the start, when both are in grams and the start was more than zero. */
export function growthRatio(answers: IntakeAnswers): number | undefined {
  const start = answers.startDose;
  const now = answers.currentDose;
  if (start?.kind !== 'amount' || now?.kind !== 'amount' || start.unit !== now.unit || start.amount <= 0)
    return undefined;
  return now.amount / start.amount;
}

export function formatRatio(content: Content, ratio: number): string {
  if (ratio >= 1.5) return content.text('intake.result.ratio.more', { ratio: num(ratio) });
  if (ratio >= 1.1) return content.text('intake.result.ratio.little');
  if (ratio > 0.9) return content.text('intake.result.ratio.same');
  return content.text('intake.result.ratio.less');
}

export function assumptionLines(content: Content, assumptions: Assumption[]): string[] {
  return assumptions.map((a) => content.text(`intake.assumptions.${a.id}`, a.vars));
}

const listOf = (content: Content, items: string[]) =>
  items.length === 0 ? content.text('intake.values.none') : items.join(', ');

/** One answer as a short phrase, for the review and the prescriber summary. */
export function formatAnswer<Q extends QuestionId>(content: Content, id: Q, answer: AnswerOf<Q>): string {
  const v = (key: string, vars?: Record<string, string | number>) => content.text(`intake.values.${key}`, vars);
  switch (id) {
    case 'products':
      return listOf(
        content,
        (answer as AnswerOf<'products'>).map((p) => v(`products.${p}`)),
      );
    case 'startedAgo': {
      const a = answer as AnswerOf<'startedAgo'>;
      if (a.kind === 'months') return v('startedAgo', { duration: formatDuration(content, a.months) });
      return a.kind === 'band' ? v(`band.${a.band}`) : v('unknown');
    }
    case 'startDose':
    case 'currentDose': {
      const a = answer as DoseAnswer;
      return a.kind === 'amount' ? v('dosePerDay', { amount: formatDose(content, a) }) : formatDose(content, a);
    }
    case 'timesPerDay': {
      const a = answer as AnswerOf<'timesPerDay'>;
      if (a.kind !== 'count') return v('unknown');
      return a.low !== undefined && a.high !== undefined
        ? v('timesPerDayRange', { low: num(a.low), high: num(a.high) })
        : v('timesPerDay', { times: num(a.times) });
    }
    case 'age':
      return answer === 'skipped' ? v('skipped') : v(`age.${answer as string}`);
    case 'rotation':
    case 'pregnant':
      return answer === 'unsure'
        ? v('unknown')
        : answer === 'skipped'
          ? v('skipped')
          : v(answer as AnswerOf<'rotation' | 'pregnant'>);
    case 'substances':
      return listOf(
        content,
        (answer as AnswerOf<'substances'>).map((s) => v(`substances.${s}`)),
      );
    case 'earlierStop': {
      const a = answer as AnswerOf<'earlierStop'>;
      if (a === 'unknown') return v('unknown');
      if (!a.tried) return v('earlierStop.never');
      if (a.day !== undefined) return v('earlierStop.onDay', { day: a.day });
      return v(`earlierStop.${a.outcome ?? 'unknown'}`);
    }
    case 'goal':
      return v(`goal.${answer as string}`);
    case 'zip':
      return answer === 'skipped' ? v('skipped') : (answer as AnswerOf<'zip'>);
  }
  return typeof answer === 'string' ? answer : JSON.stringify(answer);
}
