/**
 * Outside text (upstream messages, transport error text) made fit for an error, a log line or a
 * GraphQL response: the shared scrubber's masking (`src/shared/redact.ts`), then one line of
 * bounded length.
 */
import { redactSecrets } from '../../shared/redact';

const MAX_MESSAGE_LENGTH = 400;

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * One line, bounded, with every secret-shaped part masked (src/shared/redact.ts). Masked before it
 * is cut: a cut through a secret would leave a piece no pattern recognises. The scrubber bounds
 * its own input, so a huge upstream body costs no more than a 4 KB one.
 */
export function sanitizeMessage(raw: string, knownSecrets: ReadonlySet<string> = new Set()): string {
  let text = redactSecrets(raw, knownSecrets).replace(CONTROL, ' ').trim();
  if (text.length > MAX_MESSAGE_LENGTH) text = `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…`;
  return text;
}

/** Request ids and host ids from the upstream: short, printable, or dropped. */
export function sanitizeToken(raw: unknown, maxLength = 128): string | null {
  if (typeof raw !== 'string' && typeof raw !== 'number') return null;
  const text = String(raw);
  return /^[A-Za-z0-9._:\-]+$/.test(text) && text.length <= maxLength ? text : null;
}
