/**
 * Where the access key comes from: static keys, the default chain (environment variables), and a
 * provider whose STS token rotates: each attempt asks again, so the new token is used at once.
 * The default chain asks the ECS metadata service only when ALIBABA_CLOUD_ECS_METADATA is set.
 */
import Credential from '@alicloud/credentials';
import { Socket, type TcpNetConnectOpts } from 'node:net';
import { parseV3Authorization } from '../../../../src/shared/acs-signature';
import { createVpcBackend } from '../../../../src/datasources';
import { KEPT_CREDENTIAL_GENERATIONS, createCredentialSource } from '../../../../src/datasources/wire/credentials';
import { UpstreamError } from '../../../../src/datasources/errors';
import { sanitizeMessage } from '../../../../src/datasources/wire/sanitize';
import { ORIGIN, mockUpstream } from '../support/mock-upstream';

const ENV_KEYS = [
  'ALIBABA_CLOUD_ACCESS_KEY_ID',
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  'ALIBABA_CLOUD_SECURITY_TOKEN',
  'ALIBABA_CLOUD_ECS_METADATA',
  'ALIBABA_CLOUD_ECS_METADATA_DISABLED',
  'ALIBABA_CLOUD_PROFILE',
  'ALIBABA_CLOUD_CLI_PROFILE_DISABLED',
  'ALIBABA_CLOUD_CREDENTIALS_FILE',
  'ALIBABA_CLOUD_ROLE_ARN',
  'ALIBABA_CLOUD_OIDC_PROVIDER_ARN',
  'ALIBABA_CLOUD_OIDC_TOKEN_FILE',
  'ALIBABA_CLOUD_CREDENTIALS_URI',
  'HOME',
] as const;
let savedEnv: Record<string, string | undefined>;

beforeEach(() => {
  savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  for (const k of ENV_KEYS) if (k !== 'HOME') delete process.env[k];
});
afterEach(() => {
  for (const k of ENV_KEYS) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
});

const ok = () => ({ status: 200, body: { RequestId: 'R', Regions: { Region: [] } } });

async function withBackend(options: Parameters<typeof createVpcBackend>[0], fn: (backend: ReturnType<typeof createVpcBackend>, requests: ReturnType<typeof mockUpstream>['requests']) => Promise<void>) {
  const upstream = mockUpstream(ok);
  const backend = createVpcBackend({ endpoint: ORIGIN, dispatcher: upstream.agent, ...options });
  try {
    await fn(backend, upstream.requests);
  } finally {
    await backend.close();
    await upstream.close();
  }
}

