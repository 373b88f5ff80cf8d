import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  APPROACHES,
  EARLY_RELAPSE_LAST_DAY,
  FREQUENT_DOSES_PER_DAY,
  HIGH_DOSE_GRAMS,
  MANY_DOSES_PER_DAY,
  RAISED_DOSE_GRAMS,
  RULE_IDS,
  RULES,
  SLOW_ESCALATION_MONTHS,
} from '../../src/features/risk';
import {
  TAPER_MAX_STEP_SHARE,
  TAPER_STEP_SHARE,
  TAPER_STOP_AT_GRAMS,
  WEEKLY_STEPS_UNDER_MONTHS,
  FAST_STEP_DAYS,
  SLOW_STEP_DAYS,
} from '../../src/features/risk/taper';
import { DefaultCheckInReviewer, type ReviewReason } from '../../src/features/checkins/review';

/** docs/clinical.md stays current: every rule id, approach, check-in reason and threshold is there, with a source. */
const page = readFileSync(join(__dirname, '../../docs/clinical.md'), 'utf8');
const rows = (section: string) => {
  const start = page.indexOf(section);
  const body = page.slice(
    start,
    page.indexOf('\n## ', start + 1) === -1 ? undefined : page.indexOf('\n## ', start + 1),
  );
  return body.split('\n').filter((line) => /^\| `\w+` +\|/.test(line));
};

describe('docs/clinical.md', () => {
  test('lists every rule once, with its approach, hand-off and a source', () => {
    const ruleRows = rows('## The risk rules');
    expect(ruleRows.map((row) => /^\| `(\w+)`/.exec(row)![1])).toEqual([...RULE_IDS]);
    for (const rule of RULES) {
      const row = ruleRows.find((r) => r.startsWith(`| \`${rule.id}\``))!;
      const cells = row.split('|').map((cell) => cell.trim());
      expect(cells[3]).toBe(rule.approach ? `\`${rule.approach}\`` : '(none)');
      expect(cells[4]).toBe(rule.handoff ? 'yes' : 'no');
      expect(cells[5]).toMatch(/Seed|Facts|Review/);
    }
  });

  test('names every approach in order', () => {
    const listed = [...page.matchAll(/`(\w+)`/g)]
      .map((m) => m[1])
      .filter((word) => (APPROACHES as readonly string[]).includes(word));
    for (const approach of APPROACHES) expect(listed).toContain(approach);
  });

  test('lists every check-in review reason with a source', () => {
    const reviewer = new DefaultCheckInReviewer();
    const base = {
      daysUsed: 7,
      gramsPerDay: 8,
      unitsPerDay: null,
      unit: null,
      form: 'leaf' as const,
      cravings: 5,
      symptoms: 'mild' as const,
      sleep: 'fair' as const,
      mood: 'okay' as const,
      confidence: 6,
      confidenceStep: null,
      support: 'people' as const,
    };
    const everything = reviewer.review(
      { ...base, daysUsed: 0 },
      { ...base, gramsPerDay: 20, form: 'sevenOh', symptoms: 'severe', mood: 'veryLow' },
      { profile: { products: ['leaf'], otherSubstances: ['alcohol'] } },
    );
    const fromCode = new Set<ReviewReason>([...everything.reasons, 'newExtract']);
    const reasonRows = rows('## The weekly check-in review').map((row) => /^\| `(\w+)`/.exec(row)![1]);
    expect(new Set(reasonRows)).toEqual(fromCode);
  });

  test('states the thresholds the code uses', () => {
    const mentions = (text: string) => expect(page).toContain(text);
    mentions(`\`HIGH_DOSE_GRAMS\``);
    expect(HIGH_DOSE_GRAMS).toBe(15);
    mentions('15 g a day or more');
    expect(RAISED_DOSE_GRAMS).toBe(10);
    mentions('10 g up to 15 g a day');
    expect(SLOW_ESCALATION_MONTHS).toBe(6);
    mentions('6 months or more (`SLOW_ESCALATION_MONTHS`)');
    mentions(`by day ${EARLY_RELAPSE_LAST_DAY} (\`EARLY_RELAPSE_LAST_DAY\`)`);
    mentions(`from ${FREQUENT_DOSES_PER_DAY} doses a day (\`FREQUENT_DOSES_PER_DAY\`)`);
    mentions(`from ${MANY_DOSES_PER_DAY} doses a day (\`MANY_DOSES_PER_DAY\``);
    mentions(`\`TAPER_STEP_SHARE\` = ${TAPER_STEP_SHARE}`);
    mentions(`\`TAPER_MAX_STEP_SHARE\` = ${TAPER_MAX_STEP_SHARE}`);
    mentions(`\`TAPER_STOP_AT_GRAMS\` = ${TAPER_STOP_AT_GRAMS}`);
    mentions(`\`WEEKLY_STEPS_UNDER_MONTHS\` = ${WEEKLY_STEPS_UNDER_MONTHS}, \`FAST_STEP_DAYS\` = ${FAST_STEP_DAYS}`);
    mentions(`\`SLOW_STEP_DAYS\` = ${SLOW_STEP_DAYS}`);
  });
});
