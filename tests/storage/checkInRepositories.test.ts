import {
  type CheckInAnswers,
  type DataStore,
  LAST_SEEN_RESOLUTION_MS,
  type NewDueCheckIn,
} from '../../src/platform/storage/repositories';
import { describeEachDatabase } from '../support/databases';

const at = (iso: string) => new Date(iso);
const SLOT = at('2026-12-06T23:00:00Z');
const MINUTE = 60_000;
const LEASE = 5 * MINUTE;

const prompt = (
  personId: string,
  week: number,
  slotAt = new Date(SLOT.getTime() + (week - 1) * 7 * 24 * 60 * MINUTE),
): NewDueCheckIn => ({
  personId,
  kind: 'prompt',
  programWeek: week,
  idempotencyKey: `checkin:${personId}:week-${week}`,
  slotAt,
  dueAt: slotAt,
});

const answers: CheckInAnswers = {
  daysUsed: 3,
  gramsPerDay: 4.5,
  unitsPerDay: null,
  unit: null,
  form: 'leaf',
  cravings: 6,
  symptoms: 'mild',
  sleep: 'fair',
  mood: 'good',
  confidence: 7,
  confidenceStep: 'a walk after lunch',
  support: 'people',
};

describeEachDatabase('check-in repositories', (open) => {
  let store: DataStore;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ store, dispose } = await open());
  });
  afterEach(async () => dispose());

  test('conversation references: upsert per person and channel, export and delete', async () => {
    const ref = { serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'c1' }, channelId: 'test' };
    expect(await store.conversationRefs.get('p1', 'test')).toBeUndefined();
    await store.conversationRefs.save('p1', 'test', ref, at('2026-12-01T10:00:00Z'));
    await store.conversationRefs.save('p1', 'test', { ...ref, conversation: { id: 'c2' } }, at('2026-12-01T11:00:00Z'));
    expect(await store.conversationRefs.get('p1', 'test')).toMatchObject({ conversation: { id: 'c2' } });
    expect(await store.conversationRefs.exportFor('p1')).toEqual([
      { channelId: 'test', reference: { ...ref, conversation: { id: 'c2' } }, updatedAt: '2026-12-01T11:00:00.000Z' },
    ]);
    await store.conversationRefs.deleteFor('p1');
    expect(await store.conversationRefs.get('p1', 'test')).toBeUndefined();
  });

  test('conversation references: saving the same one again writes nothing (updatedAt stays)', async () => {
    const ref = { serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'c1' }, channelId: 'test' };
    await store.conversationRefs.save('p1', 'test', ref, at('2026-12-01T10:00:00Z'));
    await store.conversationRefs.save('p1', 'test', { ...ref }, at('2026-12-01T12:00:00Z'));
    expect(await store.conversationRefs.exportFor('p1')).toEqual([
      { channelId: 'test', reference: ref, updatedAt: '2026-12-01T10:00:00.000Z' },
    ]);
  });

  test('people: last seen is refreshed once it is older than the resolution, not on every turn', async () => {
    const first = at('2026-12-01T10:00:00Z');
    await store.people.seen('p1', 'test', [], first);
    await store.people.seen('p1', 'test', [], new Date(first.getTime() + LAST_SEEN_RESOLUTION_MS - MINUTE));
    expect((await store.people.get('p1'))?.lastSeenAt).toBe(first.toISOString());
    const later = new Date(first.getTime() + LAST_SEEN_RESOLUTION_MS + MINUTE);
    await store.people.seen('p1', 'test', [], later);
    expect(await store.people.get('p1')).toMatchObject({
      createdAt: first.toISOString(),
      lastSeenAt: later.toISOString(),
    });
  });

  test('enrollments: a second upsert keeps enrolledAt and reactivates; status changes carry a reason', async () => {
    const input = {
      personId: 'p1',
      channelId: 'test',
      weekday: 0,
      localTime: '18:00',
      timeZone: 'America/New_York',
      quietStart: '21:00',
      quietEnd: '09:00',
    };
    expect(await store.enrollments.upsert(input, at('2026-12-01T10:00:00Z'))).toEqual({
      ...input,
      status: 'active',
      statusReason: undefined,
      enrolledAt: '2026-12-01T10:00:00.000Z',
      updatedAt: '2026-12-01T10:00:00.000Z',
    });
    await store.enrollments.setStatus('p1', 'paused', 'person', at('2026-12-02T10:00:00Z'));
    expect(await store.enrollments.get('p1')).toMatchObject({ status: 'paused', statusReason: 'person' });
    const again = await store.enrollments.upsert({ ...input, weekday: 3 }, at('2026-12-03T10:00:00Z'));
    expect(again).toMatchObject({
      weekday: 3,
      status: 'active',
      statusReason: undefined,
      enrolledAt: '2026-12-01T10:00:00.000Z',
      updatedAt: '2026-12-03T10:00:00.000Z',
    });
    await store.enrollments.deleteFor('p1');
    expect(await store.enrollments.exportFor('p1')).toBeNull();
  });

  test('due-queue: a key is queued once; a cancelled row is revived; claims lease due rows in order', async () => {
    const q = store.dueQueue;
    const now = at('2026-12-01T10:00:00Z');
    expect(await q.enqueue(prompt('p1', 1), now)).toBe(true);
    expect(await q.enqueue(prompt('p1', 1), now)).toBe(false);
    expect(await q.enqueue(prompt('p2', 1, new Date(SLOT.getTime() - MINUTE)), now)).toBe(true);
    expect(await q.hasKey('checkin:p1:week-1')).toBe(true);
    expect(await q.lastPromptWeek('p1')).toBe(1);
    expect(await q.lastPromptWeek('nobody')).toBeUndefined();

    expect(await q.cancelPending('p1', 'paused', now)).toBe(1);
    expect(await q.hasKey('checkin:p1:week-1')).toBe(false);
    expect(await q.pendingFor('p1')).toEqual([]);
    expect(await q.enqueue(prompt('p1', 1), now)).toBe(true);

    expect((await q.claim(new Date(SLOT.getTime() - 2 * MINUTE), 10, LEASE)).claimed).toEqual([]);
    const { claimed, abandoned } = await q.claim(SLOT, 10, LEASE);
    expect(abandoned).toEqual([]);
    expect(claimed.map((r) => [r.personId, r.state, r.attempts, r.leaseUntil?.toISOString()])).toEqual([
      ['p2', 'leased', 1, new Date(SLOT.getTime() + LEASE).toISOString()],
      ['p1', 'leased', 1, new Date(SLOT.getTime() + LEASE).toISOString()],
    ]);
    expect((await q.claim(SLOT, 10, LEASE)).claimed).toEqual([]);
  });

  test('due-queue: the limit is respected; a lease that runs out is claimed again; only two unrecorded sends abandon a row', async () => {
    const q = store.dueQueue;
    for (const person of ['a', 'b', 'c']) await q.enqueue(prompt(person, 1), SLOT);
    const first = (await q.claim(SLOT, 2, LEASE)).claimed;
    expect(first.map((r) => r.personId)).toEqual(['a', 'b']);
    expect((await q.claim(SLOT, 2, LEASE)).claimed.map((r) => r.personId)).toEqual(['c']);
    // The process sends to a, then dies; b and c were only claimed.
    await q.beginSend(first[0].id);

    const expired = new Date(SLOT.getTime() + LEASE);
    const second = await q.claim(expired, 10, LEASE);
    expect(second.claimed.map((r) => [r.personId, r.leaseExpiries, r.unrecordedSends, r.attempts])).toEqual([
      ['a', 1, 1, 2],
      ['b', 1, 0, 2],
      ['c', 1, 0, 2],
    ]);
    // It dies again after sending to a a second time; b and c were still never sent.
    await q.beginSend(second.claimed[0].id);
    const third = await q.claim(new Date(expired.getTime() + LEASE), 10, LEASE);
    expect(third.abandoned.map((r) => [r.personId, r.state, r.outcome])).toEqual([
      ['a', 'abandoned', 'lease_expired_twice'],
    ]);
    expect(third.claimed.map((r) => [r.personId, r.leaseExpiries, r.unrecordedSends])).toEqual([
      ['b', 2, 0],
      ['c', 2, 0],
    ]);

    // A recorded outcome clears the note: a retried row starts again from no unrecorded send.
    await q.beginSend(third.claimed[0].id);
    await q.reschedule(third.claimed[0].id, SLOT, 'transient', SLOT, { outcome: 'transient', statusCode: 503 });
    expect((await q.pendingFor('b')).map((r) => [r.state, r.unrecordedSends])).toEqual([['pending', 0]]);
  });

  test('due-queue: finish records the attempt and queues what follows; reschedule puts the row back; export and delete', async () => {
    const q = store.dueQueue;
    await q.enqueue(prompt('p1', 1), SLOT);
    const [row] = (await q.claim(SLOT, 10, LEASE)).claimed;
    const sentAt = new Date(SLOT.getTime() + MINUTE);
    const followup: NewDueCheckIn = {
      ...prompt('p1', 1),
      kind: 'followup',
      idempotencyKey: 'checkin:p1:week-1:followup',
      dueAt: new Date(SLOT.getTime() + 24 * 60 * MINUTE),
    };
    await q.finish(row.id, 'sent', 'sent', sentAt, { outcome: 'sent', statusCode: 200 }, [followup, prompt('p1', 2)]);
    // Finishing a row that does not exist changes nothing and queues nothing.
    await q.finish(999_999, 'sent', 'sent', sentAt, { outcome: 'sent' }, [prompt('p1', 9)]);

    expect((await q.lastSentPrompt('p1'))?.id).toBe(row.id);
    expect(await q.lastPromptWeek('p1')).toBe(2);
    expect((await q.pendingFor('p1')).map((r) => [r.kind, r.programWeek])).toEqual([
      ['followup', 1],
      ['prompt', 2],
    ]);

    const [next] = (await q.claim(followup.dueAt, 1, LEASE)).claimed;
    const retryAt = new Date(followup.dueAt.getTime() + 10 * MINUTE);
    await q.reschedule(next.id, retryAt, 'retry_503', followup.dueAt, { outcome: 'http_503', statusCode: 503 });
    expect((await q.pendingFor('p1'))[0]).toMatchObject({
      kind: 'followup',
      state: 'pending',
      outcome: 'retry_503',
      dueAt: retryAt,
      attempts: 1,
    });
    await q.apply([], sentAt);

    expect(await q.attemptsFor('p1')).toEqual([
      { dueId: row.id, attemptedAt: sentAt.toISOString(), outcome: 'sent', statusCode: 200 },
      { dueId: next.id, attemptedAt: followup.dueAt.toISOString(), outcome: 'http_503', statusCode: 503 },
    ]);
    const exported = (await q.exportFor('p1')) as { due: unknown[]; attempts: unknown[] };
    expect(exported.due).toHaveLength(3);
    expect(exported.attempts).toHaveLength(2);
    await q.deleteFor('p1');
    expect(await q.exportFor('p1')).toEqual({ due: [], attempts: [] });
  });

  test('check-in answers: saved with the review, listed in order, counted since a date, deleted', async () => {
    const first = await store.checkIns.save(
      'p1',
      1,
      answers,
      { handoff: false, reasons: [] },
      at('2026-12-06T23:10:00Z'),
    );
    expect(first).toEqual({
      id: first.id,
      personId: 'p1',
      programWeek: 1,
      answeredAt: '2026-12-06T23:10:00.000Z',
      ...answers,
      handoff: false,
      reasons: [],
    });
    const empty = Object.fromEntries(Object.keys(answers).map((k) => [k, null])) as unknown as CheckInAnswers;
    await store.checkIns.save('p1', 2, empty, { handoff: true, reasons: ['cravings'] }, at('2026-12-13T23:10:00Z'));
    expect((await store.checkIns.listFor('p1')).map((r) => r.programWeek)).toEqual([1, 2]);
    expect(await store.checkIns.latestFor('p1')).toMatchObject({
      programWeek: 2,
      handoff: true,
      reasons: ['cravings'],
      gramsPerDay: null,
    });
    const shots = await store.checkIns.save(
      'p3',
      1,
      { ...answers, gramsPerDay: null, unitsPerDay: 2.5, unit: 'shot', form: 'extract' },
      { handoff: false, reasons: [] },
      at('2026-12-06T23:10:00Z'),
    );
    expect(await store.checkIns.latestFor('p3')).toEqual(shots);
    expect(shots).toMatchObject({ gramsPerDay: null, unitsPerDay: 2.5, unit: 'shot' });
    await store.checkIns.deleteFor('p3');
    expect(await store.checkIns.countSince('p1', at('2026-12-10T00:00:00Z'))).toBe(1);
    expect(await store.checkIns.countSince('p1', at('2026-12-01T00:00:00Z'))).toBe(2);
    await store.checkIns.deleteFor('p1');
    expect(await store.checkIns.listFor('p1')).toEqual([]);
    expect(await store.checkIns.latestFor('p1')).toBeUndefined();
  });
});
