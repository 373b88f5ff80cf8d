import type { TurnContext } from 'botbuilder';
import type { DueKind, StoredReference } from '../../platform/storage/repositories';

/** One proactive message to deliver: the check-in prompt or its follow-up. */
export interface SendJob {
  personId: string;
  kind: DueKind;
  programWeek: number;
  /** person + program week (+ kind); the web channel drops a repeat of it. */
  idempotencyKey: string;
  reference: StoredReference;
}

/**
 * What came of one send. transient: retry later with backoff. rateLimited: the channel said 429.
 * gone: 403/404 (bot removed, conversation or user gone), so the person's check-ins pause. rejected: any
 * other 4xx; this prompt is dropped and next week's is queued.
 */
export type SendOutcome =
  | { kind: 'sent' }
  | { kind: 'transient'; statusCode?: number }
  | { kind: 'rateLimited'; statusCode: 429; retryAfterMs?: number }
  | { kind: 'gone'; statusCode: number }
  | { kind: 'rejected'; statusCode: number };

/** Delivers a proactive message on the person's channel. Must not throw: every failure is an outcome. */
export interface CheckInSender {
  send(job: SendJob): Promise<SendOutcome>;
}

/** Retry-After as delta-seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/** Maps an HTTP status (or none, for a network error) to an outcome. */
export function outcomeForStatus(statusCode: number | undefined, retryAfterMs?: number): SendOutcome {
  if (statusCode === undefined || statusCode === 408 || statusCode === 401 || statusCode >= 500)
    return { kind: 'transient', statusCode };
  if (statusCode === 429) return { kind: 'rateLimited', statusCode, retryAfterMs };
  if (statusCode === 403 || statusCode === 404) return { kind: 'gone', statusCode };
  if (statusCode >= 400) return { kind: 'rejected', statusCode };
  return { kind: 'sent' };
}

/** What the proactive turn does once the conversation is open: e.g. begin the check-in dialog. */
export type ProactiveDelivery = (context: TurnContext, job: SendJob) => Promise<void>;
