import { z } from 'zod';

/**
 * The shape an incoming activity must have before it reaches the adapter. Loose where the Bot
 * Framework schema is loose (extra fields pass through), strict where our code relies on a field.
 */
const account = z.object({ id: z.string().min(1).max(512) }).passthrough();

export const MAX_TEXT_CHARS = 4000;

export const inboundActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(512).optional(),
    channelId: z.string().min(1).max(64).optional(),
    serviceUrl: z.string().max(2048).optional(),
    from: account.optional(),
    recipient: account.optional(),
    conversation: z.object({ id: z.string().min(1).max(512) }).passthrough().optional(),
    text: z.string().max(MAX_TEXT_CHARS).optional(),
    deliveryMode: z.string().max(64).optional(),
  })
  .passthrough();

/** A short, safe reason for a 400: names the field, never echoes its value. */
export function describeInvalidActivity(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue.path.join('.') || 'body';
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return `${field} is required`;
  if (issue.code === 'too_big') return `${field} is too long`;
  return `${field} is invalid`;
}
