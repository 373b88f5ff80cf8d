import { type CompatResponse, toHttpHeadersLike, type WebResourceLike } from '@azure/core-http-compat';
import { createHttpHeaders } from '@azure/core-rest-pipeline';
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

/**
 * The HTTP client for connector clients that must try each request once (the check-in sender: its
 * retries are durable, scheduled by the due-queue, and honour Retry-After). It is passed through the
 * connector's public `httpClient` option and sends with Node's fetch. The connector's retry policy only
 * retries its own RestErrors and retryable responses, so a retryable status comes back from here as a
 * ChannelRefusedError, and a network failure as fetch's own error: both reach the caller at once
 * (BotCheckInSender reads statusCode and retryAfter).
 */
export class SingleAttemptHttpClient {
  async sendRequest(request: WebResourceLike): Promise<CompatResponse> {
    const signals: AbortSignal[] = [];
    if (request.abortSignal instanceof AbortSignal) signals.push(request.abortSignal);
    if (request.timeout > 0) signals.push(AbortSignal.timeout(request.timeout));
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers.toJson({ preserveCase: true }),
      body: request.body as string | undefined,
      signal: signals.length > 0 ? AbortSignal.any(signals) : undefined,
    });
    const bodyAsText = await response.text();
    if (isRetriedBySdk(response.status)) throw new ChannelRefusedError(response.status, response.headers);
    return {
      request,
      status: response.status,
      headers: toHttpHeadersLike(createHttpHeaders(Object.fromEntries(response.headers))),
      bodyAsText,
    };
  }
}

/** Connector options whose clients try each request once. */
export function singleAttemptConnectorOptions(): ConnectorClientOptions {
  return { httpClient: new SingleAttemptHttpClient() };
}
