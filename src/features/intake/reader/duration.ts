import { z } from 'zod';
import type { Assumption, Extraction } from './schemas';
import { containsPhrase, isOneOf, normalizeText, plainPhrases, roundTo, sameWord, wordsToNumbers } from './text';
import type { Vocabulary } from './vocabulary';

/** What a "when did you start" answer says: an amount of time, or a month and/or year it began. */
export const durationMentionSchema = z.object({
  dontKnow: z.boolean().default(false),
  amount: z.number().finite().min(0).max(10_000).nullable().default(null),
  unit: z.enum(['days', 'weeks', 'months', 'years']).nullable().default(null),
  sinceMonth: z.number().int().min(1).max(12).nullable().default(null),
  sinceYear: z.number().int().min(1950).max(2200).nullable().default(null),
  lessThan: z.boolean().default(false),
});
export type DurationMention = z.infer<typeof durationMentionSchema>;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_SHORT = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_OTHER: Record<string, number> = { sept: 9, febuary: 2, feburary: 2 };
const SEASON_MONTH: Record<string, number> = { spring: 4, summer: 7, fall: 10, autumn: 10, winter: 1 };
const UNIT_WORDS: Array<[DurationMention['unit'], RegExp]> = [
  ['days', /^(?:days?|dys?|d)$/],
  ['weeks', /^(?:weeks?|wks?|w)$/],
  ['months', /^(?:months?|mos?|mths?|mnths?|monthes|m)$/],
  ['years', /^(?:years?|yrs?|yeras?|yesrs?|yaers?|y)$/],
];

function durationUnit(word: string | undefined): DurationMention['unit'] {
  if (!word) return null;
  for (const [unit, pattern] of UNIT_WORDS) if (pattern.test(word)) return unit;
  for (const [unit, full] of [
    ['days', 'days'],
    ['weeks', 'weeks'],
    ['months', 'months'],
    ['years', 'years'],
  ] as const)
    if (sameWord(word, full)) return unit;
  return null;
}

function monthOf(word: string): number | null {
  const full = MONTHS.findIndex((m) => sameWord(word, m));
  if (full >= 0) return full + 1;
  const short = MONTH_SHORT.indexOf(word.replace(/\.$/, ''));
  return short >= 0 ? short + 1 : (MONTH_OTHER[word] ?? null);
}

export function readDuration(raw: string, vocab: Vocabulary, now: Date): DurationMention {
  const m = durationMentionSchema.parse({});
  const text = wordsToNumbers(normalizeText(raw)).replace(/(\d)([a-z])/g, '$1 $2');
  const words = text
    .replace(/[^a-z0-9.\- ]/g, ' ')
    .replace(/(?<!\d)[.-]|[.-](?!\d)/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (/\b(?:less than|under|not even|not quite|almost)\b/.test(text)) m.lessThan = true;
  if (/\b(?:covid|pandemic|lockdown|quarantine)\b/.test(text)) {
    m.sinceYear = 2020;
    m.sinceMonth = 3;
    return m;
  }
  if (/\bhalf (?:a|of a|of the) year\b/.test(text) || /\b0\.5 (?:a )?year\b/.test(text)) {
    m.amount = 6;
    m.unit = 'months';
    return m;
  }
  const lastSeason = /\blast (spring|summer|fall|autumn|winter)\b/.exec(text);
  if (lastSeason) {
    const month = SEASON_MONTH[lastSeason[1]];
    m.sinceMonth = month;
    m.sinceYear = now.getUTCMonth() + 1 > month + 2 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
    return m;
  }
  if (/\blast year\b/.test(text)) {
    m.amount = 1;
    m.unit = 'years';
  }
  if (/\bthis year\b/.test(text)) m.sinceYear = now.getUTCFullYear();

  let total = 0;
  let counted = false;
  for (let i = 0; i < words.length; i++) {
    const range = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(words[i]);
    let value: number | undefined;
    let unitAt = i + 1;
    if (range) value = (Number(range[1]) + Number(range[2])) / 2;
    else if (/^\d+(?:\.\d+)?$/.test(words[i])) {
      value = Number(words[i]);
      if (['-', 'to', 'or'].includes(words[i + 1]) && /^\d+(?:\.\d+)?$/.test(words[i + 2] ?? '')) {
        value = (value + Number(words[i + 2])) / 2;
        unitAt = i + 3;
      }
    } else if ((words[i] === 'a' || words[i] === 'an') && durationUnit(words[i + 1])) value = 1;
    if (value === undefined) continue;
    const month = words[i - 1] ? monthOf(words[i - 1]) : null;
    if (value >= 1950 && value <= 2200) {
      m.sinceYear = value;
      if (month) m.sinceMonth = month;
      continue;
    }
    const unit = durationUnit(words[unitAt]);
    if (!unit) {
      if (value > 0 && value < 100 && !counted) m.amount = value;
      continue;
    }
    total += toMonths(value, unit);
    counted = true;
    i = unitAt;
  }
  if (counted) {
    m.amount = roundTo(total, 2);
    m.unit = 'months';
  }
  if (!counted && m.sinceYear === null) {
    const month = words.map(monthOf).find((x) => x !== null);
    if (month) m.sinceMonth = month;
  } else if (m.sinceYear !== null && m.sinceMonth === null) {
    const month = words.map(monthOf).find((x) => x !== null);
    if (month) m.sinceMonth = month;
  }
  if (m.amount === null && m.sinceMonth === null && m.sinceYear === null) {
    if (isOneOf(text, vocab.dontKnow) || plainPhrases(vocab.dontKnow).some((p) => containsPhrase(words, p)))
      m.dontKnow = true;
  }
  return m;
}

function toMonths(value: number, unit: NonNullable<DurationMention['unit']>): number {
  switch (unit) {
    case 'days':
      return value / 30;
    case 'weeks':
      return (value * 7) / 30;
    case 'months':
      return value;
    case 'years':
      return value * 12;
  }
}

/** Months from the start of use to now. A month without a year means its most recent past occurrence. */
export function durationFromMention(m: DurationMention, now: Date): Extraction<'duration'> {
  const field = 'duration' as const;
  const assumptions: Assumption[] = [];
  const nowYear = now.getUTCFullYear();
  const nowMonth = now.getUTCMonth() + 1;
  let months: number | undefined;
  if (m.amount !== null && m.unit !== null) months = toMonths(m.amount, m.unit);
  else if (m.sinceYear !== null) {
    if (m.sinceMonth !== null) months = (nowYear - m.sinceYear) * 12 + (nowMonth - m.sinceMonth);
    else months = m.sinceYear === nowYear ? nowMonth / 2 : (nowYear - m.sinceYear) * 12 + (nowMonth - 7);
  } else if (m.sinceMonth !== null) {
    months = nowMonth - m.sinceMonth;
    if (months <= 0) months += 12;
  } else if (m.amount !== null) return { field, status: 'unclear', hint: 'unit' };
  if (months === undefined) return m.dontKnow ? { field, status: 'unknown' } : { field, status: 'unclear' };
  if (months < 0 || months > 1200) return { field, status: 'unclear' };
  if (m.lessThan && months > 0) {
    months = months * 0.8;
    assumptions.push({ id: 'lessThan', vars: {} });
  }
  return { field, status: 'ok', value: { months: roundTo(Math.max(0, months), 1) }, assumptions };
}
