/** What the safety net can find in a message, from most to least urgent. */
export const DANGER_KINDS = ['medical', 'suicide', 'severeWithdrawal', 'ambiguous'] as const;

export type DangerKind = (typeof DANGER_KINDS)[number] | 'none';

export interface Detection {
  /** The most urgent kind found; 'none' when nothing was found. */
  kind: DangerKind;
  /** Rule ids that fired, with the context that changed them (e.g. "suicide.wantToDie~humor"). Never message text. */
  signals: string[];
  /** Every kind found, most urgent first (a message can be both a medical emergency and a suicide risk). */
  kinds: Exclude<DangerKind, 'none'>[];
}

export const NO_DANGER: Detection = Object.freeze({ kind: 'none', signals: [], kinds: [] });

/** Lower is more urgent. */
export function urgency(kind: DangerKind): number {
  const index = (DANGER_KINDS as readonly string[]).indexOf(kind);
  return index === -1 ? DANGER_KINDS.length : index;
}
