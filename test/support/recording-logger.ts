/**
 * A `GatewayLogger` that keeps its entries for assertions. Given a source name, it also hands each
 * line to the run's leak scan (log-capture.ts), serialized as a JSON logger would (errors with
 * message and stack).
 */
import type { GatewayLogger } from '../../src/schema/context';
import { captureText } from './log-capture';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: object;
  msg: string | undefined;
}

export type RecordingLogger = GatewayLogger & { entries: LogEntry[] };

function errorsAsObjects(_key: string, value: unknown): unknown {
  return value instanceof Error ? { ...value, name: value.name, message: value.message, stack: value.stack } : value;
}

export function recordingLogger(captureAs?: string): RecordingLogger {
  const entries: LogEntry[] = [];
  const at =
    (level: LogEntry['level']) =>
    (obj: object, msg?: string): void => {
      entries.push({ level, obj, msg });
      if (captureAs !== undefined) captureText('log', captureAs, JSON.stringify({ level, msg, ...obj }, errorsAsObjects));
    };
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
