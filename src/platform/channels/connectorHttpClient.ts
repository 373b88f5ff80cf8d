import { type CompatResponse, toHttpHeadersLike, type WebResourceLike } from '@azure/core-http-compat';
import { createHttpHeaders, RestError } from '@azure/core-rest-pipeline';
import type { ConnectorClientOptions } from 'botframework-connector';

/** Statuses the connector's built-in retry policy would wait on and send again (throttling, time-outs, server errors). */
export function isRetriedBySdk(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

/**
 * A status the channel answered that the connector would have retried, raised at once, with statusCode
 * like the SDK's own HTTP errors. (No `response` field: the connector would then try to parse it as one.)
 */
export class ChannelRefusedError extends Error {
  override readonly name = 'ChannelRefusedError';
  /** The Retry-After header, when the channel sent one. */
  readonly retryAfter: string | undefined;

  constructor(
    readonly statusCode: number,
    headers: Headers,
  ) {
    super(`the channel answered ${statusCode}`);
    this.retryAfter = headers.get('retry-after') ?? undefined;
  }
}

/** A connector call that got no answer in time. Not a RestError, so the connector's retry policy never sends it again. */
export class ChannelTimeoutError extends Error {
  override readonly name = 'ChannelTimeoutError';

  constructor(readonly timeoutMs: number) {
    super(`the channel did not answer within ${timeoutMs} ms`);
  }
}

/** Codes the connector's retry policy treats as a passing network fault (its own client raises them as RestErrors). */
const RETRIED_NETWORK_CODES = new Set([
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOENT',
  'ENOTFOUND',
]);

export interface ConnectorHttpClientOptions {
  /** Each attempt (connecting, sending and reading the whole answer) gives up after this long. */
  timeoutMs: number;
  /**
   * Try each request once: a status the SDK would retry comes back as a ChannelRefusedError and a network
   * failure as fetch's own error, both at once (the check-in sender retries durably through its due-queue).
   */
  singleAttempt?: boolean;
}

/**
 * The HTTP client of every connector client we make, passed through the connector's public `httpClient`
 * option (the SDK's connector factory keeps it, while it replaces any request policies it is given). It
 * sends with Node's fetch, and every attempt has a deadline: a channel, or an address someone put in
 * serviceUrl, that accepts the connection and never answers would otherwise keep the turn, and the
 * conversation's lock, waiting forever.
 *
 * Without singleAttempt the connector's own retry policy still runs above this client, so the time a send
 * can take stays bounded: a timed-out attempt is never retried (ChannelTimeoutError is no RestError); a
 * refused or reset connection is raised as the RestError the SDK's own client would raise, and retried up
 * to 3 times with its short back-off; and a channel's Retry-After is capped at the timeout, so no answer
 * can make the SDK sleep for longer than one attempt may take.
 */
export class ConnectorHttpClient {
  private readonly timeoutMs: number;
  private readonly singleAttempt: boolean;

  constructor(options: ConnectorHttpClientOptions) {
    this.timeoutMs = options.timeoutMs;
    this.singleAttempt = options.singleAttempt ?? false;
  }

  async sendRequest(request: WebResourceLike): Promise<CompatResponse> {
    const timeoutMs = request.timeout > 0 ? Math.min(request.timeout, this.timeoutMs) : this.timeoutMs;
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal =
      request.abortSignal instanceof AbortSignal ? AbortSignal.any([request.abortSignal, deadline]) : deadline;
    let response: Response;
    let bodyAsText: string;
    try {
      response = await fetch(request.url, {
        method: request.method,
        headers: request.headers.toJson({ preserveCase: true }),
        body: request.body as string | undefined,
        signal,
      });
      bodyAsText = await response.text();
    } catch (error) {
      throw this.failure(error, deadline, timeoutMs);
    }
    if (this.singleAttempt && isRetriedBySdk(response.status))
      throw new ChannelRefusedError(response.status, response.headers);
    const headers = Object.fromEntries(response.headers);
    if (!this.singleAttempt && headers['retry-after'] !== undefined)
      headers['retry-after'] = cappedRetryAfter(headers['retry-after'], timeoutMs);
    return { request, status: response.status, headers: toHttpHeadersLike(createHttpHeaders(headers)), bodyAsText };
  }

  private failure(error: unknown, deadline: AbortSignal, timeoutMs: number): unknown {
    if (deadline.aborted) return new ChannelTimeoutError(timeoutMs);
    if (this.singleAttempt) return error;
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    if (typeof code === 'string' && RETRIED_NETWORK_CODES.has(code))
      return new RestError('the channel could not be reached', { code });
    return error;
  }
}

/** A Retry-After (seconds or an HTTP date) no longer than maxMs, in whole seconds. */
export function cappedRetryAfter(value: string, maxMs: number): string {
  const seconds = /^\s*\d+\s*$/.test(value) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  const cap = Math.ceil(maxMs / 1000);
  return String(Number.isFinite(seconds) ? Math.max(0, Math.min(Math.ceil(seconds), cap)) : cap);
}

/** Connector options whose clients give up on each attempt after timeoutMs (and, with singleAttempt, try once). */
export function connectorOptions(options: ConnectorHttpClientOptions): ConnectorClientOptions {
  return { httpClient: new ConnectorHttpClient(options) };
}
