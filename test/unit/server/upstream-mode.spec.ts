import { ConfigError, loadConfig, type Env } from '../../../src/server/config';
import { describeUpstreamMode, detectCredentialSource, selectUpstreamMode, type CredentialProbe } from '../../../src/server/upstream-mode';

function probe(env: Env = {}, files: string[] = []): CredentialProbe {
  return { env, fileExists: (path) => files.includes(path), homeDir: () => '/home/op' };
}

describe('detectCredentialSource (the Alibaba default chain, offline)', () => {
  it('finds nothing on a fresh machine', () => {
    expect(detectCredentialSource(probe())).toBeNull();
  });

  it.each([
    [{ ALIBABA_CLOUD_ACCESS_KEY_ID: 'id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 's' }, [], /environment variables/],
    [{ ALIBABA_CLOUD_ROLE_ARN: 'a', ALIBABA_CLOUD_OIDC_PROVIDER_ARN: 'b', ALIBABA_CLOUD_OIDC_TOKEN_FILE: '/t' }, [], /OIDC/],
    [{}, ['/home/op/.aliyun/config.json'], /CLI profile/],
    [{}, ['/home/op/.alibabacloud/credentials'], /credentials file \(\/home\/op\/\.alibabacloud\/credentials\)/],
    [{ ALIBABA_CLOUD_CREDENTIALS_FILE: '/etc/ali' }, ['/etc/ali'], /credentials file \(\/etc\/ali\)/],
    [{ ALIBABA_CLOUD_ECS_METADATA: 'my-role' }, [], /ECS RAM role/],
    [{ ALIBABA_CLOUD_CREDENTIALS_URI: 'http://127.0.0.1:1/creds' }, [], /credentials URI/],
  ])('finds %j %j', (env, files, expected) => {
    expect(detectCredentialSource(probe(env, files))).toMatch(expected);
  });

  it('needs both halves of an access key, and honours the chain switches', () => {
    expect(detectCredentialSource(probe({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'id' }))).toBeNull();
    expect(detectCredentialSource(probe({ ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true' }, ['/home/op/.aliyun/config.json']))).toBeNull();
    expect(detectCredentialSource(probe({ ALIBABA_CLOUD_ECS_METADATA: 'r', ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true' }))).toBeNull();
  });
});

describe('selectUpstreamMode', () => {
  it('auto: endpoint first, then credentials, then the embedded emulator', () => {
    expect(selectUpstreamMode(loadConfig({ VPC_ENDPOINT: 'http://127.0.0.1:9100' }), probe())).toEqual({
      kind: 'endpoint',
      endpoint: 'http://127.0.0.1:9100',
      credentialSource: 'Alibaba default credential chain',
    });
    const withKeys = probe({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 's' });
    expect(selectUpstreamMode(loadConfig({}), withKeys)).toMatchObject({ kind: 'alibaba' });
    expect(selectUpstreamMode(loadConfig({}), probe())).toEqual({ kind: 'emulator' });
  });

  it('obeys an explicit VPC_UPSTREAM_MODE', () => {
    const withKeys = probe({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 's' });
    expect(selectUpstreamMode(loadConfig({ VPC_UPSTREAM_MODE: 'emulator' }), withKeys)).toEqual({ kind: 'emulator' });
    expect(selectUpstreamMode(loadConfig({ VPC_UPSTREAM_MODE: 'alibaba' }), probe())).toEqual({
      kind: 'alibaba',
      credentialSource: 'Alibaba default credential chain',
    });
  });

  it('production: auto never falls back to the emulator; it names VPC_UPSTREAM_MODE and the credential variables', () => {
    const production = loadConfig({ NODE_ENV: 'production' });
    // An ECS RAM role without ALIBABA_CLOUD_ECS_METADATA, or a misspelt key variable, looks like this.
    const refuse = () => selectUpstreamMode(production, probe({ ALIBABA_CLOUD_ACCESS_KEY: 'id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 's' }));
    expect(refuse).toThrow(ConfigError);
    expect(refuse).toThrow(/^Invalid configuration:\n {2}VPC_UPSTREAM_MODE: NODE_ENV=production found no upstream/);
    for (const name of ['VPC_ENDPOINT', 'ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ECS_METADATA', 'ALIBABA_CLOUD_CREDENTIALS_FILE']) {
      expect(refuse).toThrow(name);
    }
    // What production still selects: whatever was found or chosen.
    const withKeys = probe({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 's' });
    expect(selectUpstreamMode(production, withKeys)).toMatchObject({ kind: 'alibaba' });
    expect(selectUpstreamMode(loadConfig({ NODE_ENV: 'production', VPC_UPSTREAM_MODE: 'emulator' }), probe())).toEqual({ kind: 'emulator' });
    expect(selectUpstreamMode(loadConfig({ NODE_ENV: 'production', VPC_ENDPOINT: 'http://127.0.0.1:9100' }), probe())).toMatchObject({
      kind: 'endpoint',
    });
  });

  it('describes each mode for the start-up banner', () => {
    expect(describeUpstreamMode({ kind: 'emulator' }, 'http://127.0.0.1:1234')).toBe('embedded emulator at http://127.0.0.1:1234');
    expect(describeUpstreamMode({ kind: 'alibaba', credentialSource: 'CLI profile' })).toBe(
      'Alibaba Cloud public endpoints (credentials: CLI profile)',
    );
  });
});
