import type { Activity } from 'botbuilder';
import { grantConsent, messageActivity, postActivity, type TestApp } from './app';

/**
 * A conversation with the real app over HTTP that keeps every reply activity (cards and files too).
 * The person has already agreed to saving answers (the consent gate has its own tests) unless consent is false.
 */
export function conversation(
  t: TestApp,
  id: string,
  options: { userId?: string; channelId?: string; consent?: boolean } = {},
) {
  const all: Partial<Activity>[] = [];
  const userId = options.userId ?? `${id}-person`;
  let consentRecorded = options.consent === false;
  const send = async (text: string): Promise<Partial<Activity>[]> => {
    if (!consentRecorded) {
      await grantConsent(t, `${options.channelId ?? 'test'}:${userId}`);
      consentRecorded = true;
    }
    const { status, replies } = await postActivity(
      t.baseUrl,
      messageActivity(text, { conversationId: id, userId, channelId: options.channelId }),
    );
    if (status !== 200) throw new Error(`POST /api/messages answered ${status}`);
    all.push(...replies);
    return replies;
  };
  return {
    send,
    /** Sends and returns only the reply texts. */
    say: async (text: string) => (await send(text)).map((r) => r.text ?? ''),
    all,
  };
}

export const cardsIn = (replies: Partial<Activity>[]) =>
  replies
    .flatMap((r) => r.attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
export const filesIn = (replies: Partial<Activity>[]) =>
  replies.flatMap((r) => r.attachments ?? []).filter((a) => a.contentType === 'text/plain');
export const buttonsOf = (reply: Partial<Activity> | undefined) =>
  (reply?.suggestedActions?.actions ?? []).map((a) => a.title);
