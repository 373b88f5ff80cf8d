/**
 * What the program report reads: a few columns of each table, none of them an id, a text or a date of
 * birth (the report only counts). The same plain SQL runs on SQLite and PostgreSQL; aggregation happens in
 * src/features/program/programReport.ts.
 */
export interface ReportRows {
  /** Last visit of each person (ISO). */
  lastSeen: string[];
  /** One per completed intake: the approach and tier of the person's latest intake assessment (if any). */
  completedIntakes: Array<{ approach?: string; tier?: string }>;
  /** Intake assessments that showed a hand-off (each person's latest intake assessment). */
  intakeHandoffs: number;
  /** Check-in answers whose review showed a hand-off. */
  checkInHandoffs: number;
  /** Kind of each crisis reply. */
  crisisKinds: string[];
  /** Program week of each weekly check-in prompt that was sent. */
  sentPromptWeeks: number[];
  /** Program week of each answered check-in (one per person and week). */
  answeredWeeks: number[];
  /** Weeks finished, one entry per person and week. */
  completedProgramWeeks: number[];
  /** Check-in enrollment status of each enrolled person. */
  enrollmentStatuses: string[];
  /** People whose program is paused now. */
  programPaused: number;
  counters: Record<string, number>;
}

export interface OperationsRepository {
  /** Adds to the count of people the retention purge deleted. */
  countPurged(people: number): Promise<void>;
  reportRows(): Promise<ReportRows>;
}

type Query = (sql: string) => Promise<Array<Record<string, unknown>>>;

/** One implementation for both databases: the statements use only SQL both accept, with no parameters. */
export class SqlOperationsRepository implements OperationsRepository {
  constructor(private readonly query: Query) {}

  async countPurged(people: number): Promise<void> {
    if (!Number.isSafeInteger(people) || people <= 0) return;
    await this.query(
      `INSERT INTO operations_counters (name, value) VALUES ('purged_by_retention', ${people}) ` +
        'ON CONFLICT (name) DO UPDATE SET value = operations_counters.value + excluded.value',
    );
  }

  async reportRows(): Promise<ReportRows> {
    const q = this.query;
    const people = await q('SELECT last_seen_at FROM people');
    const intakes = await q('SELECT person_id FROM intake_answers WHERE completed_at IS NOT NULL');
    // Each person's latest intake assessment: the highest id among their intake-triggered ones.
    const assessments = await q(
      "SELECT a.person_id, a.result FROM risk_assessments a WHERE a.trigger = 'intake' AND a.id = " +
        "(SELECT MAX(b.id) FROM risk_assessments b WHERE b.person_id = a.person_id AND b.trigger = 'intake')",
    );
    const latest = new Map<string, { approach?: string; tier?: string; handoff?: boolean }>();
    for (const row of assessments) latest.set(String(row.person_id), parseJson(row.result));
    const checkInHandoffs = await q('SELECT COUNT(*) AS n FROM checkin_answers WHERE handoff <> 0');
    const crisis = await q('SELECT kind FROM safety_events');
    const sent = await q("SELECT program_week FROM checkin_due WHERE kind = 'prompt' AND state = 'sent'");
    const answered = await q('SELECT DISTINCT person_id, program_week FROM checkin_answers');
    const progress = await q('SELECT completed, paused_at FROM program_progress');
    const enrollments = await q('SELECT status FROM checkin_enrollments');
    const counters = await q('SELECT name, value FROM operations_counters');
    return {
      lastSeen: people.map((r) => toIso(r.last_seen_at)),
      completedIntakes: intakes.map((r) => {
        const result = latest.get(String(r.person_id));
        return { approach: result?.approach, tier: result?.tier };
      }),
      intakeHandoffs: [...latest.values()].filter((r) => r.handoff === true).length,
      checkInHandoffs: Number(checkInHandoffs[0]?.n ?? 0),
      crisisKinds: crisis.map((r) => String(r.kind)),
      sentPromptWeeks: sent.map((r) => Number(r.program_week)),
      answeredWeeks: answered.map((r) => Number(r.program_week)),
      completedProgramWeeks: progress.flatMap((r) =>
        (parseJson(r.completed) as unknown as Array<{ week: number }>).map((c) => Number(c.week)),
      ),
      enrollmentStatuses: enrollments.map((r) => String(r.status)),
      programPaused: progress.filter((r) => r.paused_at !== null && r.paused_at !== undefined).length,
      counters: Object.fromEntries(counters.map((r) => [String(r.name), Number(r.value)])),
    };
  }
}

function parseJson(value: unknown): Record<string, never> & { approach?: string; tier?: string; handoff?: boolean } {
  if (typeof value === 'string') return JSON.parse(value) as never;
  return (value ?? {}) as never;
}

function toIso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}
