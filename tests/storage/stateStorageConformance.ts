import type { Storage } from 'botbuilder';
import { documentJson, storedJsonOf } from '../../src/platform/storage/storedDocuments';

/**
 * The contract every botbuilder Storage in this project meets (MemoryStorage's eTag rules).
 * Each database's test file calls this with a factory for a fresh, empty store.
 */
export function describeStateStorageConformance(
  name: string,
  makeStore: () => Promise<{ store: Storage; dispose(): Promise<void> }>,
): void {
  describe(`${name} conforms to the botbuilder Storage contract`, () => {
    let store: Storage;
    let dispose: () => Promise<void>;

    beforeEach(async () => {
      ({ store, dispose } = await makeStore());
    });
    afterEach(async () => dispose());

    test('creates an item and reads it back with an eTag', async () => {
      await store.write({ a: { count: 1, nested: { list: [1, 'two'] } } });
      const items = await store.read(['a']);
      expect(items.a).toMatchObject({ count: 1, nested: { list: [1, 'two'] } });
      expect(typeof items.a.eTag).toBe('string');
      expect(items.a.eTag.length).toBeGreaterThan(0);
    });

    test('reading a missing key returns nothing for it', async () => {
      await store.write({ present: { x: 1 } });
      const items = await store.read(['missing', 'present']);
      expect(Object.keys(items)).toEqual(['present']);
    });

    test("two keys read together (a turn's conversation and user state), and one key asked twice", async () => {
      await store.write({ conversation: { step: 1 }, user: { welcomed: true } });
      const both = await store.read(['conversation', 'user']);
      expect(both).toMatchObject({ conversation: { step: 1 }, user: { welcomed: true } });
      expect(Object.keys(await store.read(['conversation', 'conversation']))).toEqual(['conversation']);
      expect(Object.keys(await store.read(['user', 'nobody']))).toEqual(['user']);
    });

    test('the JSON an item was read from is what it serializes to, so a turn can tell an untouched state without serializing it', async () => {
      const document = {
        text: 'café \u2014 \u0000 "quoted"',
        amount: 12.5,
        big: 1e21,
        small: -0,
        list: [1, null, { deep: true }],
        empty: {},
      };
      await store.write({ d: document });
      const item = (await store.read(['d'])).d;
      expect(storedJsonOf(item)).toBe(documentJson(item));
      item.amount = 13;
      expect(storedJsonOf(item)).not.toBe(documentJson(item));
    });

    test('updates replace the document and give a fresh eTag', async () => {
      await store.write({ k: { v: 1, old: true } });
      const first = (await store.read(['k'])).k;
      await store.write({ k: { v: 2, eTag: first.eTag } });
      const second = (await store.read(['k'])).k;
      expect(second.v).toBe(2);
      expect(second.old).toBeUndefined();
      expect(second.eTag).not.toBe(first.eTag);
    });

    test('delete removes the item; deleting a missing key is a no-op', async () => {
      await store.write({ gone: { v: 1 } });
      await store.delete(['gone', 'never-existed']);
      expect(await store.read(['gone'])).toEqual({});
    });

    test.each([
      ['unicode', 'emoji/😀/ümlaut/日本語'],
      ['slashes and spaces', 'channel/conversations/a b/c\\d'],
      ['quotes and SQL', `it's "quoted"; DROP TABLE bot_state; --`],
      ['very long', 'k'.repeat(5000)],
    ])('keys with %s round-trip', async (_label, key) => {
      await store.write({ [key]: { ok: true } });
      expect((await store.read([key]))[key]).toMatchObject({ ok: true });
      await store.delete([key]);
      expect(await store.read([key])).toEqual({});
    });

    test('a batch write stores every item', async () => {
      const batch = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`batch-${i}`, { i }]));
      await store.write(batch);
      const items = await store.read(Object.keys(batch));
      expect(Object.keys(items)).toHaveLength(50);
      expect(items['batch-49'].i).toBe(49);
    });

    test('a stale eTag is rejected and the stored item is unchanged', async () => {
      await store.write({ k: { v: 1 } });
      const stale = (await store.read(['k'])).k;
      await store.write({ k: { v: 2, eTag: stale.eTag } });
      await expect(store.write({ k: { v: 3, eTag: stale.eTag } })).rejects.toThrow(/eTag/i);
      expect((await store.read(['k'])).k.v).toBe(2);
    });

    test("'*' and a missing eTag overwrite whatever is stored", async () => {
      await store.write({ k: { v: 1 } });
      await store.write({ k: { v: 2, eTag: '*' } });
      expect((await store.read(['k'])).k.v).toBe(2);
      await store.write({ k: { v: 3 } });
      expect((await store.read(['k'])).k.v).toBe(3);
    });

    test('an eTag on a new key is accepted (the key does not exist yet)', async () => {
      await store.write({ fresh: { v: 1, eTag: 'some-old-etag' } });
      expect((await store.read(['fresh'])).fresh.v).toBe(1);
    });

    test('concurrent writers with the same eTag: exactly one wins', async () => {
      await store.write({ race: { v: 0 } });
      const base = (await store.read(['race'])).race;
      const attempts = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => store.write({ race: { v: i + 1, eTag: base.eTag } })),
      );
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      const winner = attempts.findIndex((a) => a.status === 'fulfilled') + 1;
      expect((await store.read(['race'])).race.v).toBe(winner);
    });

    test('the caller’s object is not modified by a write', async () => {
      const item = { v: 1, eTag: '*' };
      await store.write({ k: item });
      expect(item).toEqual({ v: 1, eTag: '*' });
    });
  });
}
