import { ConfigError, loadConfig, type Env } from '../../src/server/config';

/** The settings `loadConfig` refuses for `env`, by variable name; throws when it accepts them all. */
export function configProblems(env: Env): Record<string, string> {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return Object.fromEntries(error.problems.map((p) => [p.variable, p.message]));
    throw error;
  }
  throw new Error('expected a ConfigError');
}
