import { hostAllowed, parseHost } from '../../../../src/server/plugins/host-check';

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

describe('hostAllowed', () => {
  const allowed = ['api.example.com:8443', 'console.example.com'].map((entry) => parseHost(entry)!);
  const check = (host: string) => hostAllowed(parseHost(host)!, allowed);

  it('matches names, and ports when the entry has one', () => {
    expect(check('api.example.com:8443')).toBe(true);
    expect(check('api.example.com')).toBe(false);
    expect(check('console.example.com:1')).toBe(true);
    expect(check('evil.example.com')).toBe(false);
    expect(check('api.example.com.evil.example')).toBe(false);
  });

  it('lets any IP address through: a rebinding page reaches the gateway under a name only', () => {
    expect(check('203.0.113.5')).toBe(true);
    expect(check('[2001:db8::1]:80')).toBe(true);
  });
});
