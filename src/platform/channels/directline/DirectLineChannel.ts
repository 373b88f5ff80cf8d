import type { Activity, TurnContext } from 'botbuilder';
import { randomBytes } from 'node:crypto';
import { personIdOf } from '../identity';
import type { Clock } from '../../clock';
import type { DirectLineConfig } from '../../config';
import type { Logger } from '../../logger';
import { InProcessNotifier } from '../../storage/notifier';
import { DATA_DELETED_EVENT } from '../messages';
import { hashKey } from '../../storage/hashKey';
import type {
  ChangeNotifier,
  ChannelActivity,
  DirectLineRepository,
  RevocationRepository,
  StoredActivity,
} from '../../storage/repositories';
import { type CoachAdapter } from '../adapter';
import { describeError } from '../../logger';
import { describeInvalidActivity } from '../inboundActivity';
import { type BotActivity, botActivitySchema, clientActivitySchema, idempotencyKeyOf } from './activitySchema';
import type { OwnChannelEndpoint } from './botConnector';
import { RateLimiter } from './rateLimiter';
import type { TokenClaims } from './tokens';

export const CHANNEL_ID = 'directline';
/** Activities per GET /activities answer and per WebSocket frame; the rest follow on the next poll or frame. */
export const PAGE_SIZE = 100;

export type Outcome<T> = { ok: true; value: T } | Refusal;
export interface Refusal {
  ok: false;
  status: number;
  error: string;
  reason?: string;
  retryAfterSeconds?: number;
}

const refuse = (status: number, error: string, extra: Partial<Refusal> = {}): Refusal => ({
  ok: false,
  status,
  error,
  ...extra,
});

export interface ActivityGroup {
  activities: StoredActivity['activity'][];
  watermark: string;
}

export interface DirectLineChannelDeps {
  repo: DirectLineRepository;
  endpoint: OwnChannelEndpoint;
  adapter: CoachAdapter;
  logic: (context: TurnContext) => Promise<void>;
  clock: Clock;
  logger: Logger;
  limits: Pick<DirectLineConfig, 'maxActivityBytes' | 'messagesPerMinute' | 'newConversationsPerMinute'>;
  /** The bot's id on this channel: the app id when there is one. */
  botId: string;
  /**
   * How long a person's POST waits for the bot's turn before answering anyway. Like Azure, the answer
   * normally follows the turn (so replies are stored first); a slow turn must not make Web Chat
   * report a failed send (its timeout is 20 s) for a message that was stored.
   */
  turnAckMs?: number;
  /** Change notices shared by every instance on the same database (pushes fan out through it); in-process by default. */
  changes?: ChangeNotifier;
  /** Where revoked people are kept (hashed), and for how long: as long as the longest-lived token. */
  revocations: RevocationRepository;
  revokeForSeconds: number;
  /** Deletes everything about the person, this channel's history included (after "delete my data"). */
  erase(personId: string): Promise<void>;
  /**
   * After "delete my data", how long the conversation's history waits for the confirmation to be
   * delivered (pushed on a socket or read by a poll) before it is deleted anyway.
   */
  eraseGraceMs?: number;
}

/** A conversation whose person deleted their data: it takes nothing more, and goes once the confirmation is out. */
interface Closing {
  personId: string;
  /** The watermark of the data-deleted event; delivered once a socket or a poll got past it. */
  seq: number;
  timer: NodeJS.Timeout;
  erasing?: Promise<void>;
}

const TOPIC_PREFIX = 'directline:';

const DEFAULT_TURN_ACK_MS = 10_000;
const DEFAULT_ERASE_GRACE_MS = 10_000;
/** Once delivered on one socket, a moment for the person's other tabs to get it too. */
const ERASE_AFTER_DELIVERY_MS = 500;

/**
 * The self-hosted Direct Line 3.0 channel without its HTTP and WebSocket surface: starts
 * conversations, stores every activity with a watermark, hands the person's activities to the bot
 * in-process, accepts the bot's replies and proactive messages, and tells listeners when a
 * conversation has something new.
 */
export class DirectLineChannel {
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly perConversation: RateLimiter;
  private readonly perClient: RateLimiter;
  private turns = 0;
  private turnsDone: (() => void) | undefined;
  private draining = false;
  private readonly closing = new Map<string, Closing>();
  private readonly closedListeners = new Set<(conversationId: string) => void>();

