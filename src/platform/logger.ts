import pino from 'pino';
import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written while serving one HTTP request carries (src/http sets it per request). */
export interface RequestContext {
  requestId: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

/** The id of the request being served here, if any. */
export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

export type Logger = pino.Logger;

/**
 * Message text, doses and ZIP codes must never reach a log line. Callers log ids and kinds only;
 * the redact list is a second line of defence for objects that slip through.
 */
const REDACT_PATHS = [
  'text',
  '*.text',
  'activity.text',
  'value',
  '*.value',
  'attachments',
  '*.attachments',
  'body',
  'req.body',
];

/** Every line written while an HTTP request is served carries its id (also sent back as X-Request-Id). */
function requestIdMixin(): { requestId?: string } {
  const requestId = currentRequestId();
  return requestId === undefined ? {} : { requestId };
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'kratom-coach' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      mixin: requestIdMixin,
    },
    destination,
  );
}

/** An error's name and stack frames, without its message: a message can quote what a person typed. */
export function describeError(error: unknown): { name: string; frames: string[] } {
  if (!(error instanceof Error)) return { name: typeof error, frames: [] };
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trim().startsWith('at '))
    .slice(0, 8);
  return { name: error.name, frames: frames.map((f) => f.trim()) };
}
