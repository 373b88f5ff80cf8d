import type { ConnectorClientOptions } from 'botframework-connector';

type PolicyFactories = Exclude<NonNullable<ConnectorClientOptions['requestPolicyFactories']>, (...args: never[]) => unknown>;
type PolicyFactory = PolicyFactories[number];

/**
 * Connector client options whose every HTTP attempt gives up after `timeoutMs`. A channel (or an address
 * someone put in serviceUrl) that accepts the connection and never answers would otherwise keep the turn,
 * and the conversation's lock, waiting forever. With the SDK's retries a send is bounded by about
 * (retries + 1) x timeoutMs plus its back-off.
 */
export function connectorClientOptions(timeoutMs: number): ConnectorClientOptions {
  const timeoutPolicy: PolicyFactory = {
    create: (next) => ({
      sendRequest(request) {
        if (!request.timeout || request.timeout > timeoutMs) request.timeout = timeoutMs;
        return next.sendRequest(request);
      },
    }),
  };
  return { requestPolicyFactories: [timeoutPolicy] };
}

/** Resolves or rejects as `work` does, or rejects after `ms`; the caller stops waiting, the work is abandoned. */
export async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(what, ms)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export class DeadlineError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} took longer than ${ms} ms`);
    this.name = 'DeadlineError';
  }
}