  private readonly changes: ChangeNotifier;

  constructor(private readonly deps: DirectLineChannelDeps) {
    this.changes = deps.changes ?? new InProcessNotifier();
    // Activities stored here or by another instance wake the sockets open on this one.
    this.changes.subscribe((topic) => {
      if (topic.startsWith(TOPIC_PREFIX)) this.wake(topic.slice(TOPIC_PREFIX.length));
    });
    this.perConversation = new RateLimiter(deps.limits.messagesPerMinute, deps.clock);
    this.perClient = new RateLimiter(deps.limits.newConversationsPerMinute, deps.clock);
  }

  /** A new anonymous person and conversation, if this client has not asked for too many lately. */
  newIdentity(clientKey: string): Outcome<{ userId: string; conversationId: string }> {
    if (this.draining) return refuse(503, 'shutting_down');
    const decision = this.perClient.take(clientKey);
    if (!decision.allowed)
      return refuse(429, 'too_many_conversations', { retryAfterSeconds: decision.retryAfterSeconds });
    return {
      ok: true,
      value: { userId: `dl_${randomBytes(12).toString('base64url')}`, conversationId: newConversationId() },
    };
  }

  /** A new conversation id for someone who already has a user id (a resume key), within the same per-client limit. */
  newConversationFor(clientKey: string): Outcome<string> {
    if (this.draining) return refuse(503, 'shutting_down');
    const decision = this.perClient.take(clientKey);
    if (!decision.allowed)
      return refuse(429, 'too_many_conversations', { retryAfterSeconds: decision.retryAfterSeconds });
    return { ok: true, value: newConversationId() };
  }

  /** True when the person deleted their data: their tokens and resume keys are refused. */
  async isRevoked(userId: string): Promise<boolean> {
    return this.deps.revocations.isRevoked(revocationSubject(userId), this.deps.clock.now());
  }

  /** Calls `listener` with a conversation id once its history was erased (sockets on it close). */
  onErased(listener: (conversationId: string) => void): void {
    this.closedListeners.add(listener);
  }

  async conversationExists(conversationId: string): Promise<boolean> {
    return (await this.deps.repo.getConversation(conversationId)) !== undefined;
  }

  /**
   * Starts the conversation the token names. The first time, the bot gets a conversationUpdate with
   * the person in membersAdded (so its welcome is stored before this returns); later calls change nothing.
   */
  async start(claims: TokenClaims): Promise<Outcome<{ created: boolean }>> {
    if (this.draining) return refuse(503, 'shutting_down');
    const { repo, clock } = this.deps;
    if (this.closing.has(claims.conv)) return refuse(403, 'token_revoked');
    const existing = await repo.getConversation(claims.conv);
    if (existing) {
      return existing.userId === claims.user ? { ok: true, value: { created: false } } : refuse(403, 'wrong_user');
    }
    // A token that outlived its person's data must not bring their conversation back.
    if (await this.isRevoked(claims.user)) return refuse(403, 'token_revoked');
    const personId = personIdOf({ channelId: CHANNEL_ID, from: { id: claims.user, name: '' } });
    const created = await repo.createConversation({
      conversationId: claims.conv,
      userId: claims.user,
      personId,
      at: clock.now(),
    });
    if (created) {
      this.deps.logger.info({ conversationId: claims.conv }, 'direct line conversation started');
      await this.runTurn(claims, { type: 'conversationUpdate', membersAdded: [{ id: claims.user, role: 'user' }] });
    }
    return { ok: true, value: { created } };
  }

