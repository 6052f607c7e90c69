import { ConfigError, loadConfig, toEmulatorOptions } from '../../../src/emulator/config';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      host: '127.0.0.1',
      port: 9100,
      accessKeyId: 'LTAIEmulatorAccessKey',
      accessKeySecret: 'EmulatorAccessKeySecret',
      sts: { accessKeyId: 'STS.EmulatorAccessKey', accessKeySecret: 'EmulatorStsAccessKeySecret', securityToken: 'EmulatorSecurityToken' },
      transitionMs: 5000,
      flowControl: { calls: 300, windowMs: 60_000 },
    });
  });

  it('turns flow control off with VPC_EMULATOR_FLOW_CONTROL=off', () => {
    expect(loadConfig({ VPC_EMULATOR_FLOW_CONTROL: 'off' }).flowControl).toBe('off');
    expect(toEmulatorOptions(loadConfig({ VPC_EMULATOR_FLOW_CONTROL: 'off' })).flowControl).toBe('off');
  });

  it('reads every variable', () => {
    const config = loadConfig({
      VPC_EMULATOR_HOST: '0.0.0.0',
      VPC_EMULATOR_PORT: '0',
      VPC_EMULATOR_ACCESS_KEY_ID: 'LTAIcustom',
      VPC_EMULATOR_ACCESS_KEY_SECRET: 's3cr3t!',
      VPC_EMULATOR_SEED: '/tmp/seed.json',
      VPC_EMULATOR_TRANSITION_MS: '250',
      VPC_EMULATOR_STS_ACCESS_KEY_ID: 'STS.custom',
      VPC_EMULATOR_STS_ACCESS_KEY_SECRET: 'sts-s3cr3t',
      VPC_EMULATOR_SECURITY_TOKEN: 'CAIS+token/=',
      VPC_EMULATOR_FLOW_CONTROL: '20/2',
    });
    const sts = { accessKeyId: 'STS.custom', accessKeySecret: 'sts-s3cr3t', securityToken: 'CAIS+token/=' };
    expect(config).toEqual({
      host: '0.0.0.0',
      port: 0,
      accessKeyId: 'LTAIcustom',
      accessKeySecret: 's3cr3t!',
      sts,
      seedPath: '/tmp/seed.json',
      transitionMs: 250,
      flowControl: { calls: 20, windowMs: 2_000 },
    });
    expect(toEmulatorOptions(config)).toEqual({
      host: '0.0.0.0',
      port: 0,
      transitionMs: 250,
      flowControl: { calls: 20, windowMs: 2_000 },
      seed: '/tmp/seed.json',
      accessKeys: [
        { accessKeyId: 'LTAIcustom', accessKeySecret: 's3cr3t!', accountId: '1688000000000001' },
        { ...sts, accountId: '1688000000000001' },
      ],
    });
  });

  it.each([
    ['VPC_EMULATOR_PORT', '65536'],
    ['VPC_EMULATOR_PORT', 'http'],
    ['VPC_EMULATOR_PORT', '-1'],
    ['VPC_EMULATOR_TRANSITION_MS', '1.5'],
    ['VPC_EMULATOR_HOST', 'bad host/'],
    ['VPC_EMULATOR_ACCESS_KEY_ID', 'has space'],
    ['VPC_EMULATOR_ACCESS_KEY_SECRET', 'tab\there'],
    ['VPC_EMULATOR_ACCESS_KEY_SECRET', 'x'.repeat(257)],
    ['VPC_EMULATOR_STS_ACCESS_KEY_ID', 'has space'],
    ['VPC_EMULATOR_STS_ACCESS_KEY_ID', 'LTAIEmulatorAccessKey'],
    ['VPC_EMULATOR_STS_ACCESS_KEY_SECRET', 'new\nline'],
    ['VPC_EMULATOR_SECURITY_TOKEN', 'x'.repeat(8193)],
    ['VPC_EMULATOR_SECURITY_TOKEN', 'tok en'],
    ['VPC_EMULATOR_FLOW_CONTROL', '300'],
    ['VPC_EMULATOR_FLOW_CONTROL', '0/60'],
  ])('refuses %s=%j naming the variable', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(name);
    expect((error as ConfigError).message.startsWith(`${name}:`)).toBe(true);
  });

  it('quotes a refused port, host or duration, as the README shows', () => {
    expect(() => loadConfig({ VPC_EMULATOR_PORT: ' http ' })).toThrow('VPC_EMULATOR_PORT: must be an integer from 0 to 65535, got "http"');
    expect(() => loadConfig({ VPC_EMULATOR_HOST: 'bad host/' })).toThrow('VPC_EMULATOR_HOST: must be a host name or an IP address, got "bad host/"');
    expect(() => loadConfig({ VPC_EMULATOR_TRANSITION_MS: '1.5' })).toThrow('VPC_EMULATOR_TRANSITION_MS: must be an integer from 0 to 86400000, got "1.5"');
    expect(() => loadConfig({ VPC_EMULATOR_FLOW_CONTROL: '300 per minute' })).toThrow(
      'VPC_EMULATOR_FLOW_CONTROL: must be <calls>/<seconds> such as 300/60 (calls 1 to 1000000, seconds 1 to 86400), or off, got "300 per minute"',
    );
  });

  it('treats an empty or blank value as unset, keys included', () => {
    expect(loadConfig({ VPC_EMULATOR_PORT: '', VPC_EMULATOR_HOST: '  ', VPC_EMULATOR_ACCESS_KEY_SECRET: ' ', VPC_EMULATOR_SEED: '' })).toEqual(loadConfig({}));
  });

  it('takes a security token of a real STS token\'s length (thousands of characters)', () => {
    const token = 'A'.repeat(8192);
    expect(loadConfig({ VPC_EMULATOR_SECURITY_TOKEN: token }).sts?.securityToken).toBe(token);
  });

  it('drops the public STS pair when a private main pair is configured without any STS variable', () => {
    const config = loadConfig({ VPC_EMULATOR_ACCESS_KEY_ID: 'LTAIprivate', VPC_EMULATOR_ACCESS_KEY_SECRET: 'private-secret' });
    expect(config.sts).toBeNull();
    expect(toEmulatorOptions(config).accessKeys).toEqual([
      { accessKeyId: 'LTAIprivate', accessKeySecret: 'private-secret', accountId: '1688000000000001' },
    ]);
    // Asking for STS explicitly keeps it.
    const withSts = loadConfig({ VPC_EMULATOR_ACCESS_KEY_SECRET: 'private-secret', VPC_EMULATOR_SECURITY_TOKEN: 'tok' });
    expect(withSts.sts).toEqual({ accessKeyId: 'STS.EmulatorAccessKey', accessKeySecret: 'EmulatorStsAccessKeySecret', securityToken: 'tok' });
  });

  it('names the variable the operator set when the two key ids clash', () => {
    expect(() => loadConfig({ VPC_EMULATOR_ACCESS_KEY_ID: 'STS.EmulatorAccessKey', VPC_EMULATOR_SECURITY_TOKEN: 'tok' })).toThrow(
      expect.objectContaining({ variable: 'VPC_EMULATOR_ACCESS_KEY_ID' }),
    );
  });

  it('never puts a rejected secret or token into the message', () => {
    expect(() => loadConfig({ VPC_EMULATOR_SECURITY_TOKEN: 'secret token value' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret token value') }),
    );
    expect(() => loadConfig({ VPC_EMULATOR_ACCESS_KEY_SECRET: 'very secret value' })).toThrow(
      expect.objectContaining({ message: 'VPC_EMULATOR_ACCESS_KEY_SECRET: must be 1-256 printable ASCII characters without spaces' }),
    );
  });
});
