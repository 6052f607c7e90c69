import { hostAllowed } from '../../../../src/server/plugins/host-check';
import { parseHost } from '../../../../src/shared/host-names';

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
