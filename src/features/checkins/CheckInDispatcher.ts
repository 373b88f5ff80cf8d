import type { Logger } from '../../platform/logger';
import type {
  DataStore,
  DueCheckIn,
  DueUpdate,
  Enrollment,
  NewDueCheckIn,
  SendAttempt,
} from '../../platform/storage/repositories';
import { type CheckInPlanner, quietHoursOf } from './CheckInPlanner';
import { Pacer } from './pacer';
import type { CheckInSender, SendOutcome } from './sender';
import { outsideQuietHours } from '../../platform/util/zonedTime';

export interface DispatchSettings {
  /** Rows claimed per transaction. */
  batchSize: number;
  /** How long a claim is held; after a crash its rows go out when it runs out (a send that was cut off, once more). */
  leaseMs: number;
  /** Sends in flight at once. */
  concurrency: number;
  /**
   * A send that has not answered after this long (at most half the lease) counts as a transient failure and
   * is retried later, so one hung connection cannot hold up the run, or every run after it.
   */
  sendTimeoutMs: number;
  /** Pace of sends across the run; 0 = as fast as the channel answers. */
  sendsPerSecond: number;
  /** Attempts (transient errors and 429s) before a prompt is given up and next week's is queued. */
  maxAttempts: number;
  /** First retry delay after a transient error; doubles each attempt. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** A 429 without Retry-After waits this long. */
  defaultRetryAfterMs: number;
  /** A prompt found later than this (the server was down) is skipped for next week's. */
  maxLatenessMs: number;
}

export const DEFAULT_DISPATCH_SETTINGS: DispatchSettings = {
  batchSize: 500,
  leaseMs: 5 * 60_000,
  concurrency: 16,
  sendTimeoutMs: 30_000,
  sendsPerSecond: 0,
  maxAttempts: 6,
  retryBaseMs: 30_000,
  retryMaxMs: 60 * 60_000,
  defaultRetryAfterMs: 60_000,
  maxLatenessMs: 48 * 3_600_000,
};

export interface DispatchReport {
  claimed: number;
  sent: number;
  retried: number;
  rateLimited: number;
  paused: number;
  failed: number;
  cancelled: number;
  deferred: number;
  abandoned: number;
}

const emptyReport = (): DispatchReport => ({
  claimed: 0,
  sent: 0,
  retried: 0,
  rateLimited: 0,
  paused: 0,
  failed: 0,
  cancelled: 0,
  deferred: 0,
  abandoned: 0,
});

/** Unpaced runs (a bulk fan-out) commit outcomes in groups of this size (or at the end of a batch). */
const UNPACED_OUTCOMES_PER_COMMIT = 64;

/**
 * One run over the due-queue at an instant: claim with a lease, send (paced, awaited), record, queue next.
 * A row stays leased until its outcome is committed, so a crash anywhere before that sends it again after
 * the lease runs out, with the same idempotency key. Each send is noted just before it goes (beginSend):
 * a row that was only claimed when the process died is simply sent later, and one whose resend is cut off
 * too is abandoned, so a crash loop never sends a prompt more than twice.
 *
 * Paced (the default), each outcome is committed as soon as it is known, so a crash leaves only the sends
 * then in flight (at most `concurrency`) delivered but unrecorded: one duplicate per crash at concurrency 1.
 * Unpaced, outcomes are committed in groups for throughput, and a crash may repeat up to a group's worth.
 */
export class CheckInDispatcher {
  constructor(
    private readonly deps: {
      store: DataStore;
      sender: CheckInSender;
      planner: CheckInPlanner;
      logger: Logger;
      settings: DispatchSettings;
    },
  ) {}

