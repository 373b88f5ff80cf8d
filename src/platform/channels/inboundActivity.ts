import type { Activity } from 'botbuilder';
import { z } from 'zod';

/**
 * The shape an incoming activity must have before it reaches the adapter. Loose where the Bot
 * Framework schema is loose (extra fields pass through), strict where our code relies on a field,
 * and every string the bot reads is checked for characters that have no business in a chat.
 */
export const MAX_TEXT_CHARS = 4000;
/** Deeper JSON than this is refused before parsing further: no real activity nests that deep. */
export const MAX_JSON_DEPTH = 32;

// C0 controls other than tab, line feed and carriage return; DEL; C1 controls; noncharacters U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's whole job
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;
// A UTF-16 surrogate without its partner: what broken encoders and some attacks produce.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `value` is text a person could have typed: at most `max` characters, no control characters, no broken unicode. */
export function isCleanText(value: string, max = MAX_TEXT_CHARS): boolean {
  return value.length <= max && !CONTROL.test(value) && !LONE_SURROGATE.test(value);
}

export function cleanString(max: number) {
  return z
    .string()
    .max(max)
    .refine((value) => !CONTROL.test(value), { message: 'has control characters' })
    .refine((value) => !LONE_SURROGATE.test(value), { message: 'has broken unicode' });
}

const id = cleanString(512).min(1);
const account = z.object({ id, name: cleanString(256).optional() }).passthrough();
const DELIVERY_MODES = ['normal', 'notification', 'expectReplies', 'ephemeral'] as const;

export const inboundActivitySchema = z
  .object({
    type: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z]+$/, { message: 'is not an activity type' }),
    id: cleanString(512).optional(),
    channelId: cleanString(64)
      .min(1)
      .regex(/^[A-Za-z0-9._-]+$/, { message: 'is not a channel id' })
      .optional(),
    serviceUrl: z
      .string()
      .max(2048)
      .regex(/^https?:\/\/\S+$/i, { message: 'is not an http(s) URL' })
      .optional(),
    from: account.optional(),
    recipient: account.optional(),
    conversation: z.object({ id }).passthrough().optional(),
    text: cleanString(MAX_TEXT_CHARS).optional(),
    textFormat: z.string().max(32).optional(),
    locale: cleanString(64).optional(),
    replyToId: cleanString(512).optional(),
    timestamp: z.string().max(64).optional(),
    localTimestamp: z.string().max(64).optional(),
    deliveryMode: z.enum(DELIVERY_MODES).optional(),
    membersAdded: z.array(account).max(50).optional(),
    membersRemoved: z.array(account).max(50).optional(),
    attachments: z
      .array(z.object({ contentType: z.string().max(256) }).passthrough())
      .max(10)
      .optional(),
    entities: z.array(z.object({}).passthrough()).max(50).optional(),
    channelData: z.object({}).passthrough().optional(),
  })
  .passthrough()
  .superRefine((activity, ctx) => {
    // The bot keys state by channel, person and conversation, and replies through serviceUrl.
    for (const field of ['channelId', 'serviceUrl', 'from', 'conversation'] as const) {
      if (activity[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'is required' });
    }
  });

const clean = (value: unknown, max: number, min = 0): boolean =>
  typeof value === 'string' && value.length >= min && isCleanText(value, max);
const plainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const cleanAccount = (value: unknown): boolean =>
  plainObject(value) && clean(value.id, 512, 1) && (value.name === undefined || clean(value.name, 256));
const optional = (value: unknown, check: (value: unknown) => boolean): boolean => value === undefined || check(value);
const shortString = (max: number) => (value: unknown) => typeof value === 'string' && value.length <= max;

/** The fields of an ordinary message, each with the same rule inboundActivitySchema applies to it. */
const PLAIN_FIELDS: Record<string, (value: unknown) => boolean> = {
  type: (v) => typeof v === 'string' && v.length >= 1 && v.length <= 64 && /^[A-Za-z]+$/.test(v),
  id: (v) => optional(v, (x) => clean(x, 512)),
  channelId: (v) => clean(v, 64, 1) && /^[A-Za-z0-9._-]+$/.test(v as string),
  serviceUrl: (v) => typeof v === 'string' && v.length <= 2048 && /^https?:\/\/\S+$/i.test(v),
  from: cleanAccount,
  recipient: (v) => optional(v, cleanAccount),
  conversation: (v) => plainObject(v) && clean(v.id, 512, 1),
  text: (v) => optional(v, (x) => clean(x, MAX_TEXT_CHARS)),
  textFormat: (v) => optional(v, shortString(32)),
  locale: (v) => optional(v, (x) => clean(x, 64)),
  replyToId: (v) => optional(v, (x) => clean(x, 512)),
  timestamp: (v) => optional(v, shortString(64)),
  localTimestamp: (v) => optional(v, shortString(64)),
  deliveryMode: (v) => optional(v, (x) => (DELIVERY_MODES as readonly unknown[]).includes(x)),
};
const REQUIRED_FIELDS = ['type', 'channelId', 'serviceUrl', 'from', 'conversation'];

/**
 * A quick yes for the common case: an ordinary message whose fields are all among PLAIN_FIELDS and pass
 * the schema's own rules. False means "ask inboundActivitySchema" (which also words the refusal), never
 * "invalid": anything else (members added, attachments, entities, channel data, unknown fields) takes the
 * schema. A table test holds the two together: whatever this accepts, the schema accepts.
 */
export function plainlyValidActivity(body: unknown): boolean {
  if (!plainObject(body)) return false;
  for (const field of REQUIRED_FIELDS) if (body[field] === undefined) return false;
  for (const field in body) {
    const check = Object.hasOwn(PLAIN_FIELDS, field) ? PLAIN_FIELDS[field] : undefined;
    if (!check?.(body[field])) return false;
  }
  return true;
}

/** A short, safe reason for a 400: names the field and the problem, never echoes its value. */
export function describeInvalidActivity(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue.path.join('.') || 'body';
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return `${field} is required`;
  if (issue.code === 'too_big') return `${field} is too long`;
  if (issue.code === 'custom' || (issue.code === 'invalid_format' && issue.message.startsWith('is ')))
    return `${field} ${issue.message}`;
  return `${field} is invalid`;
}

/** How deeply a parsed JSON value nests (iterative, so a hostile body cannot exhaust the stack). */
export function jsonDepth(value: unknown, stopAt = MAX_JSON_DEPTH + 1): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest >= stopAt) return deepest;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * The activity as botbuilder types it, from a body that passed inboundActivitySchema: its time fields
 * become Dates and their text is kept beside them (rawTimestamp, ...), as CloudAdapter.process does.
 */
export function asBotActivity(body: Record<string, unknown>): Activity {
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = body[field];
    if (typeof value !== 'string') continue;
    body[raw] = value;
    body[field] = new Date(value);
  }
  return body as unknown as Activity;
}
