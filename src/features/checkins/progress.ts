import type { CheckInRecord } from '../../platform/storage/repositories';

/** One program week on the progress chart; null where the person skipped the item. */
export interface WeekPoint {
  week: number;
  daysUsed: number | null;
  gramsPerDay: number | null;
  /** The amount counted in the person's own unit (shots, tablets), when not given in grams. */
  units?: { count: number; unit: NonNullable<CheckInRecord['unit']> };
  cravings: number | null;
}

/**
 * The weeks so far, one point per program week (the latest check-in of a week wins), oldest first.
 * The prescriber summary reads the same points.
 */
export function weeklyPoints(records: CheckInRecord[]): WeekPoint[] {
  const byWeek = new Map<number, CheckInRecord>();
  for (const record of records) {
    const existing = byWeek.get(record.programWeek);
    if (!existing || existing.answeredAt <= record.answeredAt) byWeek.set(record.programWeek, record);
  }
  return [...byWeek.values()]
    .sort((a, b) => a.programWeek - b.programWeek)
    .map((r) => ({
      week: r.programWeek,
      daysUsed: r.daysUsed,
      gramsPerDay: r.gramsPerDay,
      ...(r.unitsPerDay !== null && r.unit !== null ? { units: { count: r.unitsPerDay, unit: r.unit } } : {}),
      cravings: r.cravings,
    }));
}

/** Compares the first and the last week that both report an amount. */
export function amountTrend(
  points: WeekPoint[],
): { from: WeekPoint; to: WeekPoint; direction: 'down' | 'up' | 'same' } | undefined {
  const withAmount = points.filter((p) => p.gramsPerDay !== null);
  if (withAmount.length < 2) return undefined;
  const from = withAmount[0];
  const to = withAmount[withAmount.length - 1];
  const direction = to.gramsPerDay! < from.gramsPerDay! ? 'down' : to.gramsPerDay! > from.gramsPerDay! ? 'up' : 'same';
  return { from, to, direction };
}
