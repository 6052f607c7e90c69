/**
 * THE ClientToken rule, shared by the gateway (validation before any upstream call) and the
 * emulator (which refuses a bad token with `InvalidParameter`). One rule on both sides, so a
 * token the gateway lets through is never refused upstream and the gateway never refuses one
 * the upstream would take.
 *
 * Alibaba documents the token as "ASCII, at most 64 characters, case-sensitive"; space and control
 * characters are excluded as well, a choice of ours (docs/datasource.md#validation).
 */
const CLIENT_TOKEN_MAX_LENGTH = 64;

const CLIENT_TOKEN_PATTERN = new RegExp(`^[\\x21-\\x7e]{1,${CLIENT_TOKEN_MAX_LENGTH}}$`);

/** Human wording of the rule, for error messages and docs. */
export const CLIENT_TOKEN_RULE = `1 to ${CLIENT_TOKEN_MAX_LENGTH} printable ASCII characters, no spaces`;

export function isValidClientToken(value: string): boolean {
  return CLIENT_TOKEN_PATTERN.test(value);
}
