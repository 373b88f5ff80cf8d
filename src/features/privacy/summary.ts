import type { Content } from '../../platform/content/Content';
import type { PersonalDataExport } from './personalData';

/**
 * How many items a section holds: a list counts its entries, a record counts as one, nothing as none.
 * A record that groups lists (e.g. { intake, assessments: [...] }) counts its lists' entries and its records.
 */
function countOf(section: unknown): number {
  if (Array.isArray(section)) return section.length;
  if (section === null || section === undefined) return 0;
  if (typeof section !== 'object') return 1;
  const values = Object.values(section);
  if (!values.some(Array.isArray)) return 1;
  return values.reduce<number>(
    (sum, value) => sum + (Array.isArray(value) ? value.length : value && typeof value === 'object' ? 1 : 0),
    0,
  );
}

/** A section's own string fields as placeholder values: dates shown as YYYY-MM-DD, known values in words. */
function fieldsOf(section: unknown, content: Content): Record<string, string> {
  if (!section || typeof section !== 'object' || Array.isArray(section)) return {};
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(section)) {
    if (typeof value !== 'string') continue;
    const valueKey = `privacy.export.values.${value}`;
    fields[key] = /^\d{4}-\d{2}-\d{2}T/.test(value)
      ? value.slice(0, 10)
      : content.has(valueKey)
        ? content.text(valueKey)
        : value;
  }
  return fields;
}

/**
 * The readable summary sent with the export file: one line per owner that holds something.
 * An owner gets its own wording with privacy.export.sections.<name>; otherwise a generic count line.
 */
export function summarizeExport(data: PersonalDataExport, content: Content): string {
  const lines = [content.text('privacy.export.intro')];
  for (const [name, section] of Object.entries(data.sections)) {
    const count = countOf(section);
    if (count === 0) continue;
    const key = `privacy.export.sections.${name}`;
    const vars = { ...fieldsOf(section, content), name, count };
    lines.push(content.has(key) ? content.text(key, vars) : content.text('privacy.export.sections.other', vars));
  }
  lines.push(content.text('privacy.export.nothingElse'));
  return lines.join('\n');
}