  /** Sends everything due at `now` and returns counts. Retries land in the future, so a run always ends. */
  async runDue(now: Date, shouldStop: () => boolean = () => false): Promise<DispatchReport> {
    const { store, settings, logger } = this.deps;
    const report = emptyReport();
    const pacer = new Pacer(settings.sendsPerSecond);
    const blockedUntil = new Map<string, Date>();
    const outcomesPerCommit = settings.sendsPerSecond > 0 ? 1 : UNPACED_OUTCOMES_PER_COMMIT;
    let outcomes: DueUpdate[] = [];
    const commit = async () => {
      const group = outcomes;
      outcomes = [];
      try {
        await store.dueQueue.apply(group, now);
      } catch (error) {
        // Those rows stay leased; after the lease runs out each is sent at most once more.
        logger.error(
          { rows: group.length, error: error instanceof Error ? error.name : typeof error },
          'check-in outcomes not recorded',
        );
      }
    };
    // Keep a batch shorter than its lease even at the slowest pace.
    const batchSize =
      settings.sendsPerSecond > 0
        ? Math.max(1, Math.min(settings.batchSize, Math.floor((settings.sendsPerSecond * settings.leaseMs) / 2000)))
        : settings.batchSize;
    while (!shouldStop()) {
      const { claimed, abandoned } = await store.dueQueue.claim(now, batchSize, settings.leaseMs);
      for (const row of abandoned) {
        report.abandoned++;
        logger.warn({ dueId: row.id, kind: row.kind }, 'check-in abandoned after a second lease ran out');
        const enrollment = await store.enrollments.get(row.personId);
        if (enrollment?.status !== 'active') continue;
        for (const next of await this.nextRows(row, enrollment, now)) await store.dueQueue.enqueue(next, now);
      }
      if (claimed.length === 0) break;
      report.claimed += claimed.length;
      let index = 0;
      const worker = async () => {
        while (index < claimed.length) {
          const row = claimed[index++];
          let update: DueUpdate | undefined;
          try {
            // Never sent when stopping: handed back now rather than after the lease.
            update = shouldStop()
              ? { type: 'reschedule', id: row.id, dueAt: row.dueAt, outcome: 'released' }
              : await this.process(row, now, pacer, blockedUntil, report);
          } catch (error) {
            logger.error(
              { dueId: row.id, error: error instanceof Error ? error.name : typeof error },
              'check-in dispatch failed',
            );
          }
          if (update) outcomes.push(update);
          if (outcomes.length >= outcomesPerCommit) await commit();
        }
      };
      await Promise.all(Array.from({ length: Math.min(settings.concurrency, claimed.length) }, worker));
      await commit();
    }
    return report;
  }

  /** Sends one row (unless something says not to) and returns what to record for it. */
  private async process(
    row: DueCheckIn,
    now: Date,
    pacer: Pacer,
    blockedUntil: Map<string, Date>,
    report: DispatchReport,
  ): Promise<DueUpdate | undefined> {
    const { store, settings } = this.deps;
    const enrollment = await store.enrollments.get(row.personId);
    if (!enrollment || enrollment.status !== 'active') {
      report.cancelled++;
      return { type: 'finish', id: row.id, state: 'cancelled', outcome: 'not_active' };
    }
    if (row.kind === 'followup' && (await store.checkIns.countSince(row.personId, row.slotAt)) > 0) {
      report.cancelled++;
      return { type: 'finish', id: row.id, state: 'cancelled', outcome: 'answered' };
    }
    if (now.getTime() - row.dueAt.getTime() > settings.maxLatenessMs) {
      report.cancelled++;
      return {
        type: 'finish',
        id: row.id,
        state: 'cancelled',
        outcome: 'too_late',
        next: await this.nextRows(row, enrollment, now),
      };
    }
    const allowedAt = outsideQuietHours(now, enrollment.timeZone, quietHoursOf(enrollment));
    if (allowedAt.getTime() > now.getTime()) {
      report.deferred++;
      return { type: 'reschedule', id: row.id, dueAt: allowedAt, outcome: 'quiet_hours' };
    }
    const reference = await store.conversationRefs.get(row.personId, enrollment.channelId);
    if (!reference) {
      report.paused++;
      await store.enrollments.setStatus(row.personId, 'paused', 'no_reference', now);
      return { type: 'finish', id: row.id, state: 'failed', outcome: 'no_reference' };
    }
    const serviceUrl = typeof reference.serviceUrl === 'string' ? reference.serviceUrl : '';
    const blocked = blockedUntil.get(serviceUrl);
    if (blocked && blocked.getTime() > now.getTime()) {
      report.rateLimited++;
      return { type: 'reschedule', id: row.id, dueAt: blocked, outcome: 'waiting_for_rate_limit' };
    }

    await pacer.wait();
    await store.dueQueue.beginSend(row.id);
    const send = this.deps.sender.send({
      personId: row.personId,
      kind: row.kind,
      programWeek: row.programWeek,
      idempotencyKey: row.idempotencyKey,
      reference,
    });
    const outcome = await withTimeout(send, Math.min(settings.sendTimeoutMs, settings.leaseMs / 2), () => {
      this.deps.logger.warn({ dueId: row.id, kind: row.kind }, 'check-in send timed out; it will be retried');
    });
    return this.outcomeUpdate(row, enrollment, outcome, now, serviceUrl, blockedUntil, report);
  }

