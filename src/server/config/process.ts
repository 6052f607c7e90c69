/** Process settings: environment, where to listen, log level, what errors show, shutdown. */
import { z } from 'zod';
import { boolean, fromEnv, host, integer, oneOf, port, setting, type Values } from '../../shared/settings';
import type { ConfigProblem } from './problems';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const PROCESS_SETTINGS = {
  NODE_ENV: setting(z.string().trim(), 'development'),
  HOST: setting(fromEnv(host), '127.0.0.1'),
  PORT: setting(fromEnv(port), 4000),
  LOG_LEVEL: setting(fromEnv(oneOf(LOG_LEVELS)), 'info'),
  GATEWAY_INTROSPECTION: setting(boolean),
  GATEWAY_PLAYGROUND: setting(boolean),
  GATEWAY_DEBUG_ERRORS: setting(boolean, false),
  GATEWAY_SHUTDOWN_TIMEOUT_MS: setting(fromEnv(integer(0, 600_000)), 10_000),
  GATEWAY_DRAIN_DELAY_MS: setting(fromEnv(integer(0, 600_000)), 0),
};

export function processProblems(v: Values<typeof PROCESS_SETTINGS>): ConfigProblem[] {
  if (v.NODE_ENV !== 'production' || !v.GATEWAY_DEBUG_ERRORS) return [];
  return [{ variable: 'GATEWAY_DEBUG_ERRORS', message: 'refused with NODE_ENV=production: stack traces show file paths and libraries' }];
}
