import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { KeyedLock } from '../../util/KeyedLock';
import type { Clock } from '../../clock';
import type { Content } from '../../content/Content';
import type { Logger } from '../../logger';
import { type CoachAdapter } from '../adapter';
import { describeError } from '../../logger';
import type { ConversationReferenceStore } from '../conversationReferences';
import { inboundActivitySchema } from '../inboundActivity';
import type { OutboundMessage } from '../messages';
import type { MessageRenderer } from '../render';
import { SLACK_CHOICES_BLOCK, type SlackBlock, type SlackMessage, slackMessageOf, toMrkdwn } from '../renderers/slack';
import type { SlackDeduplicator } from './dedup';
import type { SlackSender } from './webApi';

export const SLACK_CHANNEL = 'slack';
/** Remembered per process: which bot message in each DM holds the live buttons (bounded; cleared whole when full). */
const LIVE_MESSAGES_MAX = 10_000;

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
    team: z
      .object({ id: z.string().min(1).max(64) })
      .passthrough()
      .nullish(),
    channel: z
      .object({ id: z.string().min(1).max(64) })
      .passthrough()
      .optional(),
    api_app_id: z.string().max(64).optional(),
    actions: z
      .array(
        z
          .object({
            block_id: z.string().max(255).optional(),
            action_ts: z.string().max(64).optional(),
            value: z.string().max(2000).optional(),
          })
          .passthrough(),
      )
      .min(1)
      .max(25),
    container: z
      .object({ channel_id: z.string().max(64).optional(), message_ts: z.string().max(64).optional() })
      .passthrough()
      .optional(),
    message: z
      .object({
        ts: z.string().max(64).optional(),
        text: z.string().optional(),
        blocks: z
          .array(z.object({ type: z.string() }).passthrough())
          .max(100)
          .optional(),
      })
      .passthrough()
      .optional(),
  })
  .passthrough();

export type SlackAnswer = { status: number; body?: Record<string, unknown> };

