import type { CheckInItem, Content } from './Content';
import { measure, READING_RULES, type Readability } from './readability';

/** One user-facing text and where it lives. */
export interface ContentText {
  /** messages:<key>, explainer:<topic>.<field>, or program:week-NN.<field>. */
  id: string;
  text: string;
}

export interface ReadingRow extends ContentText, Readability {
  problems: string[];
}

export interface ReadingReport {
  rows: ReadingRow[];
  failures: ReadingRow[];
  /** Over the texts long enough to be graded. */
  meanGrade: number;
  maxGrade: number;
  graded: number;
}

/**
 * Every text a person can see: all message texts (lists are input phrases and are not shown),
 * every explainer's title, summary and sections, and every program week's texts.
 */
export function userFacingTexts(content: Content): ContentText[] {
  const texts: ContentText[] = content.entries().map(([key, text]) => ({ id: `messages:${key}`, text }));
  for (const topic of content.explainers()) {
    const id = `explainer:${topic.id}`;
    texts.push({ id: `${id}.title`, text: topic.title }, { id: `${id}.summary`, text: topic.summary });
    topic.sections.forEach((section, i) => {
      texts.push({ id: `${id}.sections.${i + 1}.heading`, text: section.heading }, { id: `${id}.sections.${i + 1}`, text: section.text });
    });
  }
  for (const week of content.weeks()) {
    const id = `program:week-${String(week.week).padStart(2, '0')}`;
    texts.push({ id: `${id}.title`, text: week.title });
    week.lesson.forEach((step, i) => texts.push({ id: `${id}.lesson.${i + 1}`, text: step.text }));
    texts.push({ id: `${id}.practice.title`, text: week.practice.title }, { id: `${id}.practice.text`, text: week.practice.text });
    week.reflection.forEach((question, i) => texts.push({ id: `${id}.reflection.${i + 1}`, text: question }));
    week.checkIn.forEach((item) => texts.push(...checkInTexts(`${id}.checkIn.${item.id}`, item)));
  }
  return texts;
}

function checkInTexts(id: string, item: CheckInItem): ContentText[] {
  const texts = [{ id: `${id}.ask`, text: item.ask }];
  if (item.answer === 'scale') texts.push({ id: `${id}.lowLabel`, text: item.lowLabel }, { id: `${id}.highLabel`, text: item.highLabel });
  if (item.answer === 'choice') texts.push(...item.options.map((o) => ({ id: `${id}.options.${o.value}`, text: o.label })));
  return texts;
}

export function checkReading(content: Content): ReadingReport {
  const rows = userFacingTexts(content).map((entry): ReadingRow => {
    const measured = measure(entry.text);
    const problems: string[] = [];
    if (measured.grade !== undefined && measured.grade > READING_RULES.maxGrade) problems.push(`grade ${measured.grade.toFixed(1)} > ${READING_RULES.maxGrade}`);
    if (measured.longestSentence > READING_RULES.maxSentenceWords) problems.push(`sentence of ${measured.longestSentence} words > ${READING_RULES.maxSentenceWords}`);
    return { ...entry, ...measured, problems };
  });
  const grades = rows.map((r) => r.grade).filter((g): g is number => g !== undefined);
  return {
    rows,
    failures: rows.filter((r) => r.problems.length > 0),
    meanGrade: grades.length ? grades.reduce((a, b) => a + b, 0) / grades.length : 0,
    maxGrade: grades.length ? Math.max(...grades) : 0,
    graded: grades.length,
  };
}

/** The table `npm run content:check` prints: one line per text, then a summary. */
export function formatReadingReport(report: ReadingReport): string {
  const lines = [['grade', 'words', 'longest', 'result', 'text'].join('\t')];
  for (const row of report.rows) {
    const grade = row.grade === undefined ? '-' : row.grade.toFixed(1);
    const result = row.problems.length ? `FAIL ${row.problems.join('; ')}` : 'ok';
    lines.push([grade.padStart(5), String(row.words).padStart(5), String(row.longestSentence).padStart(7), result, row.id].join('\t'));
  }
  lines.push(
    '',
    `${report.rows.length} texts, ${report.graded} long enough to grade (${READING_RULES.minWordsForGrade}+ words).`,
    `Flesch-Kincaid grade: mean ${report.meanGrade.toFixed(2)}, max ${report.maxGrade.toFixed(2)} (limit ${READING_RULES.maxGrade}). ` +
      `Longest sentence limit: ${READING_RULES.maxSentenceWords} words.`,
    report.failures.length ? `${report.failures.length} text(s) fail:` : 'Every text passes.',
    ...report.failures.map((row) => `  ${row.id}: ${row.problems.join('; ')}`),
  );
  return lines.join('\n');
}