  /** A person's activity: checked, limited, stored (the echo clients see), then run through the bot. */
  async postFromUser(claims: TokenClaims, body: unknown): Promise<Outcome<{ id: string }>> {
    if (this.draining) return refuse(503, 'shutting_down');
    if (jsonBytes(body) > this.deps.limits.maxActivityBytes) return refuse(413, 'activity_too_large');
    const parsed = clientActivitySchema.safeParse(body);
    if (!parsed.success) return refuse(400, 'invalid_activity', { reason: describeInvalidActivity(parsed.error) });
    if (this.closing.has(claims.conv)) return refuse(403, 'token_revoked');
    const conversation = await this.deps.repo.getConversation(claims.conv);
    if (!conversation)
      return (await this.isRevoked(claims.user)) ? refuse(403, 'token_revoked') : refuse(404, 'conversation_not_found');
    if (conversation.userId !== claims.user) return refuse(403, 'wrong_user');
    const decision = this.perConversation.take(claims.conv);
    if (!decision.allowed) return refuse(429, 'rate_limited', { retryAfterSeconds: decision.retryAfterSeconds });
    // Typing is neither kept in the history nor useful to this bot.
    if (parsed.data.type === 'typing') return { ok: true, value: { id: '' } };

    const now = this.deps.clock.now();
    const echo: ChannelActivity = {
      ...parsed.data,
      channelId: CHANNEL_ID,
      timestamp: now.toISOString(),
      from: { id: claims.user, role: 'user' },
      recipient: { id: this.deps.botId, role: 'bot' },
      conversation: { id: claims.conv },
    };
    const { stored } = await this.deps.repo.appendActivity(claims.conv, { direction: 'user', activity: echo, at: now });
    this.notify(claims.conv);
    let timer: NodeJS.Timeout | undefined;
    const patience = new Promise<void>(
      (resolve) => (timer = setTimeout(resolve, this.deps.turnAckMs ?? DEFAULT_TURN_ACK_MS)),
    );
    await Promise.race([this.runTurn(claims, stored.activity), patience]);
    clearTimeout(timer);
    return { ok: true, value: { id: stored.activityId } };
  }

  /** An activity from the bot (a reply or a proactive message), posted to its serviceUrl. */
  async postFromBot(conversationId: string, body: unknown, replyToId?: string): Promise<Outcome<{ id: string }>> {
    const parsed = botActivitySchema.safeParse(body);
    if (!parsed.success) return refuse(400, 'invalid_activity', { reason: describeInvalidActivity(parsed.error) });
    const conversation = await this.deps.repo.getConversation(conversationId);
    if (!conversation) return refuse(404, 'conversation_not_found');
    if (parsed.data.type === 'typing') return { ok: true, value: { id: '' } };

    const now = this.deps.clock.now();
    const activity = this.stampBotActivity(conversationId, parsed.data, now, replyToId);
    const idempotencyKey = idempotencyKeyOf(parsed.data);
    const { stored, duplicate } = await this.deps.repo.appendActivity(conversationId, {
      direction: 'bot',
      activity,
      at: now,
      idempotencyKey,
    });
    if (duplicate) {
      this.deps.logger.info({ conversationId, activityId: stored.activityId }, 'duplicate bot activity dropped');
    } else {
      if (parsed.data.type === 'event' && (parsed.data as { name?: unknown }).name === DATA_DELETED_EVENT) {
        await this.close(conversationId, conversation.personId, conversation.userId, stored.seq);
      }
      this.notify(conversationId);
    }
    return { ok: true, value: { id: stored.activityId } };
  }

  /**
   * Tells the channel that a socket or a poll handed out the conversation's activities up to `watermark`.
   * A conversation waiting to be erased is erased once its data-deleted event went out.
   */
  delivered(conversationId: string, watermark: number): void {
    const closing = this.closing.get(conversationId);
    if (!closing || watermark < closing.seq || closing.erasing) return;
    clearTimeout(closing.timer);
    closing.timer = setTimeout(() => void this.erase(conversationId), ERASE_AFTER_DELIVERY_MS);
  }

  /**
   * Revokes the tokens and resume keys of every Direct Line user the person has. For an erase that a
   * crash cut short, finished at start-up: the person may not have got as far as close() below.
   */
  async revokePerson(personId: string): Promise<void> {
    const { conversations } = await this.deps.repo.exportFor(personId);
    const now = this.deps.clock.now();
    for (const userId of new Set(conversations.map((c) => c.userId))) {
      await this.deps.revocations.revoke(
        revocationSubject(userId),
        now,
        new Date(now.getTime() + this.deps.revokeForSeconds * 1000),
      );
    }
  }

