import { isLoopbackHost, parseHost } from '../../../src/shared/host-names';

describe('parseHost', () => {
  it.each([
    ['example.com', { name: 'example.com', port: null, ip: false }],
    ['Example.COM.:8080', { name: 'example.com', port: 8080, ip: false }],
    ['my_service', { name: 'my_service', port: null, ip: false }],
    ['10.0.0.1:4000', { name: '10.0.0.1', port: 4000, ip: true }],
    ['[::1]', { name: '[::1]', port: null, ip: true }],
    ['[FE80::1]:443', { name: '[fe80::1]', port: 443, ip: true }],
    ['example.com:', { name: 'example.com', port: null, ip: false }],
  ])('reads %s', (value, parsed) => {
    expect(parseHost(value)).toEqual(parsed);
  });

  it.each(['', ' ', 'a b', '[::1', '::1', '[not-ip]', 'x/y', 'a:b:c', 'host:99999', 'host:8o', '-lead.example', 'a..b', `${'a'.repeat(64)}.example`, 'é.example'])(
    'refuses %j',
    (value) => {
      expect(parseHost(value)).toBeNull();
    },
  );
});

describe('isLoopbackHost', () => {
  it.each(['localhost', 'LocalHost', '127.0.0.1', '127.0.0.2', '127.255.255.254', '::1', '[::1]', '0:0:0:0:0:0:0:1', '[0:0:0::1]'])('%s is loopback', (name) => {
    expect(isLoopbackHost(name)).toBe(true);
  });

  it.each(['localhost.example.com', 'mylocalhost', '128.0.0.1', '10.0.0.1', '0.0.0.0', '::', '[::2]', '::ffff:127.0.0.1', '1::1', '127.0.0.1:80', '', '[::1'])(
    '%j is not',
    (name) => {
      expect(isLoopbackHost(name)).toBe(false);
    },
  );
});