describe('credentials', () => {
  it('static keys sign every request; checkCredentials resolves', async () => {
    await withBackend({ credentials: { accessKeyId: 'LTAIstatic', accessKeySecret: 'static-secret' } }, async (backend, requests) => {
      await expect(backend.checkCredentials()).resolves.toBeUndefined();
      await backend.api.describeRegions();
      expect(parseV3Authorization(requests[0]?.headers.authorization ?? '')?.credential).toBe('LTAIstatic');
      expect(requests[0]?.headers['x-acs-security-token']).toBeUndefined();
    });
  });

  it('without options, the default chain reads ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET/SECURITY_TOKEN', async () => {
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = 'LTAIfromenv';
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'env-secret';
    process.env.ALIBABA_CLOUD_SECURITY_TOKEN = 'env-sts-token';
    await withBackend({}, async (backend, requests) => {
      await backend.checkCredentials();
      await backend.api.describeRegions();
      const req = requests[0];
      expect(parseV3Authorization(req?.headers.authorization ?? '')?.credential).toBe('LTAIfromenv');
      expect(req?.headers['x-acs-security-token']).toBe('env-sts-token');
      expect(req?.headers['x-acs-accesskey-id']).toBe('LTAIfromenv');
    });
  });

  it('V1 carries the STS token as the SecurityToken parameter', async () => {
    await withBackend({ signatureVersion: 'v1', credentials: { accessKeyId: 'id', accessKeySecret: 's3cret-value', securityToken: 'tok-1' } }, async (backend, requests) => {
      await backend.api.describeRegions();
      expect(requests[0]?.query.SecurityToken).toBe('tok-1');
    });
  });

  it('a refreshed STS token is picked up on the next call (the provider is asked every time)', async () => {
    let generation = 0;
    const provider = {
      getProviderName: () => 'rotating-test',
      getCredentials: async () => {
        generation += 1;
        const { default: Credentials } = await import('@alicloud/credentials/dist/src/credentials');
        return Credentials.builder()
          .withAccessKeyId(`STS.id-${generation}`)
          .withAccessKeySecret(`secret-${generation}`)
          .withSecurityToken(`token-${generation}`)
          .withProviderName('rotating-test')
          .build();
      },
    };
    await withBackend({ credentialProvider: new Credential(null, provider) }, async (backend, requests) => {
      await backend.api.describeRegions();
      await backend.api.describeRegions();
      expect(requests.map((r) => r.headers['x-acs-security-token'])).toEqual(['token-1', 'token-2']);
      expect(requests.map((r) => parseV3Authorization(r.headers.authorization ?? '')?.credential)).toEqual(['STS.id-1', 'STS.id-2']);
    });
  });

  it('a failing chain: checkCredentials and calls reject with a clear AUTH error, nothing sent, no secret echoed', async () => {
    const provider = {
      getCredential: async (): Promise<never> => {
        throw new Error('could not read profile: secret=TopSecret-123456789');
      },
    };
    await withBackend({ credentialProvider: provider }, async (backend, requests) => {
      const error = await backend.checkCredentials().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamError);
      expect(error).toMatchObject({ kind: 'AUTH', code: 'Credentials.Unavailable', retryable: false });
      expect((error as Error).message).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID');
      expect((error as Error).message).not.toContain('TopSecret');
      await expect(backend.api.describeRegions()).rejects.toMatchObject({ code: 'Credentials.Unavailable' });
      expect(requests).toHaveLength(0);
    });
  });

  it('the real default chain with nothing configured fails with the same clear error', async () => {
    process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
    process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = 'true';
    process.env.ALIBABA_CLOUD_CREDENTIALS_FILE = '/nonexistent/alibabacloud-credentials';
    process.env.HOME = '/nonexistent-home';
    await withBackend({}, async (backend) => {
      await expect(backend.checkCredentials()).rejects.toMatchObject({ kind: 'AUTH', code: 'Credentials.Unavailable' });
    });
  });

  it('remembers only the last few generations of rotating secrets for scrubbing', async () => {
    let generation = 1;
    const knownSecrets = new Set<string>();
    const source = createCredentialSource(
      {
        credentialProvider: {
          getCredential: async () => ({ accessKeyId: `STS.id-${generation}`, accessKeySecret: `rotating-secret-${generation}`, securityToken: `rotating-token-${generation}` }),
        },
      },
      knownSecrets,
    );
    // The chain hands out its cached credentials many times before it refreshes them.
    await source.get();
    await source.get();
    expect([...knownSecrets]).toEqual(['rotating-secret-1', 'rotating-token-1']);
    for (generation = 2; generation <= 10; generation++) await source.get();
    const kept = Array.from({ length: KEPT_CREDENTIAL_GENERATIONS }, (_, i) => 10 - KEPT_CREDENTIAL_GENERATIONS + 1 + i);
    expect([...knownSecrets].sort()).toEqual(kept.flatMap((g) => [`rotating-secret-${g}`, `rotating-token-${g}`]).sort());
    // The previous generation is still scrubbed (an attempt signed just before the rotation).
    const previous = 10 - 1;
    const scrubbed = sanitizeMessage(`echo rotating-secret-${previous} and rotating-token-${previous}`, knownSecrets);
    expect(scrubbed).toMatch(/^echo /);
    expect(scrubbed).not.toMatch(/rotating-(secret|token)-/);
  });

  it('a secret shared by a dropped and a kept generation stays known', async () => {
    const tokens = ['t-aaaa-1', 't-aaaa-2', 't-aaaa-3', 't-aaaa-4'];
    let i = 0;
    const knownSecrets = new Set<string>();
    const source = createCredentialSource(
      // The STS token rotates; the secret here does not.
      { credentialProvider: { getCredential: async () => ({ accessKeyId: 'id', accessKeySecret: 'stable-secret', securityToken: tokens[i] as string }) } },
      knownSecrets,
    );
    for (i = 0; i < tokens.length; i++) await source.get();
    expect(knownSecrets.has('stable-secret')).toBe(true);
    expect(knownSecrets.has('t-aaaa-1')).toBe(false);
    expect(knownSecrets.has('t-aaaa-4')).toBe(true);
  });

  it('rejects incomplete static keys at construction', () => {
    expect(() => createVpcBackend({ credentials: { accessKeyId: 'id', accessKeySecret: '' } })).toThrow(/accessKeySecret/);
  });
});

