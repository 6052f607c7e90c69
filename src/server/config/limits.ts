/** Request size and GraphQL document limits: bounds on the work one request can ask for. */
import { fromEnv, integer, setting } from '../../shared/settings';

export const LIMIT_SETTINGS = {
  GATEWAY_BODY_LIMIT_BYTES: setting(fromEnv(integer(1024, 10 * 1024 * 1024)), 100 * 1024),
  GATEWAY_MAX_DEPTH: setting(fromEnv(integer(1, 100)), 10),
  GATEWAY_MAX_ALIASES: setting(fromEnv(integer(0, 1000)), 15),
  GATEWAY_MAX_TOKENS: setting(fromEnv(integer(50, 100_000)), 2_000),
  GATEWAY_MAX_DIRECTIVES: setting(fromEnv(integer(0, 1000)), 20),
  GATEWAY_MAX_REPEATED_FIELDS: setting(fromEnv(integer(1, 1000)), 5),
  GATEWAY_MAX_COST: setting(fromEnv(integer(1, 1_000_000)), 5_000),
  GATEWAY_MAX_MUTATION_FIELDS: setting(fromEnv(integer(1, 100)), 1),
};
