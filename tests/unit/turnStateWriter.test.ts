import {
  type Activity,
  ConversationState,
  type Storage,
  type StoreItems,
  TestAdapter,
  TurnContext,
  UserState,
} from 'botbuilder';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { TurnConversationState, TurnStateWriter, TurnUserState } from '../../src/platform/bot/TurnStateWriter';
import { SqliteDataStore } from '../../src/platform/storage/sqlite/SqliteDataStore';
import { makeTempDir } from '../support/app';

/** The real SQLite storage, with every write and delete call recorded. */
class RecordingStorage implements Storage {
  readonly reads: string[][] = [];
  readonly writes: string[][] = [];
  readonly deletes: string[][] = [];
  failNextWrite = false;
  constructor(private readonly inner: Storage) {}
  read(keys: string[]) {
    this.reads.push([...keys].sort());
    return this.inner.read(keys);
  }
  async write(changes: StoreItems) {
    this.writes.push(Object.keys(changes).sort());
    if (this.failNextWrite) {
      this.failNextWrite = false;
      throw new Error('disk went away');
    }
    return this.inner.write(changes);
  }
  delete(keys: string[]) {
    this.deletes.push([...keys].sort());
    return this.inner.delete(keys);
  }
}

const activity = (overrides: Partial<Activity> = {}): Partial<Activity> => ({
  type: 'message',
  channelId: 'test',
  conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' },
  from: { id: 'p1', name: '' },
  recipient: { id: 'bot', name: '' },
  text: 'hi',
  ...overrides,
});

describe('TurnStateWriter', () => {
  const dir = makeTempDir('turn-state-');
  const store = SqliteDataStore.open(join(dir, 'coach.db'));
  const storage = new RecordingStorage(store.state);
  const conversationState = new TurnConversationState(storage);
  const userState = new TurnUserState(storage);
  const dialog = conversationState.createProperty<{ step: number }>('dialog');
  const person = userState.createProperty<{ welcomedAt?: string }>('person');
  const writer = new TurnStateWriter(storage, [conversationState, userState]);
  const CONVERSATION_KEY = 'test/conversations/c1/';
  const USER_KEY = 'test/users/p1/';

  const turn = async (change: (context: TurnContext) => Promise<void>, overrides?: Partial<Activity>) => {
    const context = new TurnContext(new TestAdapter(), activity(overrides));
    await writer.load(context);
    await change(context);
    await writer.save(context);
  };
  const stored = async () => storage.read([CONVERSATION_KEY, USER_KEY]);

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    storage.reads.length = 0;
    storage.writes.length = 0;
    storage.deletes.length = 0;
  });

  test('a turn that changes both states writes them in one call', async () => {
    await turn(async (context) => {
      await dialog.set(context, { step: 1 });
      await person.set(context, { welcomedAt: '2026-11-28T00:00:00Z' });
    });
    expect(storage.writes).toEqual([[CONVERSATION_KEY, USER_KEY]]);
    const items = await stored();
    expect(items[CONVERSATION_KEY].dialog).toEqual({ step: 1 });
    expect(items[USER_KEY].person).toEqual({ welcomedAt: '2026-11-28T00:00:00Z' });
  });

  test("a turn reads both states in one call, under the keys botbuilder's own states use", async () => {
    const context = new TurnContext(new TestAdapter(), activity());
    expect(conversationState.getStorageKey(context)).toBe(new ConversationState(storage).getStorageKey(context));
    expect(userState.getStorageKey(context)).toBe(new UserState(storage).getStorageKey(context));
    await writer.load(context);
    expect(await dialog.get(context)).toEqual({ step: 1 });
    expect(await person.get(context)).toEqual({ welcomedAt: '2026-11-28T00:00:00Z' });
    expect(storage.reads).toEqual([[CONVERSATION_KEY, USER_KEY]]);
  });

  test('a turn that changes nothing writes nothing; one that changes one state writes only it', async () => {
    await turn(async (context) => {
      await dialog.get(context);
      await person.get(context);
    });
    expect(storage.writes).toEqual([]);
    await turn(async (context) => dialog.set(context, { step: 2 }));
    expect(storage.writes).toEqual([[CONVERSATION_KEY]]);
  });

  test('when the write fails, neither state is saved and the next turn sees the old ones', async () => {
    storage.failNextWrite = true;
    await expect(
      turn(async (context) => {
        await dialog.set(context, { step: 3 });
        await person.set(context, { welcomedAt: 'later' });
      }),
    ).rejects.toThrow('disk went away');
    const items = await stored();
    expect(items[CONVERSATION_KEY].dialog).toEqual({ step: 2 });
    expect(items[USER_KEY].person).toEqual({ welcomedAt: '2026-11-28T00:00:00Z' });
  });

  test('an activity without a user id still saves the conversation', async () => {
    await turn(async (context) => dialog.set(context, { step: 4 }), { from: undefined });
    expect(storage.writes).toEqual([[CONVERSATION_KEY]]);
    expect((await stored())[CONVERSATION_KEY].dialog).toEqual({ step: 4 });
  });

  test('delete removes both states in one call and nothing is written back', async () => {
    const context = new TurnContext(new TestAdapter(), activity());
    await writer.load(context);
    await dialog.set(context, { step: 5 });
    await writer.delete(context);
    await writer.save(context);
    expect(storage.deletes).toEqual([[CONVERSATION_KEY, USER_KEY]]);
    expect(storage.writes).toEqual([]);
    expect(await stored()).toEqual({});
  });

  test("the turn error handler's reset (delete, then a forced save) leaves an empty conversation state", async () => {
    await turn(async (context) => dialog.set(context, { step: 6 }));
    const context = new TurnContext(new TestAdapter(), activity());
    await writer.load(context);
    await conversationState.delete(context);
    await conversationState.saveChanges(context, true);
    const items = await stored();
    expect(items[CONVERSATION_KEY]).toMatchObject({});
    expect(items[CONVERSATION_KEY].dialog).toBeUndefined();
  });

  test('save before load is a programming error, said plainly', async () => {
    const context = new TurnContext(new TestAdapter(), activity());
    await expect(writer.save(context)).rejects.toThrow('before load');
  });
});
