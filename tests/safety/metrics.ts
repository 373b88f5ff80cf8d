import { detectDanger } from '../../src/features/safety/detect';
import { DANGER_KINDS, type DangerKind } from '../../src/features/safety/types';
import type { CorpusEntry } from './corpus';

export interface KindMetrics {
  kind: Exclude<DangerKind, 'none'>;
  labelled: number;
  found: number;
  recall: number;
  /** Messages labelled something else (including benign) that came out as this kind. */
  falseAlarms: number;
  falseAlarmRate: number;
  /** Benign messages that came out as this kind. */
  benignAlarms: number;
}

export interface CorpusReport {
  total: number;
  perKind: KindMetrics[];
  benign: number;
  benignFlagged: number;
  /** Danger messages (any kind) that came out as 'none'. */
  silentMisses: CorpusEntry[];
  mismatches: Array<CorpusEntry & { got: DangerKind }>;
}

export function evaluate(entries: CorpusEntry[]): CorpusReport {
  const results = entries.map((entry) => ({ ...entry, got: detectDanger(entry.text).kind }));
  const perKind = DANGER_KINDS.map((kind) => {
    const labelled = results.filter((r) => r.kind === kind);
    const others = results.filter((r) => r.kind !== kind);
    const found = labelled.filter((r) => r.got === kind).length;
    const falseAlarms = others.filter((r) => r.got === kind).length;
    return {
      kind,
      labelled: labelled.length,
      found,
      recall: labelled.length ? found / labelled.length : 1,
      falseAlarms,
      falseAlarmRate: others.length ? falseAlarms / others.length : 0,
      benignAlarms: results.filter((r) => r.kind === 'none' && r.got === kind).length,
    };
  });
  const benign = results.filter((r) => r.kind === 'none');
  return {
    total: results.length,
    perKind,
    benign: benign.length,
    benignFlagged: benign.filter((r) => r.got !== 'none').length,
    silentMisses: results.filter((r) => r.kind !== 'none' && r.got === 'none'),
    mismatches: results.filter((r) => r.got !== r.kind),
  };
}

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

export function formatReport(name: string, report: CorpusReport): string {
  const rows = report.perKind.map(
    (m) =>
      `| ${m.kind} | ${m.labelled} | ${m.found} | ${pct(m.recall)} | ${m.falseAlarms} | ${pct(m.falseAlarmRate)} | ${m.benignAlarms} |`,
  );
  return [
    `${name}: ${report.total} messages, ${report.benign} benign (${report.benignFlagged} flagged), ${report.silentMisses.length} danger messages answered with nothing`,
    '| kind | labelled | found | recall | false alarms | false-alarm rate | of them benign |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
