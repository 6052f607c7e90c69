/**
 * The process logger: pino JSON on stdout, one object per line, level as a label, ISO time.
 * Invariant: secrets are redacted structurally (`REDACT_PATHS`) wherever a logged object could hold
 * one; messages never interpolate them in the first place.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config';

const REDACT_PATHS = [
  'authorization',
  'cookie',
  '*.authorization',
  '*.cookie',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'accessKeySecret',
  '*.accessKeySecret',
  'securityToken',
  '*.securityToken',
  'jwtSecret',
  '*.jwtSecret',
  'token',
  '*.token',
  'signature',
  '*.signature',
  'stringToSign',
  '*.stringToSign',
];

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'vpc-graphql-gateway' },
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Label instead of number: log pipelines filter on `"level":"warn"` more often than on 40.
    formatters: { level: (label) => ({ level: label }) },
  };
  // Synchronous stdout: the last lines before process.exit (shutdown, fatal start-up errors)
  // must reach a pipe, and an async buffer would drop them.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
}