  private async outcomeUpdate(
    row: DueCheckIn,
    enrollment: Enrollment,
    outcome: SendOutcome,
    now: Date,
    serviceUrl: string,
    blockedUntil: Map<string, Date>,
    report: DispatchReport,
  ): Promise<DueUpdate> {
    const { store, settings, logger } = this.deps;
    const attempt: SendAttempt = {
      outcome: outcome.kind,
      statusCode: 'statusCode' in outcome ? outcome.statusCode : undefined,
    };
    logger.debug(
      { dueId: row.id, kind: row.kind, outcome: outcome.kind, statusCode: attempt.statusCode },
      'check-in send',
    );
    switch (outcome.kind) {
      case 'sent':
        report.sent++;
        return {
          type: 'finish',
          id: row.id,
          state: 'sent',
          outcome: 'sent',
          attempt,
          next: await this.nextRows(row, enrollment, now, now),
        };
      case 'gone':
        report.paused++;
        logger.warn(
          { dueId: row.id, statusCode: outcome.statusCode },
          'channel refused a check-in; pausing that person',
        );
        await store.enrollments.setStatus(row.personId, 'paused', `channel_${outcome.statusCode}`, now);
        await store.dueQueue.cancelPending(row.personId, 'paused_by_channel', now);
        return { type: 'finish', id: row.id, state: 'failed', outcome: `gone_${outcome.statusCode}`, attempt };
      case 'rejected':
        report.failed++;
        return {
          type: 'finish',
          id: row.id,
          state: 'failed',
          outcome: `rejected_${outcome.statusCode}`,
          attempt,
          next: await this.nextRows(row, enrollment, now),
        };
      case 'rateLimited':
      case 'transient': {
        if (row.attempts >= settings.maxAttempts) {
          report.failed++;
          return {
            type: 'finish',
            id: row.id,
            state: 'failed',
            outcome: 'gave_up',
            attempt,
            next: await this.nextRows(row, enrollment, now),
          };
        }
        let delay: number;
        if (outcome.kind === 'rateLimited') {
          report.rateLimited++;
          delay = Math.min(outcome.retryAfterMs ?? settings.defaultRetryAfterMs, 24 * 3_600_000);
          const until = new Date(now.getTime() + delay);
          const current = blockedUntil.get(serviceUrl);
          if (!current || current < until) blockedUntil.set(serviceUrl, until);
        } else {
          report.retried++;
          delay = Math.min(settings.retryBaseMs * 2 ** Math.max(0, row.attempts - 1), settings.retryMaxMs);
        }
        const retryAt = outsideQuietHours(
          new Date(now.getTime() + delay),
          enrollment.timeZone,
          quietHoursOf(enrollment),
        );
        return { type: 'reschedule', id: row.id, dueAt: retryAt, outcome: outcome.kind, attempt };
      }
    }
  }

  /** After a prompt: next week's prompt, and (when it was just sent) the one follow-up. Nothing after a follow-up. */
  private async nextRows(row: DueCheckIn, enrollment: Enrollment, now: Date, sentAt?: Date): Promise<NewDueCheckIn[]> {
    if (row.kind !== 'prompt') return [];
    const after = row.slotAt.getTime() > now.getTime() ? row.slotAt : now;
    const next = await this.deps.planner.nextPrompt(enrollment, after);
    const followup = sentAt ? this.deps.planner.followup(enrollment, row, sentAt, next.dueAt) : undefined;
    return followup ? [next, followup] : [next];
  }
}

/** The send's outcome, or a transient failure once `ms` have passed without one (the send itself may still land). */
async function withTimeout(send: Promise<SendOutcome>, ms: number, onTimeout: () => void): Promise<SendOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<SendOutcome>((resolve) => {
    timer = setTimeout(() => {
      onTimeout();
      resolve({ kind: 'transient' });
    }, ms);
  });
  try {
    return await Promise.race([send, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
