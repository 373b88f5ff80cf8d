import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { intakeScript, type ScriptStep } from '../../bench/script';
import { loadContent } from '../../src/platform/content/loader';
import { SqliteDataStore } from '../../src/platform/storage/sqlite/SqliteDataStore';
import { makeTempDir, messageActivity, postActivity } from '../support/app';
import { integrityCheck, type ServerProcess, startServerProcess } from '../support/serverProcess';

/**
 * The real server as its own process on one SQLite file, killed with SIGKILL at random points under a
 * steady load of intake conversations and restarted each time. Every turn that was answered must be in the
 * stored state, every conversation must be able to go on, and the file must pass integrity_check.
 */
const content = loadContent('en');
const text = (key: string) => content.text(key);
const SCRIPT = intakeScript(content);
const GENERIC_ERROR = content.text('errors.generic', { errorId: '' }).slice(0, 30);
const CONVERSATIONS = 8;
/** The kills must cut at least this many turns in flight; there are at least this many kills. */
const KILLS = 4;
/**
 * A kill can land while no turn is in flight: group commit answers the turns of one pass together, so
 * for a moment every answer can be on its way back and no request yet sent again. Such a kill proves
 * nothing, so the test kills again (up to this many times) until KILLS turns were cut.
 */
const MAX_KILLS = 8;
const CHANNEL = 'test';

interface Chat {
  id: string;
  /** Index of the next script step to send. */
  next: number;
  /** Highest step index that got a 200 reply with the expected prompt. */
  acked: number;
  /** Steps that failed because the server went away (their outcome is unknown). */
  inDoubt: number;
}

const personOf = (chat: Chat) => `${CHANNEL}:${chat.id}-person`;

/** Where the stored dialog stack says this conversation is: the index of the script step it waits for. */
function storedPosition(store: SqliteDataStore, chat: Chat): number {
  const row = store.db
    .prepare<[string], { document: string }>('SELECT document FROM bot_state WHERE key = ?')
    .get(`${CHANNEL}/conversations/${chat.id}/`);
  if (!row) return 0;
  const ids: string[] = [];
  const questions: Array<{ id: string; stage?: string }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.id === 'string') ids.push(record.id);
    // A waiting question dialog's state is its stage: { id: <question>, stage }.
    const stage = record.state as { id?: unknown; stage?: string } | undefined;
    if (typeof stage?.id === 'string' && SCRIPT.some((s) => s.question === stage.id))
      questions.push({ id: stage.id, stage: stage.stage });
    Object.values(record).forEach(walk);
  };
  walk(JSON.parse(row.document));
  const asked = questions[questions.length - 1];
  if (asked) return SCRIPT.findIndex((s) => s.question === asked.id && (s.stage ?? 'ask') === (asked.stage ?? 'ask'));
  if (ids.includes('intake.review')) return SCRIPT.length - 1;
  if (ids.includes('intake.result')) return SCRIPT.length; // on the result: the script is done
  return 1;
}

async function sendStep(baseUrl: string, chat: Chat, step: ScriptStep): Promise<'ok' | 'down'> {
  let response: Awaited<ReturnType<typeof postActivity>>;
  try {
    response = await postActivity(
      baseUrl,
      messageActivity(step.text, { conversationId: chat.id, userId: `${chat.id}-person`, channelId: CHANNEL }),
    );
  } catch {
    return 'down';
  }
  if (response.status !== 200) return 'down';
  const texts = response.replies.map((r) => r.text ?? '');
  expect(texts.join('\n')).not.toContain(GENERIC_ERROR);
  expect(texts[texts.length - 1]).toContain(text(step.expects).split('\n')[0].slice(0, 40));
  return 'ok';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('kill -9 under load', () => {
  const dir = makeTempDir('resilience-');
  const file = join(dir, 'coach.db');
  const env = { DATABASE_URL: `sqlite:${file}`, PORT: '0', LOG_LEVEL: 'warn' };
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every answered turn is stored, every conversation goes on, the file stays whole', async () => {
    server = await startServerProcess(env);
    const store = SqliteDataStore.open(file);
    const chats: Chat[] = [];
    const newChat = async (): Promise<Chat> => {
      const chat = { id: `crash-${chats.length}`, next: 0, acked: -1, inDoubt: 0 };
      chats.push(chat);
      await store.consents.set(personOf(chat), 'granted', text('privacy.version'), new Date());
      return chat;
    };
    const slots: Chat[] = [];
    for (let i = 0; i < CONVERSATIONS; i++) slots.push(await newChat());

    const checks: string[] = [];
    let answered = 0;
    let kills = 0;
    const turnsCut = () => chats.reduce((sum, c) => sum + c.inDoubt, 0);
    for (;;) {
      const baseUrl = server.baseUrl;
      const last = kills === MAX_KILLS || (kills >= KILLS && turnsCut() >= KILLS);
      let alive = true;
      // A steady load: each slot walks its conversation; when one finishes, a new one starts, until the kill.
      const drive = async (slot: number) => {
        while (alive) {
          const chat = slots[slot];
          if (chat.next >= SCRIPT.length) {
            if (last) return;
            slots[slot] = await newChat();
            continue;
          }
          const outcome = await sendStep(baseUrl, chat, SCRIPT[chat.next]);
          if (outcome === 'down') {
            chat.inDoubt++;
            return;
          }
          answered++;
          chat.acked = chat.next;
          chat.next++;
        }
      };
      const load = Promise.all(slots.map((_, i) => drive(i)));
      if (!last) {
        await sleep(200 + Math.floor(Math.random() * 1300));
        alive = false;
        await server.kill('SIGKILL');
        kills++;
      }
      await load;
      checks.push(integrityCheck(file));

      // What was answered is stored; the in-doubt turn may or may not be. Resume where the store says.
      for (const chat of chats) {
        const position = storedPosition(store, chat);
        expect(position).toBeGreaterThanOrEqual(Math.min(chat.acked + 1, SCRIPT.length));
        const saved = (await store.intake.getAnswers(personOf(chat)))?.answers ?? {};
        for (const step of SCRIPT.slice(0, chat.acked + 1))
          if (step.saves) expect(saved).toHaveProperty(step.question!);
        chat.next = position;
      }
      if (last) break;
      server = await startServerProcess(env);
    }

    expect(checks).toEqual(Array(kills + 1).fill('ok'));
    // The kills caught turns in flight (otherwise this test proves little), and every conversation then finished its intake.
    const inDoubt = turnsCut();
    expect(inDoubt).toBeGreaterThanOrEqual(KILLS);
    expect(answered).toBeGreaterThan(chats.length);
    process.stdout.write(
      `resilience: ${chats.length} conversations, ${answered} answered turns, ${inDoubt} turns cut by ${kills} kills\n`,
    );
    for (const chat of chats) {
      expect(chat.next).toBe(SCRIPT.length);
      const record = await store.intake.getAnswers(personOf(chat));
      expect(record?.completedAt).toBeDefined();
      expect((await store.intake.latestAssessment(personOf(chat)))?.trigger).toBeDefined();
      // And the conversation still goes on: back to the menu from the result.
      expect(
        await sendStep(server.baseUrl, chat, { text: text('intake.result.choices.menu'), expects: 'menu.prompt' }),
      ).toBe('ok');
    }
    await store.close();
  }, 180_000);
});
