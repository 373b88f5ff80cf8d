import type { ReportRows } from '../../platform/storage/operations';

/** Counts from 1 to this minus one are shown as "<5", so that no small group can be singled out. */
export const SMALL_COUNT = 5;

/** A count as the report shows it: the number, or "<5" for 1 to 4 (0 stays 0: it names nobody). */
export type Shown = number | '<5';

export interface ProgramReport {
  generatedFor: string;
  activeThisWeek: Shown;
  intakesCompleted: { total: Shown; byApproachAndTier: Array<{ approach: string; tier: string; people: Shown }> };
  handoffsShown: { intake: Shown; checkIn: Shown; opened: string };
  crisisReplies: Array<{ kind: string; replies: Shown }>;
  checkIns: Array<{ programWeek: number; sent: Shown; answered: Shown; answerRate: string }>;
  programWeeksCompleted: Array<{ week: number; people: Shown }>;
  checkInsPaused: Shown;
  checkInsStopped: Shown;
  programPaused: Shown;
  purgedByRetention: Shown;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export function shown(count: number): Shown {
  return count > 0 && count < SMALL_COUNT ? '<5' : count;
}

function tally<T extends string | number>(values: T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Aggregates the rows into the report. Only counts leave here, each under 5 hidden. */
export function buildProgramReport(rows: ReportRows, now: Date): ProgramReport {
  const weekAgo = now.getTime() - WEEK_MS;
  const combos = tally(rows.completedIntakes.map((i) => `${i.approach ?? 'notAssessed'}|${i.tier ?? 'notAssessed'}`));
  const sent = tally(rows.sentPromptWeeks);
  const answered = tally(rows.answeredWeeks);
  const weeks = [...new Set([...sent.keys(), ...answered.keys()])].sort((a, b) => a - b);
  const statuses = tally(rows.enrollmentStatuses);
  return {
    generatedFor: now.toISOString().slice(0, 10),
    activeThisWeek: shown(rows.lastSeen.filter((at) => Date.parse(at) >= weekAgo).length),
    intakesCompleted: {
      total: shown(rows.completedIntakes.length),
      byApproachAndTier: [...combos.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, people]) => {
          const [approach, tier] = key.split('|') as [string, string];
          return { approach, tier, people: shown(people) };
        }),
    },
    handoffsShown: {
      intake: shown(rows.intakeHandoffs),
      checkIn: shown(rows.checkInHandoffs),
      opened: 'not reported: Web Chat, Teams and Slack do not tell the bot when a link is opened',
    },
    crisisReplies: [...tally(rows.crisisKinds).entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, replies]) => ({ kind, replies: shown(replies) })),
    checkIns: weeks.map((programWeek) => {
      const s = sent.get(programWeek) ?? 0;
      const a = answered.get(programWeek) ?? 0;
      // A rate from fewer than 5 sends would give the small counts away.
      return {
        programWeek,
        sent: shown(s),
        answered: shown(a),
        answerRate: s >= SMALL_COUNT && (a === 0 || a >= SMALL_COUNT) ? `${Math.round((100 * a) / s)}%` : 'hidden (<5)',
      };
    }),
    programWeeksCompleted: [...tally(rows.completedProgramWeeks).entries()]
      .sort(([a], [b]) => a - b)
      .map(([week, people]) => ({ week, people: shown(people) })),
    checkInsPaused: shown(statuses.get('paused') ?? 0),
    checkInsStopped: shown(statuses.get('stopped') ?? 0),
    programPaused: shown(rows.programPaused),
    purgedByRetention: shown(rows.counters.purged_by_retention ?? 0),
  };
}

/** The report as a plain-text table for a terminal or an e-mail. */
export function formatReportTable(report: ProgramReport): string {
  const lines: Array<[string, string]> = [];
  const add = (label: string, value: number | string) => lines.push([label, String(value)]);
  add('People active in the last 7 days', report.activeThisWeek);
  add('Intakes completed', report.intakesCompleted.total);
  for (const row of report.intakesCompleted.byApproachAndTier) add(`  ${row.approach} / ${row.tier}`, row.people);
  add('Hand-offs shown after the intake', report.handoffsShown.intake);
  add('Hand-offs shown after a check-in', report.handoffsShown.checkIn);
  add('Hand-off links opened', report.handoffsShown.opened);
  add('Crisis replies', report.crisisReplies.length === 0 ? 0 : '');
  for (const row of report.crisisReplies) add(`  ${row.kind}`, row.replies);
  add('Check-ins (program week: sent / answered / answer rate)', report.checkIns.length === 0 ? 'none yet' : '');
  for (const row of report.checkIns)
    add(`  week ${row.programWeek}`, `${row.sent} / ${row.answered} / ${row.answerRate}`);
  add('Program weeks completed (week: people)', report.programWeeksCompleted.length === 0 ? 'none yet' : '');
  for (const row of report.programWeeksCompleted) add(`  week ${row.week}`, row.people);
  add('Check-ins paused', report.checkInsPaused);
  add('Check-ins stopped', report.checkInsStopped);
  add('Program paused', report.programPaused);
  add('People purged by retention (all time)', report.purgedByRetention);
  const width = Math.max(...lines.map(([label]) => label.length));
  return [
    `Steady program report for ${report.generatedFor} (counts from 1 to 4 show as <5)`,
    ...lines.map(([label, value]) => `${label.padEnd(width)}  ${value}`.trimEnd()),
  ].join('\n');
}
