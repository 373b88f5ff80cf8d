import type { Activity, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { KeyedLock } from '../../bot/KeyedLock';
import type { Clock } from '../../clock';
import type { Content } from '../../content/Content';
import type { Logger } from '../../logger';
import type { SeenEventRepository } from '../../storage/repositories';
import { describeError, type CoachAdapter } from '../adapter';
import type { ConversationReferenceStore } from '../conversationReferences';
import { inboundActivitySchema } from '../inboundActivity';
import type { OutboundMessage } from '../messages';
import type { MessageRenderer } from '../render';
import { withDeadline } from '../outboundTimeout';
import { SLACK_CHOICES_BLOCK, type SlackMessage, slackMessageOf } from '../renderers/slack';
import type { SlackSender } from './webApi';

export const SLACK_CHANNEL = 'slack';
const DEFAULT_SEND_DEADLINE_MS = 60_000;

const eventEnvelope = z.discriminatedUnion('type', [
  z.object({ type: z.literal('url_verification'), challenge: z.string().max(500) }),
  z
    .object({
      type: z.literal('event_callback'),
      event_id: z.string().min(1).max(200),
      team_id: z.string().min(1).max(64),
      api_app_id: z.string().max(64).optional(),
      event: z.object({ type: z.string().max(64) }).passthrough(),
    })
    .passthrough(),
]);

const messageEvent = z
  .object({
    type: z.enum(['message', 'app_mention']),
    channel: z.string().min(1).max(64),
    user: z.string().min(1).max(64).optional(),
    text: z.string().optional(),
    ts: z.string().max(64).optional(),
    channel_type: z.string().max(32).optional(),
    client_msg_id: z.string().max(128).optional(),
    bot_id: z.string().optional(),
    subtype: z.string().optional(),
  })
  .passthrough();

const blockActions = z
  .object({
    type: z.literal('block_actions'),
    user: z.object({ id: z.string().min(1).max(64), team_id: z.string().max(64).optional() }).passthrough(),
    team: z.object({ id: z.string().min(1).max(64) }).passthrough().nullish(),
    channel: z.object({ id: z.string().min(1).max(64) }).passthrough().optional(),
    container: z.object({ channel_id: z.string().max(64).optional() }).passthrough().optional(),
    api_app_id: z.string().max(64).optional(),
    actions: z.array(z.object({ block_id: z.string().max(255).optional(), action_ts: z.string().max(64).optional(), value: z.string().max(2000).optional() }).passthrough()).min(1).max(25),
  })
  .passthrough();

export type SlackAnswer = { status: number; body?: Record<string, unknown> };

/** Slack escapes these three in message text; the bot reads the characters the person typed. */
function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * The direct Slack route's logic (no Azure): Events API messages and Block Kit button clicks become
 * activities with channelId 'slack' that run through the same bot, dialogs and storage; the replies
 * are rendered for Slack and posted with chat.postMessage. Slack is answered at once and the turn runs
 * after, because Slack wants its acknowledgement within three seconds.
 */
export class SlackChannel {
  private readonly pending = new Set<Promise<void>>();
  /** Replies to one Slack conversation go out in the order its messages came in. */
  private readonly order = new KeyedLock();

  constructor(
    private readonly deps: {
      adapter: CoachAdapter;
      logic: (context: TurnContext) => Promise<void>;
      sender: SlackSender;
      renderer: MessageRenderer;
      content: Content;
      /** Where the conversation reference of each message was saved (by the channel logic), for proactive sends. */
      references: ConversationReferenceStore;
      clock: Clock;
      logger: Logger;
      serviceUrl: string;
      /** Events and clicks already handled, shared by instances (an hour). */
      seenEvents: SeenEventRepository;
      /** The longest one post to Slack may keep the conversation waiting (its retries included). */
      sendDeadlineMs?: number;
    },
  ) {}

  /** An Events API request whose signature was already checked. */
  async acceptEvent(body: unknown, retryNum: string | undefined): Promise<SlackAnswer> {
    const parsed = eventEnvelope.safeParse(body);
    if (!parsed.success) return { status: 400, body: { error: 'invalid_event' } };
    const envelope = parsed.data;
    if (envelope.type === 'url_verification') return { status: 200, body: { challenge: envelope.challenge } };
    if (await this.alreadySeen(`event:${envelope.team_id}:${envelope.event_id}`)) {
      this.deps.logger.info({ channelId: SLACK_CHANNEL, eventId: envelope.event_id, retryNum }, 'slack event already handled');
      return { status: 200 };
    }
    const event = messageEvent.safeParse(envelope.event);
    if (!event.success) return { status: 200 };
    const { data } = event;
    // Bots (this one included) and edits, deletions and joins are not a person talking.
    if (data.bot_id || data.subtype || !data.user) return { status: 200 };
    const person = { user: data.user, team: envelope.team_id, channel: data.channel };
    if (data.type === 'app_mention' || data.channel_type !== 'im') {
      // Coaching is private: in a channel or group the coach only asks to be messaged directly.
      if (data.type === 'app_mention') this.later(() => this.post(data.channel, { text: this.deps.content.text('channels.directOnly') }));
      return { status: 200 };
    }
    const text = unescapeSlack(data.text ?? '');
    this.later(() => this.runTurn(person, text, data.client_msg_id ?? envelope.event_id));
    return { status: 200 };
  }

  /** An Interactivity request (a Block Kit button click) whose signature was already checked. */
  async acceptInteraction(payload: unknown): Promise<SlackAnswer> {
    const parsed = blockActions.safeParse(payload);
    if (!parsed.success) return { status: 200 }; // other interaction kinds are not used by the coach
    const click = parsed.data;
    const action = click.actions[0];
    const channel = click.channel?.id ?? click.container?.channel_id;
    const team = click.user.team_id ?? click.team?.id;
    // Link buttons on resource cards also report clicks; only choice buttons answer a prompt.
    if (action.block_id !== SLACK_CHOICES_BLOCK || action.value === undefined || !channel || !team) return { status: 200 };
    if (await this.alreadySeen(`click:${team}:${click.user.id}:${action.action_ts ?? ''}`)) return { status: 200 };
    this.later(() => this.runTurn({ user: click.user.id, team, channel }, action.value!, `${channel}-${action.action_ts ?? Date.now()}`));
    return { status: 200 };
  }

  /** A proactive message (a check-in) to someone who has talked to the coach on Slack. */
  async sendTo(personId: string, message: OutboundMessage): Promise<boolean> {
    const reference = await this.deps.references.get(personId);
    // The DM channel is the last part of the conversation id: `team:channel` here, `bot:team:channel` from Azure.
    const channel = reference?.channelId === SLACK_CHANNEL ? reference.conversation?.id.split(':').pop() : undefined;
    if (!channel) return false;
    await this.post(channel, message);
    return true;
  }

  /** Waits up to graceMs for turns still running. */
  async drain(graceMs: number): Promise<void> {
    if (this.pending.size === 0) return;
    await Promise.race([Promise.allSettled([...this.pending]), new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
  }

  /** Resolves when every accepted request so far has been fully handled (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private async runTurn(who: { user: string; team: string; channel: string }, text: string, id: string): Promise<void> {
    const candidate = {
      type: 'message',
      id,
      channelId: SLACK_CHANNEL,
      serviceUrl: this.deps.serviceUrl,
      timestamp: this.deps.clock.now().toISOString(),
      // The same id shapes Azure's Slack channel uses, so a person is one person on both routes.
      from: { id: `${who.user}:${who.team}` },
      recipient: { id: `steady:${who.team}` },
      conversation: { id: `${who.team}:${who.channel}`, conversationType: 'personal' },
      text,
    };
    const checked = inboundActivitySchema.safeParse(candidate);
    if (!checked.success) {
      this.deps.logger.warn({ channelId: SLACK_CHANNEL, field: checked.error.issues[0]?.path.join('.') }, 'slack message refused');
      await this.post(who.channel, { text: this.deps.content.text('channels.unreadable') });
      return;
    }
    const activity = checked.data as unknown as Activity;
    await this.order.run(activity.conversation.id, async () => {
      const replies = await this.deps.adapter.processLocally(activity, this.deps.logic);
      for (const reply of replies) {
        if (reply.type !== 'message') continue;
        await this.send(who.channel, slackMessageOf(reply));
      }
    });
  }

  private async post(channel: string, message: OutboundMessage): Promise<void> {
    await this.send(channel, slackMessageOf(this.deps.renderer.render(message, SLACK_CHANNEL)));
  }

  private send(channel: string, message: SlackMessage): Promise<void> {
    return withDeadline(this.deps.sender.postMessage(channel, message), this.deps.sendDeadlineMs ?? DEFAULT_SEND_DEADLINE_MS, 'a Slack post');
  }

  private later(task: () => Promise<void>): void {
    const running = task()
      .catch((error) => this.deps.logger.error({ channelId: SLACK_CHANNEL, error: describeError(error) }, 'slack turn failed'))
      .finally(() => this.pending.delete(running));
    this.pending.add(running);
  }

  /**
   * True for an event or click handled within the hour: a retry, or a captured request replayed. Kept in
   * the database, so every instance and a restarted one know it too.
   */
  private async alreadySeen(key: string): Promise<boolean> {
    return !(await this.deps.seenEvents.markSeen(`slack:${key}`, this.deps.clock.now()));
  }
}
