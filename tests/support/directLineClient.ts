import WebSocket from 'ws';

/*
 * botframework-directlinejs is a browser library: it makes HTTP calls with rxjs' ajax, which uses the
 * global XMLHttpRequest, and it only streams when a global WebSocket exists. Node 20 has neither, so
 * the tests install two Node implementations of those same browser APIs (xhr2 and ws) as the globals,
 * before the client loads. The client code itself runs unchanged, as it does inside Web Chat.
 */
const globals = globalThis as Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the globals must exist before the client loads
globals.XMLHttpRequest ??= require('xhr2');
globals.WebSocket ??= WebSocket;

// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the globals above (an import would hoist)
const directLineJs = require('botframework-directlinejs') as typeof import('botframework-directlinejs');
export const { DirectLine, ConnectionStatus } = directLineJs;
export type DirectLineClient = InstanceType<typeof DirectLine>;
export type ClientActivity = import('botframework-directlinejs').Activity & {
  text?: string;
  replyToId?: string;
  suggestedActions?: { actions: Array<{ title?: string }> };
};

export interface Conversation {
  client: DirectLineClient;
  /** Every activity the client has received so far, in order. */
  received: ClientActivity[];
  /** Resolves once `predicate` holds for the received activities (fails after timeoutMs). */
  waitFor(
    predicate: (received: ClientActivity[]) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<ClientActivity[]>;
  /** Posts a message as the person and resolves with the id the channel gave it. */
  say(text: string): Promise<string>;
  end(): void;
}

export function openConversation(options: {
  domain: string;
  token: string;
  webSocket: boolean;
  conversationId?: string;
  watermark?: string;
}): Conversation {
  const client = new DirectLine({ ...options, pollingInterval: 200, timeout: 5000 });
  const received: ClientActivity[] = [];
  const waiters = new Set<() => void>();
  const subscription = client.activity$.subscribe((activity) => {
    received.push(activity);
    waiters.forEach((check) => check());
  });
  return {
    client,
    received,
    waitFor(predicate, what, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(received)) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(received);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `Timed out waiting for ${what}; received: ${JSON.stringify(received.map((a) => a.text ?? a.type))}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    say(text) {
      return new Promise((resolve, reject) => {
        client.postActivity({ type: 'message', text, from: { id: 'ignored-by-the-channel' } }).subscribe({
          next: (id: string) => resolve(id),
          error: reject,
        });
      });
    },
    end() {
      subscription.unsubscribe();
      client.end();
    },
  };
}

export const textsOf = (activities: ClientActivity[]): string[] =>
  activities.filter((a) => a.type === 'message').map((a) => a.text ?? '');

/** Direct Line REST calls made by hand, for what the client library does not expose. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(options.token !== undefined ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
  });
  const raw = await response.text();
  let body: unknown = raw;
  try {
    body = raw ? JSON.parse(raw) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: response.status, body, headers: response.headers };
}

/** A fresh person and conversation, as the page gets them. */
export async function newSession(
  baseUrl: string,
  resume?: string,
): Promise<{
  token: string;
  conversationId: string;
  userId: string;
  resume: string;
  resumed: boolean;
  domain: string;
  mode: string;
}> {
  const { status, body } = await call(baseUrl, 'POST', '/api/directline/token', { body: resume ? { resume } : {} });
  if (status !== 200) throw new Error(`token endpoint answered ${status}: ${JSON.stringify(body)}`);
  return body;
}
