import type { DirectLineRepository } from '../../src/platform/storage/repositories';

/** The DirectLineRepository contract, written once for every database. */
export function describeDirectLineRepositoryConformance(
  name: string,
  open: () => Promise<{ repo: DirectLineRepository; dispose(): Promise<void> }>,
): void {
  describe(`${name} (DirectLineRepository contract)`, () => {
    let repo: DirectLineRepository;
    let dispose: () => Promise<void>;
    const at = new Date('2026-12-01T15:00:00Z');
    beforeEach(async () => {
      ({ repo, dispose } = await open());
    });
    afterEach(async () => dispose());

    const conversation = (conversationId: string, userId = 'dl_a') => ({
      conversationId,
      userId,
      personId: `directline:${userId}`,
      at,
    });
    const message = (text: string) => ({ type: 'message', text });

    test('createConversation is true once, then false without changing the row', async () => {
      expect(await repo.createConversation(conversation('c1', 'dl_a'))).toBe(true);
      expect(await repo.createConversation(conversation('c1', 'dl_b'))).toBe(false);
      expect(await repo.getConversation('c1')).toEqual({
        conversationId: 'c1',
        userId: 'dl_a',
        personId: 'directline:dl_a',
        createdAt: at.toISOString(),
        lastActivityAt: at.toISOString(),
      });
      expect(await repo.getConversation('nope')).toBeUndefined();
    });

    test('appendActivity numbers activities per conversation and gives Azure-style ids', async () => {
      await repo.createConversation(conversation('c1'));
      await repo.createConversation(conversation('c2'));
      const a = await repo.appendActivity('c1', { direction: 'user', activity: message('one'), at });
      const b = await repo.appendActivity('c1', {
        direction: 'bot',
        activity: message('two'),
        at: new Date(at.getTime() + 1000),
      });
      const c = await repo.appendActivity('c2', { direction: 'bot', activity: message('three'), at });
      expect([a.stored.seq, b.stored.seq, c.stored.seq]).toEqual([1, 2, 1]);
      expect(b.stored).toEqual({
        seq: 2,
        activityId: 'c1|0000002',
        direction: 'bot',
        activity: { type: 'message', text: 'two', id: 'c1|0000002' },
      });
      expect((await repo.getConversation('c1'))?.lastActivityAt).toBe('2026-12-01T15:00:01.000Z');
    });

    test('activitiesAfter returns what follows the watermark, oldest first, up to the limit', async () => {
      await repo.createConversation(conversation('c1'));
      for (const text of ['a', 'b', 'c', 'd'])
        await repo.appendActivity('c1', { direction: 'bot', activity: message(text), at });
      expect((await repo.activitiesAfter('c1', 0, 10)).map((s) => s.activity.text)).toEqual(['a', 'b', 'c', 'd']);
      expect((await repo.activitiesAfter('c1', 2, 10)).map((s) => s.activity.text)).toEqual(['c', 'd']);
      expect((await repo.activitiesAfter('c1', 1, 2)).map((s) => s.seq)).toEqual([2, 3]);
      expect(await repo.activitiesAfter('c1', 4, 10)).toEqual([]);
    });

    test('an idempotency key is stored once per conversation', async () => {
      await repo.createConversation(conversation('c1'));
      await repo.createConversation(conversation('c2'));
      const first = await repo.appendActivity('c1', {
        direction: 'bot',
        activity: message('check-in'),
        at,
        idempotencyKey: 'k',
      });
      const again = await repo.appendActivity('c1', {
        direction: 'bot',
        activity: message('check-in, again'),
        at,
        idempotencyKey: 'k',
      });
      const elsewhere = await repo.appendActivity('c2', {
        direction: 'bot',
        activity: message('check-in'),
        at,
        idempotencyKey: 'k',
      });
      expect(first.duplicate).toBe(false);
      expect(again).toEqual({ stored: first.stored, duplicate: true });
      expect(elsewhere.duplicate).toBe(false);
      expect(await repo.activitiesAfter('c1', 0, 10)).toHaveLength(1);
    });

    test('appending to an unknown conversation fails', async () => {
      await expect(repo.appendActivity('nope', { direction: 'bot', activity: message('x'), at })).rejects.toThrow(
        /not found/,
      );
    });

    test('exportFor and deleteFor cover every conversation of the person and nobody else', async () => {
      await repo.createConversation(conversation('c1', 'dl_a'));
      await repo.createConversation(conversation('c2', 'dl_a'));
      await repo.createConversation(conversation('c3', 'dl_b'));
      await repo.appendActivity('c1', { direction: 'user', activity: message('mine'), at });
      await repo.appendActivity('c2', { direction: 'bot', activity: message('also mine'), at });
      await repo.appendActivity('c3', { direction: 'user', activity: message('theirs'), at });

      const exported = await repo.exportFor('directline:dl_a');
      expect(exported.conversations.map((c) => [c.conversationId, c.activities.map((a) => a.text)])).toEqual([
        ['c1', ['mine']],
        ['c2', ['also mine']],
      ]);
      expect(JSON.stringify(exported)).not.toContain('theirs');

      expect(await repo.deleteFor('directline:dl_a')).toBe(2);
      expect(await repo.getConversation('c1')).toBeUndefined();
      expect(await repo.activitiesAfter('c1', 0, 10)).toEqual([]);
      expect(await repo.exportFor('directline:dl_a')).toEqual({ conversations: [] });
      expect((await repo.activitiesAfter('c3', 0, 10)).map((s) => s.activity.text)).toEqual(['theirs']);
      expect(await repo.deleteFor('directline:nobody')).toBe(0);
    });
  });
}