  /**
   * The person deleted their data (the bot just sent the data-deleted event): their tokens and resume
   * keys are revoked now, the conversation takes no more messages, and its history goes once the event
   * was delivered (or after the grace period).
   */
  private async close(conversationId: string, personId: string, userId: string, seq: number): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.revocations.revoke(
      revocationSubject(userId),
      now,
      new Date(now.getTime() + this.deps.revokeForSeconds * 1000),
    );
    if (this.closing.has(conversationId)) return;
    const timer = setTimeout(() => void this.erase(conversationId), this.deps.eraseGraceMs ?? DEFAULT_ERASE_GRACE_MS);
    timer.unref();
    this.closing.set(conversationId, { personId, seq, timer });
  }

  private erase(conversationId: string): Promise<void> {
    const closing = this.closing.get(conversationId);
    if (!closing) return Promise.resolve();
    clearTimeout(closing.timer);
    closing.erasing ??= this.deps
      .erase(closing.personId)
      .then(() => {
        this.deps.logger.info('direct line conversation erased after its person deleted their data');
        for (const listener of this.closedListeners) listener(conversationId);
      })
      .catch((error) =>
        this.deps.logger.error({ error: describeError(error) }, 'direct line conversation could not be erased'),
      )
      .finally(() => this.closing.delete(conversationId));
    return closing.erasing;
  }

  /** Erases every conversation still waiting for its confirmation to go out (at shutdown, and for tests). */
  async eraseClosing(): Promise<void> {
    await Promise.all([...this.closing.keys()].map((conversationId) => this.erase(conversationId)));
  }

  async activitiesAfter(conversationId: string, watermark: number): Promise<ActivityGroup> {
    const stored = await this.deps.repo.activitiesAfter(conversationId, watermark, PAGE_SIZE);
    const last = stored.length > 0 ? stored[stored.length - 1].seq : watermark;
    return { activities: stored.map((s) => s.activity), watermark: String(last) };
  }

  /** Calls `listener` whenever an activity is stored in the conversation; returns the unsubscribe. */
  subscribe(conversationId: string, listener: () => void): () => void {
    let set = this.listeners.get(conversationId);
    if (!set) this.listeners.set(conversationId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(conversationId) === set) this.listeners.delete(conversationId);
    };
  }

  /** Refuses new work, then waits up to graceMs for turns in flight (their replies still arrive). */
  async drain(graceMs: number): Promise<void> {
    this.draining = true;
    if (this.turns > 0) {
      await Promise.race([
        new Promise<void>((resolve) => (this.turnsDone = resolve)),
        new Promise((r) => setTimeout(r, graceMs).unref()),
      ]);
    }
    // Deletions waiting for delivery are done now rather than left to a restart that knows nothing of them.
    await this.eraseClosing();
  }

  private stampBotActivity(conversationId: string, bot: BotActivity, now: Date, replyToId?: string): ChannelActivity {
    const { id: _id, serviceUrl: _serviceUrl, ...rest } = bot as BotActivity & { id?: unknown; serviceUrl?: unknown };
    return {
      ...rest,
      type: bot.type,
      channelId: CHANNEL_ID,
      timestamp: now.toISOString(),
      conversation: { id: conversationId },
      from: rest.from ?? { id: this.deps.botId, role: 'bot' },
      ...(replyToId && !rest.replyToId ? { replyToId } : {}),
    };
  }

  private notify(conversationId: string): void {
    this.changes.publish(`${TOPIC_PREFIX}${conversationId}`);
  }

  private wake(conversationId: string): void {
    for (const listener of this.listeners.get(conversationId) ?? []) listener();
  }

  private async runTurn(claims: TokenClaims, activity: ChannelActivity): Promise<void> {
    const { adapter, logic, endpoint, logger } = this.deps;
    const inbound = {
      ...activity,
      channelId: CHANNEL_ID,
      serviceUrl: endpoint.serviceUrl,
      from: { id: claims.user, role: 'user' },
      recipient: { id: this.deps.botId, role: 'bot' },
      conversation: { id: claims.conv },
      timestamp: activity.timestamp ?? this.deps.clock.now().toISOString(),
    } as unknown as Activity;
    this.turns++;
    try {
      await adapter.processFromOwnChannel(inbound, logic);
    } catch (error) {
      logger.error({ conversationId: claims.conv, error: describeError(error) }, 'direct line turn failed');
    } finally {
      this.turns--;
      if (this.turns === 0) this.turnsDone?.();
    }
  }
}

/** What a revocation is stored under: a hash of the user id (ids are random, so it cannot be reversed). */
function revocationSubject(userId: string): string {
  return hashKey(`directline-user:${userId}`);
}

function newConversationId(): string {
  return randomBytes(18).toString('base64url');
}

function jsonBytes(body: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(body) ?? '');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
