import { z } from 'zod';
import { cleanString, MAX_TEXT_CHARS } from '../inboundActivity';

const record = z.record(z.string(), z.unknown());

/**
 * What a Direct Line client may set on an activity it posts. Everything else (id, from, recipient,
 * conversation, channelId, serviceUrl, timestamp, deliveryMode ...) is dropped and set by the channel,
 * so a page can never speak as someone else or change how the bot answers.
 */
export const clientActivitySchema = z.object({
  type: z.string().pipe(z.enum(['message', 'event', 'typing'])),
  // The same checks as /api/messages: no control characters, no lone surrogates.
  text: cleanString(MAX_TEXT_CHARS).optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: cleanString(64).optional(),
  localTimestamp: cleanString(64).optional(),
  localTimezone: cleanString(128).optional(),
  name: cleanString(256).optional(),
  value: z.unknown().optional(),
  channelData: record.optional(),
  attachments: z.array(record).max(10).optional(),
  entities: z.array(record).max(20).optional(),
});

export type ClientActivity = z.infer<typeof clientActivitySchema>;

/** What the bot posts to /v3/conversations/{id}/activities: any Bot Framework activity with a type. */
export const botActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    channelData: z.unknown().optional(),
  })
  .passthrough();

export type BotActivity = z.infer<typeof botActivitySchema>;

const idempotencyKeySchema = z.object({ idempotencyKey: z.string().min(1).max(256) });

/** `channelData.idempotencyKey` of a bot activity, when it is a usable string. */
export function idempotencyKeyOf(activity: BotActivity): string | undefined {
  const parsed = idempotencyKeySchema.safeParse(activity.channelData);
  return parsed.success ? parsed.data.idempotencyKey : undefined;
}
