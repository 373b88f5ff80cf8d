import pino from 'pino';
import { currentRequestId } from './http/requestContext';

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
