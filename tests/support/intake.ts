import type { Activity } from 'botbuilder';
import { messageActivity, postActivity, type TestApp } from './app';

/** A conversation with the real app over HTTP that keeps every reply activity (cards and files too). */
export function conversation(t: TestApp, id: string, options: { userId?: string; channelId?: string } = {}) {
  const all: Partial<Activity>[] = [];
  const send = async (text: string): Promise<Partial<Activity>[]> => {
    const { status, replies } = await postActivity(t.baseUrl, messageActivity(text, { conversationId: id, userId: options.userId ?? `${id}-person`, channelId: options.channelId }));
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

export const cardsIn = (replies: Partial<Activity>[]) => replies.flatMap((r) => r.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
export const filesIn = (replies: Partial<Activity>[]) => replies.flatMap((r) => r.attachments ?? []).filter((a) => a.contentType === 'text/plain');
export const buttonsOf = (reply: Partial<Activity> | undefined) => (reply?.suggestedActions?.actions ?? []).map((a) => a.title);
