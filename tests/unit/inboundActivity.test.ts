import { asBotActivity } from '../../src/platform/channels/inboundActivity';

describe('asBotActivity: a validated body as botbuilder types it', () => {
  test.each([
    ['timestamp', 'rawTimestamp', '2026-12-02T13:20:00.000Z'],
    ['localTimestamp', 'rawLocalTimestamp', '2026-12-02T08:20:00.000-05:00'],
    ['expiration', 'rawExpiration', '2026-12-03T00:00:00.000Z'],
  ])('%s becomes a Date and its text is kept as %s', (field, raw, text) => {
    const activity = asBotActivity({ type: 'message', [field]: text }) as unknown as Record<string, unknown>;
    expect(activity[field]).toBeInstanceOf(Date);
    expect((activity[field] as Date).getTime()).toBe(Date.parse(text));
    expect(activity[raw]).toBe(text);
  });

  test('a body without time fields comes back with nothing added', () => {
    const body = { type: 'message', text: 'hi', from: { id: 'p' } };
    expect(asBotActivity({ ...body })).toEqual(body);
  });

  test('a time field that is not text is left as it is', () => {
    const activity = asBotActivity({ type: 'message', timestamp: 12 }) as unknown as Record<string, unknown>;
    expect(activity.timestamp).toBe(12);
    expect(activity).not.toHaveProperty('rawTimestamp');
  });
});
