import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig, missingTokenBinding, SETTINGS } from '../../../src/server/config';
import { configProblems } from '../../support/config-problems';

describe('loadConfig', () => {
  it('has working defaults for a fresh clone', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      production: false,
      host: '127.0.0.1',
      port: 4000,
      logLevel: 'info',
      upstream: { mode: 'auto', endpoint: null, defaultRegionId: 'cn-hangzhou', signatureVersion: 'v3', timeouts: {}, retry: {} },
      auth: { mode: null, jwtSecret: null, jwksUrl: null, issuer: null, audience: null, clockToleranceSec: 5 },
      http: { bodyLimitBytes: 102_400, corsOrigins: [], trustProxy: false, requestTimeoutMs: 30_000 },
      introspection: null,
      playground: null,
      debugErrors: false,
      limits: { maxDepth: 10, maxAliases: 15, maxTokens: 2000, maxDirectives: 20, maxRepeatedFields: 5, maxCost: 5000, maxMutationFields: 1 },
      shutdown: { timeoutMs: 10_000, drainDelayMs: 0 },
      trustedDocuments: { manifests: [], only: false },
    });
    expect(config.upstream).not.toHaveProperty('connectionsPerOrigin');
  });

  it('reads every data-source setting it passes through', () => {
    const config = loadConfig({
      VPC_ENDPOINT: 'http://127.0.0.1:9100',
      VPC_SIGNATURE_VERSION: 'v1',
      VPC_CONNECTIONS_PER_ORIGIN: '8',
      VPC_CONNECT_TIMEOUT_MS: '1000',
      VPC_HEADERS_TIMEOUT_MS: '2000',
      VPC_BODY_TIMEOUT_MS: '3000',
      VPC_TOTAL_TIMEOUT_MS: '4000',
      VPC_RETRY_MAX_ATTEMPTS: '2',
      VPC_RETRY_BASE_DELAY_MS: '10',
      VPC_RETRY_MAX_DELAY_MS: '20',
      VPC_RETRY_BUDGET_MS: '30',
      VPC_USER_AGENT: 'console/1.0',
      VPC_DEFAULT_REGION: 'ap-southeast-1',
      VPC_READ_COALESCING: 'false',
      VPC_READ_CACHE_TTL_MS: '1500',
      VPC_READ_CACHE_MAX_ENTRIES: '64',
      VPC_UPSTREAM_QUOTA: '20/2',
    });
    expect(config.upstream).toEqual({
      mode: 'auto',
      endpoint: 'http://127.0.0.1:9100',
      defaultRegionId: 'ap-southeast-1',
      signatureVersion: 'v1',
      connectionsPerOrigin: 8,
      userAgent: 'console/1.0',
      timeouts: { connectMs: 1000, headersMs: 2000, bodyMs: 3000, totalMs: 4000 },
      retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20, budgetMs: 30 },
      readSharing: { coalesce: false, cacheTtlMs: 1500, cacheMaxEntries: 64 },
      quota: { calls: 20, windowMs: 2_000 },
    });
  });

  it('budgets 300 calls per 60 s per region and action unless told otherwise', () => {
    expect(loadConfig({}).upstream.quota).toEqual({ calls: 300, windowMs: 60_000 });
    expect(loadConfig({ VPC_UPSTREAM_QUOTA: 'off' }).upstream.quota).toBe('off');
    expect(configProblems({ VPC_UPSTREAM_QUOTA: '300/minute' })).toEqual({
      VPC_UPSTREAM_QUOTA: 'must be <calls>/<seconds> such as 300/60 (calls 1 to 1000000, seconds 1 to 86400), or off',
    });
  });

  it('passes VPC_EMULATOR_FLOW_CONTROL to the embedded emulator only when set', () => {
    expect(loadConfig({}).emulator.flowControl).toBeUndefined();
    expect(loadConfig({ VPC_EMULATOR_FLOW_CONTROL: '20/2' }).emulator.flowControl).toEqual({ calls: 20, windowMs: 2_000 });
    expect(loadConfig({ VPC_EMULATOR_FLOW_CONTROL: 'off' }).emulator.flowControl).toBe('off');
  });

  it('takes a redis:// or rediss:// GATEWAY_REDIS_URL, and never echoes it', () => {
    expect(loadConfig({}).cluster).toEqual({ redisUrl: null });
    expect(loadConfig({ GATEWAY_REDIS_URL: ' rediss://gw:pa55@cache.internal:6380/2 ' }).cluster).toEqual({
      redisUrl: 'rediss://gw:pa55@cache.internal:6380/2',
    });
    for (const bad of ['http://cache:6379', 'redis://', 'redis://:pa55@cache:6379/?family=6', 'redis://cache/db', 'cache:6379', 'redis://:pa55@cache#x']) {
      const problems = configProblems({ GATEWAY_REDIS_URL: bad });
      expect(problems).toEqual({ GATEWAY_REDIS_URL: 'must be redis://[user:password@]host[:port][/db] or rediss://... (TLS), without query parameters' });
      expect(JSON.stringify(problems)).not.toContain('pa55');
    }
  });

  it('refuses a quota too small to share through Redis', () => {
    expect(configProblems({ GATEWAY_REDIS_URL: 'redis://127.0.0.1:6379', VPC_UPSTREAM_QUOTA: '2/60' })).toEqual({
      VPC_UPSTREAM_QUOTA: 'with GATEWAY_REDIS_URL the quota must allow at least 3 calls per window',
    });
    expect(loadConfig({ GATEWAY_REDIS_URL: 'redis://127.0.0.1:6379', VPC_UPSTREAM_QUOTA: '3/1' }).upstream.quota).toEqual({ calls: 3, windowMs: 1_000 });
    expect(loadConfig({ VPC_UPSTREAM_QUOTA: '1/60' }).upstream.quota).toEqual({ calls: 1, windowMs: 60_000 });
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ PORT: '', HOST: '  ' })).toMatchObject({ port: 4000, host: '127.0.0.1' });
  });

  it('names every invalid variable at once', () => {
    expect(
      configProblems({
        PORT: '70000',
        HOST: 'evil.com/path',
        LOG_LEVEL: 'loud',
        VPC_DEFAULT_REGION: 'cn_hangzhou',
        VPC_ENDPOINT: 'ftp://x',
        GATEWAY_INTROSPECTION: 'maybe',
        GATEWAY_CORS_ORIGINS: 'https://ok.example.com, https://bad.example.com/path',
      }),
    ).toEqual({
      PORT: 'must be an integer from 0 to 65535',
      HOST: 'must be a host name or an IP address',
      LOG_LEVEL: 'must be one of fatal, error, warn, info, debug, trace, silent',
      VPC_DEFAULT_REGION: 'must be a region id such as cn-hangzhou',
      VPC_ENDPOINT: expect.stringMatching(/http or https/),
      GATEWAY_INTROSPECTION: 'must be true or false',
      GATEWAY_CORS_ORIGINS: 'must be origins like https://console.example.com (no path), or *',
    });
  });

  it.each(['https://LTAIkey:Secret@vpc example.com', 'LTAIkey:Secret@vpc example.com', 'https://LTAIkey:Secret@vpc.example.com'])(
    'never quotes an unparsable or refused VPC_ENDPOINT (%s): it may carry a key and secret',
    (value) => {
      let message = '';
      try {
        loadConfig({ VPC_ENDPOINT: value });
      } catch (error) {
        message = error instanceof ConfigError ? error.message : '';
      }
      expect(message).toMatch(/VPC_ENDPOINT: VPC endpoint/);
      expect(message).not.toMatch(/LTAIkey|Secret/);
    },
  );

  it('checks VPC_DEFAULT_REGION by the data source\'s region rule, its length bound included', () => {
    const longest = `cn-${'a'.repeat(61)}`;
    expect(loadConfig({ VPC_DEFAULT_REGION: longest }).upstream.defaultRegionId).toBe(longest);
    expect(configProblems({ VPC_DEFAULT_REGION: `${longest}b` })).toEqual({ VPC_DEFAULT_REGION: 'must be a region id such as cn-hangzhou' });
  });

  it('bounds the request timeout and the repeated-field limit', () => {
    expect(loadConfig({ GATEWAY_REQUEST_TIMEOUT_MS: '2500', GATEWAY_MAX_REPEATED_FIELDS: '3' })).toMatchObject({
      http: { requestTimeoutMs: 2500 },
      limits: { maxRepeatedFields: 3 },
    });
    expect(configProblems({ GATEWAY_REQUEST_TIMEOUT_MS: '0', GATEWAY_MAX_REPEATED_FIELDS: '0' })).toEqual({
      GATEWAY_REQUEST_TIMEOUT_MS: 'must be an integer from 100 to 600000',
      GATEWAY_MAX_REPEATED_FIELDS: 'must be an integer from 1 to 1000',
    });
    expect(configProblems({ GATEWAY_REQUEST_TIMEOUT_MS: '600001' })).toEqual({
      GATEWAY_REQUEST_TIMEOUT_MS: 'must be an integer from 100 to 600000',
    });
  });

  it('checks the JWT settings together, and never echoes the secret', () => {
    expect(configProblems({ GATEWAY_AUTH_MODE: 'jwt' })).toEqual({
      GATEWAY_JWT_SECRET: 'GATEWAY_AUTH_MODE=jwt needs GATEWAY_JWT_SECRET or GATEWAY_JWKS_URL',
    });
    const weak = configProblems({ GATEWAY_AUTH_MODE: 'jwt', GATEWAY_JWT_SECRET: 'hunter2' });
    expect(weak).toEqual({ GATEWAY_JWT_SECRET: 'must be at least 32 bytes' });
    expect(JSON.stringify(weak)).not.toContain('hunter2');
    expect(configProblems({ GATEWAY_JWT_SECRET: 'x'.repeat(32), GATEWAY_JWKS_URL: 'https://idp.example.com/jwks' })).toEqual({
      GATEWAY_JWKS_URL: 'set GATEWAY_JWT_SECRET or GATEWAY_JWKS_URL, not both',
    });
    expect(configProblems({ GATEWAY_JWKS_URL: 'http://idp.example.com/jwks' })).toEqual({
      GATEWAY_JWKS_URL: 'must use https (plain http is accepted for loopback hosts only)',
    });
    expect(loadConfig({ GATEWAY_JWKS_URL: 'http://127.0.0.1:8080/jwks' }).auth.jwksUrl).toBe('http://127.0.0.1:8080/jwks');
  });

  it('accepts plain http for a JWKS URL on every loopback host, and only there', () => {
    for (const url of ['http://127.0.0.2:8080/jwks', 'http://[::1]:8080/jwks', 'http://LOCALHOST/jwks']) {
      expect(loadConfig({ GATEWAY_JWKS_URL: url }).auth.jwksUrl).toBe(url);
    }
    for (const url of ['http://localhost.example.com/jwks', 'http://128.0.0.1/jwks', 'http://[::2]/jwks']) {
      expect(configProblems({ GATEWAY_JWKS_URL: url })).toEqual({
        GATEWAY_JWKS_URL: 'must use https (plain http is accepted for loopback hosts only)',
      });
    }
  });

  it('in production, key-set mode needs an issuer and an audience (a token for another application would pass)', () => {
    const jwks = { NODE_ENV: 'production', GATEWAY_AUTH_MODE: 'jwt', GATEWAY_JWKS_URL: 'https://idp.example.com/jwks' };
    const message = 'required in production with GATEWAY_JWKS_URL: without it, tokens the identity provider issued for other applications are accepted';
    expect(configProblems(jwks)).toEqual({ GATEWAY_JWT_ISSUER: message, GATEWAY_JWT_AUDIENCE: message });
    expect(configProblems({ ...jwks, GATEWAY_JWT_ISSUER: 'https://idp.example.com' })).toEqual({ GATEWAY_JWT_AUDIENCE: message });
    expect(loadConfig({ ...jwks, GATEWAY_JWT_ISSUER: 'https://idp.example.com', GATEWAY_JWT_AUDIENCE: 'vpc-gateway' }).auth).toMatchObject({
      jwksUrl: 'https://idp.example.com/jwks',
      jwksTimeoutMs: 5_000,
    });
    // Outside production it starts (with a warning, gateway.ts); a shared HS256 secret binds tokens by itself.
    expect(missingTokenBinding(loadConfig({ ...jwks, NODE_ENV: 'development' }).auth)).toEqual(['GATEWAY_JWT_ISSUER', 'GATEWAY_JWT_AUDIENCE']);
    expect(loadConfig({ NODE_ENV: 'production', GATEWAY_AUTH_MODE: 'jwt', GATEWAY_JWT_SECRET: 'x'.repeat(32) }).auth.issuer).toBeNull();
    expect(configProblems({ GATEWAY_JWKS_TIMEOUT_MS: '50' })).toEqual({ GATEWAY_JWKS_TIMEOUT_MS: 'must be an integer from 100 to 60000' });
  });

  it('defaults the Host allowlist to localhost on loopback, and to no check elsewhere', () => {
    const localhost = [{ name: 'localhost', port: null, ip: false }];
    expect(loadConfig({}).http.allowedHosts).toEqual(localhost);
    expect(loadConfig({ HOST: '::1' }).http.allowedHosts).toEqual(localhost);
    expect(loadConfig({ HOST: '127.0.0.2' }).http.allowedHosts).toEqual(localhost);
    expect(loadConfig({ HOST: '0.0.0.0' }).http.allowedHosts).toBeNull();
    expect(loadConfig({ HOST: '0.0.0.0', GATEWAY_ALLOWED_HOSTS: '*' }).http.allowedHosts).toBe('*');
    expect(loadConfig({ GATEWAY_ALLOWED_HOSTS: 'API.example.com:8443, [::1]' }).http.allowedHosts).toEqual([
      { name: 'api.example.com', port: 8443, ip: false },
      { name: '[::1]', port: null, ip: true },
    ]);
    const message = 'must be host names like api.example.com or api.example.com:443, comma-separated, or *';
    for (const bad of ['https://api.example.com', 'api.example.com/x', '*, api.example.com', ',', 'a b']) {
      expect(configProblems({ GATEWAY_ALLOWED_HOSTS: bad })).toEqual({ GATEWAY_ALLOWED_HOSTS: message });
    }
  });

  it('reads GATEWAY_TRUST_PROXY as true/false or proxy addresses, never a hop count', () => {
    expect(loadConfig({ GATEWAY_TRUST_PROXY: 'true' }).http.trustProxy).toBe(true);
    expect(loadConfig({ GATEWAY_TRUST_PROXY: 'False' }).http.trustProxy).toBe(false);
    expect(loadConfig({ GATEWAY_TRUST_PROXY: '10.0.0.0/8, 192.168.1.4, fd00::/8, loopback' }).http.trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.4',
      'fd00::/8',
      'loopback',
    ]);
    const message = "must be true, false, or the proxies' addresses or CIDR ranges, comma-separated (not a hop count: it cannot tell a proxy from a client)";
    for (const bad of ['yes', 'off', '10.0.0.0/33', '10.0.0.0/0', 'proxy.example.com', '10.0.0.1/8/9', 'fd00::/129']) {
      expect(configProblems({ GATEWAY_TRUST_PROXY: bad })).toEqual({ GATEWAY_TRUST_PROXY: message });
    }
  });

  it('refuses a hop count for GATEWAY_TRUST_PROXY, 1 included (it would otherwise read as "trust every peer")', () => {
    const message =
      "takes no hop count (Fastify cannot tell a proxy from a client): set the proxies' addresses or CIDR ranges (10.0.0.0/8), or true to trust every peer";
    for (const hops of ['1', '0', '2', ' 1 ']) {
      expect(configProblems({ GATEWAY_TRUST_PROXY: hops })).toEqual({ GATEWAY_TRUST_PROXY: message });
    }
  });

  it('reads audiences and origins as comma-separated lists', () => {
    const config = loadConfig({ GATEWAY_JWT_AUDIENCE: 'a, b ,', GATEWAY_CORS_ORIGINS: 'https://x.example.com,http://127.0.0.1:3000' });
    expect(config.auth.audience).toEqual(['a', 'b']);
    expect(config.http.corsOrigins).toEqual(['https://x.example.com', 'http://127.0.0.1:3000']);
  });

  it('cross-checks retry delays and the endpoint mode', () => {
    expect(configProblems({ VPC_RETRY_BASE_DELAY_MS: '500', VPC_RETRY_MAX_DELAY_MS: '100' })).toEqual({
      VPC_RETRY_MAX_DELAY_MS: 'must be >= VPC_RETRY_BASE_DELAY_MS',
    });
    expect(configProblems({ VPC_UPSTREAM_MODE: 'endpoint' })).toEqual({ VPC_ENDPOINT: 'VPC_UPSTREAM_MODE=endpoint needs VPC_ENDPOINT' });
  });

  it('cross-checks one retry delay set alone against the data source\'s default for the other', () => {
    expect(configProblems({ VPC_RETRY_BASE_DELAY_MS: '5000' })).toEqual({
      VPC_RETRY_BASE_DELAY_MS: 'must be <= VPC_RETRY_MAX_DELAY_MS (default 3000)',
    });
    expect(configProblems({ VPC_RETRY_MAX_DELAY_MS: '100' })).toEqual({
      VPC_RETRY_MAX_DELAY_MS: 'must be >= VPC_RETRY_BASE_DELAY_MS (default 200)',
    });
    expect(loadConfig({ VPC_RETRY_BASE_DELAY_MS: '3000' }).upstream.retry).toEqual({ baseDelayMs: 3000 });
    expect(loadConfig({ VPC_RETRY_MAX_DELAY_MS: '200' }).upstream.retry).toEqual({ maxDelayMs: 200 });
  });

  it('reports one problem per variable: an invalid value is not also reported as missing', () => {
    expect(() => loadConfig({ VPC_UPSTREAM_MODE: 'endpoint', VPC_ENDPOINT: 'ftp://x' })).toThrow(
      expect.objectContaining({ problems: [{ variable: 'VPC_ENDPOINT', message: expect.stringMatching(/http or https/) }] }),
    );
    expect(() => loadConfig({ GATEWAY_AUTH_MODE: 'jwt', GATEWAY_JWT_SECRET: 'short' })).toThrow(
      expect.objectContaining({ problems: [{ variable: 'GATEWAY_JWT_SECRET', message: 'must be at least 32 bytes' }] }),
    );
  });

  it('bounds the data-source variables by the data source\'s own rules', () => {
    expect(configProblems({ VPC_CONNECT_TIMEOUT_MS: '3600001', VPC_RETRY_MAX_ATTEMPTS: '21', VPC_CONNECTIONS_PER_ORIGIN: '0', VPC_SIGNATURE_VERSION: 'v2', VPC_USER_AGENT: 'x'.repeat(129) })).toEqual({
      VPC_CONNECT_TIMEOUT_MS: 'must be an integer from 1 to 3600000',
      VPC_RETRY_MAX_ATTEMPTS: 'must be an integer from 1 to 20',
      VPC_CONNECTIONS_PER_ORIGIN: 'must be an integer from 1 to 4096',
      VPC_SIGNATURE_VERSION: 'must be one of v3, v1',
      VPC_USER_AGENT: 'must be 1..128 printable ASCII characters',
    });
  });

  it('passes on only the upstream and embedded-emulator values that were set, bounded as the standalone emulator bounds them', () => {
    expect(loadConfig({ VPC_EMULATOR_TRANSITION_MS: '0', VPC_EMULATOR_SEED: ' seed.json ' }).emulator).toEqual({ transitionMs: 0, seedPath: 'seed.json' });
    expect(loadConfig({}).emulator).toEqual({});
    expect(configProblems({ VPC_EMULATOR_TRANSITION_MS: '86400001' })).toEqual({ VPC_EMULATOR_TRANSITION_MS: 'must be an integer from 0 to 86400000' });
  });

  it('leaves introspection and the playground null unless set: the upstream decides (posture.ts)', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ production: true, introspection: null, playground: null, debugErrors: false });
    expect(loadConfig({ NODE_ENV: 'production', GATEWAY_INTROSPECTION: 'true', GATEWAY_PLAYGROUND: '1' })).toMatchObject({
      introspection: true,
      playground: true,
    });
    expect(loadConfig({ GATEWAY_PLAYGROUND: 'off' }).playground).toBe(false);
  });

  it('reads the trusted-documents manifests as a comma-separated list; _ONLY needs one, in every mode', () => {
    expect(loadConfig({ GATEWAY_TRUSTED_DOCUMENTS: 'console.json, /etc/gateway/ops app.json', GATEWAY_TRUSTED_DOCUMENTS_ONLY: 'yes' }).trustedDocuments).toEqual({
      manifests: ['console.json', '/etc/gateway/ops app.json'],
      only: true,
    });
    const message = 'needs GATEWAY_TRUSTED_DOCUMENTS (the manifest files): without one every request would be refused';
    expect(configProblems({ GATEWAY_TRUSTED_DOCUMENTS_ONLY: 'true' })).toEqual({ GATEWAY_TRUSTED_DOCUMENTS_ONLY: message });
    expect(configProblems({ NODE_ENV: 'production', GATEWAY_TRUSTED_DOCUMENTS_ONLY: 'true', GATEWAY_TRUSTED_DOCUMENTS: ' , ' })).toEqual({
      GATEWAY_TRUSTED_DOCUMENTS_ONLY: message,
    });
    expect(configProblems({ GATEWAY_TRUSTED_DOCUMENTS_ONLY: 'sometimes' })).toEqual({ GATEWAY_TRUSTED_DOCUMENTS_ONLY: 'must be true or false' });
  });

  it('accepts GATEWAY_DEBUG_ERRORS outside production only', () => {
    expect(loadConfig({ GATEWAY_DEBUG_ERRORS: 'true' }).debugErrors).toBe(true);
    expect(configProblems({ NODE_ENV: 'production', GATEWAY_DEBUG_ERRORS: 'true' })).toEqual({
      GATEWAY_DEBUG_ERRORS: expect.stringMatching(/^refused with NODE_ENV=production/),
    });
    expect(loadConfig({ NODE_ENV: 'production', GATEWAY_DEBUG_ERRORS: 'false' }).debugErrors).toBe(false);
  });
});

describe('README.md (Configuration)', () => {
  it('documents every variable the gateway reads', () => {
    const docs = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    const missing = Object.keys(SETTINGS).filter((name) => !docs.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
