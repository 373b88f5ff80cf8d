/**
 * `npm run safety:eval`: recall per category and the false-alarm rate on the dev and test splits.
 *
 *   rules      the same without the classifier (the rules alone; shows what the statistical layer adds)
 *   detector   what the crisis dialog would answer for detectDanger's result (fast; used while tuning)
 *   first      the real app over HTTP, the message as the very first thing a person types
 *   intake     the real app over HTTP, the message typed at the intake's dose question
 *
 * A direct safety question counts for the suicide classes only when answering "yes" brings 988 (the bot
 * runs actually send the "yes"). Options: --split dev|test|test-b|test-c|test-d|test-m (default all), --detector (skip the bot
 * runs), --misses (list dev misses; refuses to list test misses so nobody tunes on them).
 */
import { detectDanger } from '../../../src/features/safety/detect';
import { startTestApp, type TestApp } from '../../support/app';
import { conversation } from '../../support/intake';
import { CATEGORIES, isHit, type LabelledMessage, loadSplit, type Outcome, type Split } from './corpus';
import { detectorOutcome } from './outcome';

type Mode = 'rules' | 'detector' | 'first' | 'intake';

class BotRunner {
  private n = 0;
  constructor(private readonly t: TestApp) {}

  private text(key: string): string {
    return this.t.app.services.content.text(key);
  }

  private read(replies: string[]): Omit<Outcome, 'yesBringsCrisisLine'> {
    const has = (key: string) => replies.some((r) => r.includes(this.text(key)));
    const crisisLine = has('resources.crisisLine');
    const asked = has('safety.ambiguous.question');
    const emergency = has('safety.medical.text');
    const poisonControl = has('resources.poisonControl');
    const alarmed = crisisLine || asked || emergency || poisonControl || has('safety.severeWithdrawal.text');
    return { crisisLine, asked, emergency, poisonControl, alarmed };
  }

  async outcome(mode: Exclude<Mode, 'detector' | 'rules'>, text: string): Promise<Outcome> {
    const chat = conversation(this.t, `eval-${mode}-${++this.n}`);
    if (mode === 'intake') {
      await chat.say('hi');
      await chat.say(this.text('menu.options.intake'));
      await chat.say(this.text('intake.questions.products.choices.leaf'));
      await chat.say(this.text('intake.skip.label')); // the optional under-18 question
      let atDose = await chat.say(this.text('intake.questions.startedAgo.choices.atLeast6Months'));
      // The intake may read the answer back to confirm it first.
      for (const next of ['yes', '2 years', 'yes'])
        if (!atDose.includes(this.text('intake.questions.startDose.prompt'))) atDose = await chat.say(next);
      if (!atDose.includes(this.text('intake.questions.startDose.prompt')))
        throw new Error('the intake did not reach the dose question');
    }
    const first = this.read(await chat.say(text));
    const yesBringsCrisisLine = first.asked ? this.read(await chat.say('yes')).crisisLine : false;
    return { ...first, yesBringsCrisisLine };
  }
}

interface Row {
  category: string;
  total: number;
  hits: number;
}

function table(messages: LabelledMessage[], hits: boolean[]): Row[] {
  return Object.keys(CATEGORIES)
    .map((category) => {
      const idx = messages.map((m, i) => (m.category === category ? i : -1)).filter((i) => i >= 0);
      return { category, total: idx.length, hits: idx.filter((i) => hits[i]).length };
    })
    .filter((r) => r.total > 0);
}

const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);

function summary(rows: Row[]) {
  const group = (g: string) => rows.filter((r) => CATEGORIES[r.category].group === g);
  const sum = (rs: Row[]) =>
    rs.reduce((acc, r) => ({ total: acc.total + r.total, hits: acc.hits + r.hits }), { total: 0, hits: 0 });
  const suicide = sum(group('suicide'));
  const emergency = sum(group('emergency'));
  const benign = sum(group('benign'));
  return { suicide, emergency, benign, falseAlarms: benign.total - benign.hits };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const splitArg = args.includes('--split') ? (args[args.indexOf('--split') + 1] as Split) : undefined;
  const splits: Split[] = splitArg ? [splitArg] : ['dev', 'test', 'test-b', 'test-c', 'test-d', 'test-m'];
  const modes: Mode[] = args.includes('--detector') ? ['rules', 'detector'] : ['rules', 'detector', 'first', 'intake'];
  const showMisses = args.includes('--misses');

  const t = modes.includes('first') ? await startTestApp() : undefined;
  const bot = t ? new BotRunner(t) : undefined;
  try {
    const results: Record<string, Row[]> = {};
    for (const split of splits) {
      const messages = loadSplit(split);
      for (const mode of modes) {
        const hits: boolean[] = [];
        for (const m of messages) {
          const outcome =
            mode === 'rules' || mode === 'detector'
              ? detectorOutcome(m.text, mode === 'detector')
              : await bot!.outcome(mode, m.text);
          hits.push(isHit(m.category, outcome));
        }
        results[`${split}/${mode}`] = table(messages, hits);
        if (showMisses && mode === 'detector') {
          if (split !== 'dev') console.log(`(misses on the ${split} split are not listed: tune on dev only)`);
          else
            messages.forEach(
              (m, i) =>
                hits[i] || console.log(`MISS ${m.category}\t${m.text}\t${detectDanger(m.text).signals.join(',')}`),
            );
        }
      }
    }
    const columns = Object.keys(results);
    console.log(`\n| category | group | ${columns.map((c) => `${c} recall`).join(' | ')} |`);
    console.log(`|---|---|${columns.map(() => '---').join('|')}|`);
    for (const category of Object.keys(CATEGORIES)) {
      const cells = columns.map((c) => {
        const row = results[c].find((r) => r.category === category);
        return row ? `${row.hits}/${row.total} (${pct(row.hits, row.total)})` : '-';
      });
      const group = CATEGORIES[category].group;
      console.log(`| ${category} | ${group === 'benign' ? 'benign (no alarm)' : group} | ${cells.join(' | ')} |`);
    }
    console.log('\n| run | suicide & self-harm get 988 | emergencies get 911 | benign alarmed (false-alarm rate) |');
    console.log('|---|---|---|---|');
    for (const c of columns) {
      const s = summary(results[c]);
      console.log(
        `| ${c} | ${s.suicide.hits}/${s.suicide.total} (${pct(s.suicide.hits, s.suicide.total)}) | ${s.emergency.hits}/${s.emergency.total} (${pct(s.emergency.hits, s.emergency.total)}) | ${s.falseAlarms}/${s.benign.total} (${pct(s.falseAlarms, s.benign.total)}) |`,
      );
    }
  } finally {
    await t?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
