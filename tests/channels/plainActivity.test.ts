import fc from 'fast-check';
import { inboundActivitySchema, plainlyValidActivity } from '../../src/platform/channels/inboundActivity';

const message = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'message',
  id: 'a1',
  text: 'hi',
  channelId: 'webchat',
  serviceUrl: 'http://127.0.0.1:9/',
  from: { id: 'person', name: 'Sam' },
  recipient: { id: 'bot' },
  conversation: { id: 'c1' },
  locale: 'en-US',
  timestamp: '2026-12-05T12:00:00Z',
  deliveryMode: 'expectReplies',
  ...extra,
});

describe('plainlyValidActivity (the quick check before inboundActivitySchema)', () => {
  it('accepts an ordinary message', () => {
    expect(plainlyValidActivity(message())).toBe(true);
  });

  it.each([
    ['a control character in the text', { text: 'hi\u0007' }],
    ['a lone surrogate in the text', { text: 'hi \uD800' }],
    ['text over the limit', { text: 'x'.repeat(4001) }],
    ['no serviceUrl', { serviceUrl: undefined }],
    ['a serviceUrl that is not http(s)', { serviceUrl: 'ftp://x/' }],
    ['an empty conversation id', { conversation: { id: '' } }],
    ['from as an array', { from: [] }],
    ['a channel id with a space', { channelId: 'web chat' }],
    ['an unknown delivery mode', { deliveryMode: 'later' }],
    ['an activity type with digits', { type: 'message1' }],
    ['attachments (left to the schema)', { attachments: [{ contentType: 'image/png' }] }],
    ['channel data (left to the schema)', { channelData: {} }],
    ['an unknown field (left to the schema)', { extra: 1 }],
  ])('leaves %s to the schema', (_name, extra) => {
    expect(plainlyValidActivity(message(extra))).toBe(false);
  });

  it('never accepts what the schema refuses', () => {
    let accepted = 0;
    const noise = fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.constantFrom('', 'x'.repeat(4001), 'a\u0000b', '\uDC00', 'http:// x', 'a b', 'ftp://x/'),
      fc.constant(undefined),
      fc.integer(),
      fc.constant(null),
      fc.constant([]),
    );
    // Mostly good values with some noise, so that many bodies pass the quick check and many do not.
    const mostly = (good: fc.Arbitrary<unknown>) =>
      fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: noise, weight: 1 });
    const account = mostly(
      fc.record({ id: mostly(fc.constant('p1')), name: mostly(fc.constant('Sam')) }, { requiredKeys: ['id'] }),
    );
    const plain = mostly(fc.string({ maxLength: 20 }));
    const fields = {
      type: mostly(fc.constantFrom('message', 'typing')),
      id: plain,
      text: plain,
      channelId: mostly(fc.constantFrom('bench', 'web.chat-1')),
      serviceUrl: mostly(fc.constantFrom('https://x.example/', 'HTTP://127.0.0.1:9/')),
      from: account,
      recipient: account,
      conversation: account,
      locale: plain,
      textFormat: plain,
      replyToId: plain,
      timestamp: plain,
      localTimestamp: plain,
      deliveryMode: mostly(fc.constantFrom('normal', 'expectReplies')),
    };
    fc.assert(
      fc.property(
        fc.record(fields, { requiredKeys: ['type', 'channelId', 'serviceUrl', 'from', 'conversation'] }),
        (body) => {
          if (!plainlyValidActivity(body)) return;
          accepted++;
          expect(inboundActivitySchema.safeParse(body).success).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(0); // the property was tested on bodies the quick check took
  });
});