describe('the default chain (credential-chain.ts)', () => {
  /**
   * Every TCP connection attempted while `fn` runs, as `host:port`. None is made: each socket
   * fails before connecting, as an unreachable address would (without the wait).
   */
  async function attemptedConnections(fn: () => Promise<unknown>): Promise<string[]> {
    const attempted: string[] = [];
    const connect = jest.spyOn(Socket.prototype, 'connect').mockImplementation(function (this: Socket, ...args: unknown[]) {
      // net.createConnection passes its normalized arguments as one array.
      const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
      const options = first as TcpNetConnectOpts;
      attempted.push(`${options.host ?? ''}:${options.port}`);
      process.nextTick(() => this.destroy(new Error('connection intercepted by the test')));
      return this;
    });
    try {
      await fn();
    } finally {
      connect.mockRestore();
    }
    return attempted;
  }

  /** Nothing configured, whatever the machine's home directory holds. */
  beforeEach(() => {
    process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = 'true';
    process.env.ALIBABA_CLOUD_CREDENTIALS_FILE = '/nonexistent/alibabacloud-credentials';
  });

  const resolve = () => createCredentialSource({}, new Set()).get();

  it('ALIBABA_CLOUD_ECS_METADATA unset: the chain fails with the clear error and attempts no connection at all (no 100.100.100.200)', async () => {
    let outcome: unknown;
    const attempted = await attemptedConnections(async () => {
      outcome = await resolve().catch((e: unknown) => e);
    });
    expect(outcome).toMatchObject({ kind: 'AUTH', code: 'Credentials.Unavailable' });
    expect(attempted).toEqual([]);
  });

  it('ALIBABA_CLOUD_ECS_METADATA set to a role name: the chain asks the metadata service (intercepted here)', async () => {
    process.env.ALIBABA_CLOUD_ECS_METADATA = 'gateway-role';
    let outcome: unknown;
    const attempted = await attemptedConnections(async () => {
      outcome = await resolve().catch((e: unknown) => e);
    });
    expect(outcome).toMatchObject({ kind: 'AUTH', code: 'Credentials.Unavailable' });
    expect(attempted.length).toBeGreaterThan(0);
    expect(new Set(attempted)).toEqual(new Set(['100.100.100.200:80']));
  });

  it('a walk that found nothing pins no step: credentials configured later are found', async () => {
    const source = createCredentialSource({}, new Set());
    const attempted = await attemptedConnections(async () => {
      await expect(source.get()).rejects.toMatchObject({ code: 'Credentials.Unavailable' });
      process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = 'LTAIlater';
      process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'later-secret';
      await expect(source.get()).resolves.toEqual({ accessKeyId: 'LTAIlater', accessKeySecret: 'later-secret' });
    });
    expect(attempted).toEqual([]);
  });

  it('ALIBABA_CLOUD_ECS_METADATA set but ALIBABA_CLOUD_ECS_METADATA_DISABLED=true: no connection', async () => {
    process.env.ALIBABA_CLOUD_ECS_METADATA = 'gateway-role';
    process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
    const attempted = await attemptedConnections(() => resolve().catch(() => undefined));
    expect(attempted).toEqual([]);
  });
});