/** Slack escapes these three in message text; the bot reads the characters the person typed. */
function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Where a direct Slack conversation lives: `team:channel` (Azure's Slack channel uses `bot:team:channel`). */
export function slackChannelOf(reference: Partial<ConversationReference> | undefined): string | undefined {
  return reference?.channelId === SLACK_CHANNEL ? reference.conversation?.id.split(':').pop() || undefined : undefined;
}

/**
 * The direct Slack route's logic (no Azure): Events API messages and Block Kit button clicks (over HTTP
 * or Socket Mode) become activities with channelId 'slack' that run through the same bot, dialogs and
 * storage; the replies are rendered for Slack and posted with chat.postMessage. Slack is answered at
 * once and the turn runs after, because Slack wants its acknowledgement within three seconds.
 * No turn here, proactive or not, asks for a Bot Framework token: turns run locally (expectReplies).
 */
export class SlackChannel {
  private readonly pending = new Set<Promise<void>>();
  /** Replies to one Slack conversation go out in the order its messages came in. */
  private readonly order = new KeyedLock();
  /** Per DM channel: the ts of the bot's latest message, and whether it has choice buttons. */
  private readonly latest = new Map<string, { ts?: string; choices: boolean }>();

  constructor(
    private readonly deps: {
      adapter: CoachAdapter;
      logic: (context: TurnContext) => Promise<void>;
      sender: SlackSender;
      /** For check-ins: no retries inside a send (the dispatcher retries durably). Defaults to sender. */
      proactiveSender?: SlackSender;
      dedup: SlackDeduplicator;
      renderer: MessageRenderer;
      content: Content;
      /** Where the conversation reference of each message was saved (by the channel logic), for proactive sends. */
      references: ConversationReferenceStore;
      clock: Clock;
      logger: Logger;
      serviceUrl: string;
    },
  ) {}

  /** The serviceUrl stamped on this route's activities, so a stored reference says it belongs here. */
  get serviceUrl(): string {
    return this.deps.serviceUrl;
  }

  /** True for a conversation reference of this route (not Azure's Slack channel): proactive sends go through chat.postMessage. */
  owns(reference: Partial<ConversationReference> | undefined): boolean {
    return (
      reference?.channelId === SLACK_CHANNEL &&
      reference.serviceUrl === this.deps.serviceUrl &&
      slackChannelOf(reference) !== undefined
    );
  }

  /** An Events API envelope (its HTTP signature already checked, or from the Socket Mode connection). */
  async acceptEvent(body: unknown, retryNum: string | number | undefined): Promise<SlackAnswer> {
    const parsed = eventEnvelope.safeParse(body);
    if (!parsed.success) return { status: 400, body: { error: 'invalid_event' } };
    const envelope = parsed.data;
    if (envelope.type === 'url_verification') return { status: 200, body: { challenge: envelope.challenge } };
    if (
      !(await this.deps.dedup.markSeen(`slack:event:${envelope.team_id}:${envelope.event_id}`, this.deps.clock.now()))
    ) {
      this.deps.logger.info(
        { channelId: SLACK_CHANNEL, eventId: envelope.event_id, retryNum },
        'slack event already handled',
      );
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
      if (data.type === 'app_mention')
        this.later(() => this.post(data.channel, { text: this.deps.content.text('channels.directOnly') }));
      return { status: 200 };
    }
    const text = unescapeSlack(data.text ?? '');
    this.later(() => this.runTurn(person, text, data.client_msg_id ?? envelope.event_id));
    return { status: 200 };
  }

  /** An Interactivity payload (a Block Kit button click), from HTTP (signature checked) or Socket Mode. */
  async acceptInteraction(payload: unknown): Promise<SlackAnswer> {
    const parsed = blockActions.safeParse(payload);
    if (!parsed.success) return { status: 200 }; // other interaction kinds are not used by the coach
    const click = parsed.data;
    const action = click.actions[0];
    const channel = click.channel?.id ?? click.container?.channel_id;
    const team = click.user.team_id ?? click.team?.id;
    // Link buttons on resource cards also report clicks; only choice buttons answer a prompt.
    if (action.block_id !== SLACK_CHOICES_BLOCK || action.value === undefined || !channel || !team)
      return { status: 200 };
    const now = this.deps.clock.now();
    // The same click delivered twice (a retry, a replay) is dropped without a word.
    if (!(await this.deps.dedup.markSeen(`slack:click:${team}:${click.user.id}:${action.action_ts ?? ''}`, now)))
      return { status: 200 };
    const messageTs = click.container?.message_ts ?? click.message?.ts;
    const who = { user: click.user.id, team, channel };
    // A question is answered once: a second click on its message, or a click on a message the conversation
    // has moved past, is answered politely and changes nothing.
    const live = this.latest.get(channel);
    const moved = live?.ts !== undefined && (live.ts !== messageTs || !live.choices);
    const stale =
      messageTs !== undefined &&
      (moved || !(await this.deps.dedup.markSeen(`slack:answered:${team}:${channel}:${messageTs}`, now)));
    if (stale) {
      this.later(() =>
        this.order.run(`${team}:${channel}`, () =>
          this.post(channel, { text: this.deps.content.text('channels.alreadyAnswered') }),
        ),
      );
      return { status: 200 };
    }
    if (live) this.latest.set(channel, { ts: live.ts, choices: false });
    this.later(async () => {
      if (messageTs) await this.showAnswered(channel, messageTs, click.message, action.value!);
      await this.runTurn(who, action.value!, `${channel}-${action.action_ts ?? Date.now()}`);
    });
    return { status: 200 };
  }

  /** A proactive message (rendered here) to someone who has talked to the coach on Slack. */
  async sendTo(personId: string, message: OutboundMessage): Promise<boolean> {
    const reference = await this.deps.references.get(personId);
    // Only this route's conversations: one reached through Azure's Slack channel is Bot Framework's to send to.
    const channel = this.owns(reference) ? slackChannelOf(reference) : undefined;
    if (!channel) return false;
    await this.post(channel, message);
    return true;
  }

  /**
   * A proactive turn (a check-in, its follow-up) for a reference of this route: runs `logic` locally in the
   * person's conversation and posts what it says with chat.postMessage. Throws Slack's error when a post fails.
   */
  async deliverProactive(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const channel = slackChannelOf(reference);
    if (!channel || !reference.conversation) throw new Error('not a direct Slack conversation');
    const activity = {
      type: 'event',
      name: 'ContinueConversation',
      id: randomUUID(),
      channelId: SLACK_CHANNEL,
      serviceUrl: this.deps.serviceUrl,
      timestamp: this.deps.clock.now().toISOString(),
      from: reference.user,
      recipient: reference.bot,
      conversation: reference.conversation,
    } as unknown as Activity;
    const sender = this.deps.proactiveSender ?? this.deps.sender;
    await this.order.run(reference.conversation.id, async () => {
      const replies = await this.deps.adapter.processLocally(activity, logic);
      for (const reply of replies)
        if (reply.type === 'message') await this.postTurnReply(channel, slackMessageOf(reply), sender);
    });
  }

  /** Waits up to graceMs for turns still running. */
  async drain(graceMs: number): Promise<void> {
    if (this.pending.size === 0) return;
    await Promise.race([
      Promise.allSettled([...this.pending]),
      new Promise((resolve) => setTimeout(resolve, graceMs).unref()),
    ]);
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
      this.deps.logger.warn(
        { channelId: SLACK_CHANNEL, field: checked.error.issues[0]?.path.join('.') },
        'slack message refused',
      );
      await this.post(who.channel, { text: this.deps.content.text('channels.unreadable') });
      return;
    }
    const activity = checked.data as unknown as Activity;
    await this.order.run(activity.conversation.id, async () => {
      const replies = await this.deps.adapter.processLocally(activity, this.deps.logic);
      for (const reply of replies) {
        if (reply.type !== 'message') continue;
        await this.postTurnReply(who.channel, slackMessageOf(reply), this.deps.sender);
      }
    });
  }

  /** The clicked message, updated: its choice buttons replaced by one line saying what was picked. */
  private async showAnswered(
    channel: string,
    ts: string,
    original: { text?: string; blocks?: Array<Record<string, unknown>> } | undefined,
    choice: string,
  ): Promise<void> {
    const answered: SlackBlock = {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: toMrkdwn(this.deps.content.text('channels.answered', { choice })) }],
    };
    const kept = (original?.blocks ?? []).filter((block) => block.block_id !== SLACK_CHOICES_BLOCK) as SlackBlock[];
    const text = original?.text ?? '';
    const blocks =
      kept.length > 0 ? kept : text ? [{ type: 'section', text: { type: 'mrkdwn', text: toMrkdwn(text) } }] : [];
    try {
      await this.deps.sender.update(channel, ts, { text, blocks: [...blocks, answered] });
    } catch (error) {
      // The answer still counts; only the old message keeps its look.
      this.deps.logger.warn({ channelId: SLACK_CHANNEL, error: describeError(error) }, 'slack message update failed');
    }
  }

  /** A note outside the conversation's turns (direct-only, unreadable, already answered): the live buttons stay live. */
  private async post(channel: string, message: OutboundMessage): Promise<void> {
    await this.deps.sender.postMessage(channel, slackMessageOf(this.deps.renderer.render(message, SLACK_CHANNEL)));
  }

  /** A reply of a turn: it becomes the latest message, so only its buttons (if any) answer the question now open. */
  private async postTurnReply(channel: string, message: SlackMessage, sender: SlackSender): Promise<void> {
    const { ts } = await sender.postMessage(channel, message);
    if (this.latest.size >= LIVE_MESSAGES_MAX) this.latest.clear();
    this.latest.set(channel, { ts, choices: message.blocks.some((block) => block.block_id === SLACK_CHOICES_BLOCK) });
  }

  private later(task: () => Promise<void>): void {
    const running = task()
      .catch((error) =>
        this.deps.logger.error({ channelId: SLACK_CHANNEL, error: describeError(error) }, 'slack turn failed'),
      )
      .finally(() => this.pending.delete(running));
    this.pending.add(running);
  }
}
