/**
 * What an unset auth mode, introspection, playground and hint setting become once the upstream is
 * known: development conveniences only in front of the embedded emulator outside production.
 */
import { ConfigError, loadConfig } from '../../../src/server/config';
import { finalizeAuthMode, finalizePosture } from '../../../src/server/posture';

describe('finalizeAuthMode', () => {
  const config = loadConfig({});

  it('defaults to none only in front of the embedded emulator outside production', () => {
    expect(finalizeAuthMode(config, 'emulator')).toBe('none');
    expect(() => finalizeAuthMode(config, 'alibaba')).toThrow(/GATEWAY_AUTH_MODE: required with a real upstream \(alibaba\)/);
    expect(() => finalizeAuthMode(config, 'endpoint')).toThrow(ConfigError);
  });

  it('in production, requires a choice even in front of the embedded emulator', () => {
    expect(() => finalizeAuthMode(loadConfig({ NODE_ENV: 'production' }), 'emulator')).toThrow(
      /GATEWAY_AUTH_MODE: required with NODE_ENV=production, the embedded emulator included/,
    );
    expect(finalizeAuthMode(loadConfig({ NODE_ENV: 'production', GATEWAY_AUTH_MODE: 'none' }), 'emulator')).toBe('none');
  });

  it('keeps an explicit choice, none included', () => {
    expect(finalizeAuthMode(loadConfig({ GATEWAY_AUTH_MODE: 'none' }), 'alibaba')).toBe('none');
    expect(finalizeAuthMode({ ...config, auth: { ...config.auth, mode: 'jwt' } }, 'emulator')).toBe('jwt');
  });
});

describe('finalizePosture', () => {
  const safe = { introspection: false, playground: false, schemaHints: false, stackTraces: false, playgroundFreeText: false };

  it('development conveniences, without stack traces, only on the embedded emulator outside production', () => {
    expect(finalizePosture(loadConfig({}), 'emulator')).toEqual({
      introspection: true,
      playground: true,
      schemaHints: true,
      stackTraces: false,
      playgroundFreeText: true,
    });
  });

  it.each([
    ['a real upstream without NODE_ENV (alibaba)', {}, 'alibaba'],
    ['a real upstream without NODE_ENV (endpoint)', {}, 'endpoint'],
    ['NODE_ENV=development in front of a real upstream', { NODE_ENV: 'development' }, 'endpoint'],
    ['NODE_ENV=production on the embedded emulator', { NODE_ENV: 'production' }, 'emulator'],
  ] as const)('safe defaults with %s', (_what, env, upstream) => {
    expect(finalizePosture(loadConfig(env), upstream)).toEqual(safe);
  });

  it('each convenience can be switched on explicitly; hints follow introspection', () => {
    expect(finalizePosture(loadConfig({ GATEWAY_INTROSPECTION: 'true' }), 'alibaba')).toEqual({
      ...safe,
      introspection: true,
      schemaHints: true,
    });
    expect(finalizePosture(loadConfig({ NODE_ENV: 'production', GATEWAY_PLAYGROUND: 'true' }), 'endpoint')).toEqual({
      ...safe,
      playground: true,
    });
    expect(finalizePosture(loadConfig({ GATEWAY_DEBUG_ERRORS: 'true' }), 'endpoint')).toEqual({ ...safe, stackTraces: true });
  });

  it('and switched off on the emulator', () => {
    expect(finalizePosture(loadConfig({ GATEWAY_INTROSPECTION: 'false', GATEWAY_PLAYGROUND: 'false' }), 'emulator')).toEqual(safe);
  });

  it('lets the playground send query text under GATEWAY_TRUSTED_DOCUMENTS_ONLY only on the embedded emulator outside production', () => {
    const only = { GATEWAY_TRUSTED_DOCUMENTS: 'm.json', GATEWAY_TRUSTED_DOCUMENTS_ONLY: 'true', GATEWAY_PLAYGROUND: 'true' };
    expect(finalizePosture(loadConfig(only), 'emulator').playgroundFreeText).toBe(true);
    expect(finalizePosture(loadConfig({ ...only, NODE_ENV: 'production' }), 'emulator').playgroundFreeText).toBe(false);
    expect(finalizePosture(loadConfig(only), 'endpoint').playgroundFreeText).toBe(false);
    expect(finalizePosture(loadConfig({ ...only, GATEWAY_PLAYGROUND: 'false' }), 'emulator').playgroundFreeText).toBe(false);
  });
});
