import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Message text, doses and ZIP codes must never reach a log line. Callers log ids and kinds only;
 * the redact list is a second line of defence for objects that slip through.
 */
const REDACT_PATHS = ['text', '*.text', 'activity.text', 'value', '*.value', 'attachments', '*.attachments', 'body', 'req.body'];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, base: { service: 'kratom-coach' }, redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
    destination,
  );
}
