/**
 * Where the access key comes from: static keys from the options, an injected provider, or the
 * default chain (credential-chain.ts), built lazily (docs/datasource.md#credentials).
 *
 * Invariants: the chain is asked on every attempt (it caches and refreshes STS credentials itself,
 * so a rotated token is used at once); the secrets in use, the last KEPT_CREDENTIAL_GENERATIONS
 * generations of them, are in `knownSecrets` for the error scrubber.
 */
import { defaultCredentialChain } from './credential-chain';
import { UpstreamError } from '../errors';
import { sanitizeMessage } from './sanitize';

export interface AccessCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  /** STS token; absent for long-lived keys. */
  securityToken?: string;
}

export interface CredentialSource {
  get(): Promise<AccessCredentials>;
}

/** The subset of `@alicloud/credentials`' `Credential` used here (also what tests inject). */
export interface CredentialProviderLike {
  getCredential(): Promise<{
    accessKeyId?: string;
    accessKeySecret?: string;
    securityToken?: string;
    type?: string;
  }>;
}

const CHAIN_HINT =
  'set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (plus ALIBABA_CLOUD_SECURITY_TOKEN for STS), ' +
  'or configure a CLI profile, a credentials file, an OIDC role or an ECS RAM role';

function credentialsError(message: string): UpstreamError {
  return new UpstreamError({
    kind: 'AUTH',
    code: 'Credentials.Unavailable',
    httpStatus: 0,
    requestId: null,
    hostId: null,
    action: '',
    message,
    retryable: false,
  });
}

function checked(raw: Awaited<ReturnType<CredentialProviderLike['getCredential']>>): AccessCredentials {
  if (raw.type === 'bearer' || raw.type === 'id_token') {
    throw credentialsError(`Credential type ${raw.type} is not supported by the VPC API; use an access key or STS`);
  }
  const { accessKeyId, accessKeySecret, securityToken } = raw;
  if (!accessKeyId || !accessKeySecret) {
    throw credentialsError(`The credential provider returned no access key; ${CHAIN_HINT}`);
  }
  return securityToken ? { accessKeyId, accessKeySecret, securityToken } : { accessKeyId, accessKeySecret };
}

function staticCredentials(credentials: AccessCredentials): CredentialSource {
  if (!credentials.accessKeyId || !credentials.accessKeySecret) {
    throw new RangeError('VPC backend credentials need both accessKeyId and accessKeySecret');
  }
  const value = checked(credentials);
  return { get: () => Promise.resolve(value) };
}

/** Credential generations (secret + STS token) kept in `knownSecrets`; older ones are forgotten. */
export const KEPT_CREDENTIAL_GENERATIONS = 3;

function secretsOf(value: AccessCredentials): string[] {
  return value.securityToken ? [value.accessKeySecret, value.securityToken] : [value.accessKeySecret];
}

function providerCredentials(provider: CredentialProviderLike, knownSecrets: Set<string>): CredentialSource {
  // Oldest first; the chain hands out the same cached credentials until it refreshes them, so a
  // new generation starts only when the secrets actually change.
  const generations: string[][] = [];
  const remember = (secrets: string[]): void => {
    const latest = generations.at(-1);
    if (latest && latest.length === secrets.length && latest.every((s, i) => s === secrets[i])) return;
    generations.push(secrets);
    for (const secret of secrets) knownSecrets.add(secret);
    while (generations.length > KEPT_CREDENTIAL_GENERATIONS) {
      const dropped = generations.shift() ?? [];
      for (const secret of dropped) if (!generations.some((g) => g.includes(secret))) knownSecrets.delete(secret);
    }
  };
  return {
    async get() {
      let raw: Awaited<ReturnType<CredentialProviderLike['getCredential']>>;
      try {
        raw = await provider.getCredential();
      } catch (error) {
        const detail = error instanceof Error ? sanitizeMessage(error.message, knownSecrets) : 'unknown error';
        throw credentialsError(`No Alibaba Cloud credentials could be resolved (${detail}); ${CHAIN_HINT}`);
      }
      const value = checked(raw);
      // Remembered so error messages can be scrubbed of them later.
      remember(secretsOf(value));
      return value;
    },
  };
}

/**
 * Static keys when given; else the injected provider; else the default chain. `knownSecrets`
 * holds the secrets in use (the last few generations of rotating ones) so the error sanitizer
 * can remove them verbatim.
 */
export function createCredentialSource(
  options: { credentials?: AccessCredentials; credentialProvider?: CredentialProviderLike },
  knownSecrets: Set<string>,
): CredentialSource {
  if (options.credentials) {
    const source = staticCredentials(options.credentials);
    for (const secret of secretsOf(options.credentials)) knownSecrets.add(secret);
    return source;
  }
  let provider = options.credentialProvider ?? null;
  return providerCredentials(
    {
      // Built lazily: the chain reads files and env at construction, which a backend that is
      // created but never used (or given static keys later) need not pay for.
      getCredential: () => {
        provider ??= defaultCredentialChain();
        return provider.getCredential();
      },
    },
    knownSecrets,
  );
}
