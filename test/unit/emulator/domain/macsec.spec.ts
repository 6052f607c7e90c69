/**
 * AssociateMacSecKey / DisassociateMacSecKey in the domain: the documented state rules, the
 * refusals, the CAK never leaving (responses, messages, snapshots), seeds of keys, and the keys'
 * part in TerminatePhysicalConnection.
 */
import { ApiError } from '../../../../src/emulator/api-error';
import { DEMO_ACCOUNTS, DEMO_IDS, demoSeed, parseSeed, SeedError, type Seed } from '../../../../src/emulator/domain';
import { MASKED_CAK } from '../../../../src/emulator/domain/render/physical-connection';
import { harness, HZ, T0, type Body } from './harness';

const READY = DEMO_IDS.enabledReadyToTerminate[0];
const CKN_A = 'a'.repeat(32);
const CKN_B = 'b'.repeat(32);
const CKN_C = 'c'.repeat(32);
const CAK = '0123456789abcdef'.repeat(2);
const DEMO_IN_USE = 'A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90';
const DEMO_SPARE = '0F1E2D3C4B5A69788796A5B4C3D2E1F00F1E2D3C4B5A69788796A5B4C3D2E1F0';

const associate = (params: Record<string, string> = {}) => ({
  RegionId: HZ,
  PhysicalConnectionId: READY,
  CipherSuite: 'GCM-AES-128',
  Ckn: CKN_A,
  Cak: CAK,
  ...params,
});

function keysOf(h: ReturnType<typeof harness>, id: string): Body[] {
  const circuit = h.circuit(id);
  return ((circuit?.MacsecKeys as { MacsecKey: Body[] } | undefined)?.MacsecKey ?? []).map((key) => ({ ...key }));
}

const statuses = (h: ReturnType<typeof harness>, id: string) => Object.fromEntries(keysOf(h, id).map((k) => [k.Ckn, k.Status]));

describe('AssociateMacSecKey', () => {
  it('puts a new pair in use, upper-cased, its CAK masked in DescribePhysicalConnections, and logs an untokened write', () => {
    const h = harness();
    const body = h.call('AssociateMacSecKey', associate());
    expect(Object.keys(body)).toEqual(['RequestId']);
    expect(keysOf(h, READY)).toEqual([
      { Ckn: CKN_A.toUpperCase(), CipherSuite: 'GCM-AES-128', StartOn: new Date(T0).toISOString().replace('.000', ''), Status: 'Associated', Cak: MASKED_CAK },
    ]);
    expect(JSON.stringify(h.circuit(READY))).not.toMatch(new RegExp(CAK, 'i'));
    expect(h.domain.writes?.()).toEqual([
      expect.objectContaining({ action: 'AssociateMacSecKey', resourceId: READY, clientToken: null, requestId: body.RequestId }),
    ]);
  });

  it('a second pair takes over and the first becomes Disassociated; re-associating the first swaps back', () => {
    const h = harness();
    h.call('AssociateMacSecKey', associate());
    h.advance(1000);
    h.call('AssociateMacSecKey', associate({ Ckn: CKN_B }));
    expect(statuses(h, READY)).toEqual({ [CKN_A.toUpperCase()]: 'Disassociated', [CKN_B.toUpperCase()]: 'Associated' });
    h.call('AssociateMacSecKey', associate());
    expect(statuses(h, READY)).toEqual({ [CKN_A.toUpperCase()]: 'Associated', [CKN_B.toUpperCase()]: 'Disassociated' });
  });

  it('the pair already in use with the same CAK: success, nothing changes; another CAK renegotiates it', () => {
    const h = harness();
    h.call('AssociateMacSecKey', associate());
    const before = keysOf(h, READY);
    h.advance(5000);
    h.call('AssociateMacSecKey', associate({ Ckn: CKN_A.toUpperCase(), Cak: CAK.toUpperCase() }));
    expect(keysOf(h, READY)).toEqual(before);
    h.call('AssociateMacSecKey', associate({ Cak: 'f'.repeat(32) }));
    expect(keysOf(h, READY)[0]?.StartOn).not.toBe(before[0]?.StartOn);
  });

  it('refuses a fourth pair (at most three), changing nothing', () => {
    const h = harness();
    for (const ckn of [CKN_A, CKN_B, CKN_C]) h.call('AssociateMacSecKey', associate({ Ckn: ckn }));
    const error = h.fail('AssociateMacSecKey', associate({ Ckn: 'd'.repeat(32) }));
    expect(error).toMatchObject({ httpStatus: 400, code: 'QuotaExceeded.PconnMacsec' });
    expect(keysOf(h, READY)).toHaveLength(3);
  });

  it.each<[string, Record<string, string>, string]>([
    ['an unknown suite', { CipherSuite: 'AES-CBC' }, 'IllegalParam.CipherSuite'],
    ['a CKN too short for a 256-bit suite', { CipherSuite: 'GCM-AES-256' }, 'IllegalParam.Ckn'],
    ['a CKN with a non-hex digit', { Ckn: `${'a'.repeat(31)}g` }, 'IllegalParam.Ckn'],
    ['a CAK of the wrong length', { Cak: `${CAK}00` }, 'IllegalParam.Cak'],
    ['a CAK with a non-hex digit', { Cak: `${CAK.slice(0, 31)}z` }, 'IllegalParam.Cak'],
    ['no CAK', { Cak: '' }, 'MissingParameter'],
    ['no suite', { CipherSuite: '' }, 'MissingParameter'],
  ])('refuses %s without echoing the CAK', (_why, params, code) => {
    const h = harness();
    const error = h.fail('AssociateMacSecKey', associate(params));
    expect(error).toMatchObject({ httpStatus: 400, code });
    expect(error.message).not.toMatch(/0123456789abcdef/i);
    expect(keysOf(h, READY)).toEqual([]);
    expect(h.domain.writes?.()).toEqual([]);
  });

  it.each<[string, string, string, string]>([
    ['an unknown circuit', 'pc-bp1zzzzzzzzzzzzzzzzzzz', 'ResourceNotFound.PhysicalConnectionId', DEMO_ACCOUNTS.demo],
    ["another account's circuit", DEMO_IDS.partnerHostingPort, 'ResourceNotFound.PhysicalConnectionId', DEMO_ACCOUNTS.demo],
    ['a circuit that is not Enabled', DEMO_IDS.confirmed, 'IncorrectStatus.PhysicalConnection', DEMO_ACCOUNTS.demo],
    ['a FinancialLocked circuit', DEMO_IDS.enabledFinancialLocked, 'IncorrectStatus.PhysicalConnection', DEMO_ACCOUNTS.demo],
    ['a shared circuit (no port of its own)', DEMO_IDS.tenantVpconn, 'IncorrectStatus.PhysicalConnection', DEMO_ACCOUNTS.tenant],
  ])('refuses %s', (_why, id, code, account) => {
    const error = harness().fail('AssociateMacSecKey', associate({ PhysicalConnectionId: id }), account);
    expect(error).toMatchObject({ httpStatus: 400, code });
    expect(error.message).toContain(id);
  });
});

describe('DisassociateMacSecKey', () => {
  const on = (ckn: string, id: string = DEMO_IDS.enabledWithMacsec) => ({ RegionId: HZ, PhysicalConnectionId: id, Ckn: ckn });

  it('clears the demo circuit as documented: the pair in use hands over to the most recent other, a Disassociated one is deleted', () => {
    const h = harness();
    expect(statuses(h, DEMO_IDS.enabledWithMacsec)).toEqual({ [DEMO_IN_USE]: 'Associated', [DEMO_SPARE]: 'Disassociated' });
    expect(h.fail('TerminatePhysicalConnection', on('')).code).toBe('OperationDenied.MacsecAttached');

    h.call('DisassociateMacSecKey', on(DEMO_IN_USE));
    expect(statuses(h, DEMO_IDS.enabledWithMacsec)).toEqual({ [DEMO_IN_USE]: 'Disassociated', [DEMO_SPARE]: 'Associated' });
    // Lower case works: the API upper-cases CKNs.
    h.call('DisassociateMacSecKey', on(DEMO_IN_USE.toLowerCase()));
    expect(statuses(h, DEMO_IDS.enabledWithMacsec)).toEqual({ [DEMO_SPARE]: 'Associated' });
    h.call('DisassociateMacSecKey', on(DEMO_SPARE));
    expect(statuses(h, DEMO_IDS.enabledWithMacsec)).toEqual({ [DEMO_SPARE]: 'Disassociated' });
    h.call('DisassociateMacSecKey', on(DEMO_SPARE));
    expect(keysOf(h, DEMO_IDS.enabledWithMacsec)).toEqual([]);

    expect(h.domain.writes?.().map((e) => [e.action, e.resourceId, e.clientToken])).toEqual(
      Array.from({ length: 4 }, () => ['DisassociateMacSecKey', DEMO_IDS.enabledWithMacsec, null]),
    );
    h.call('TerminatePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.enabledWithMacsec });
    expect(h.circuit(DEMO_IDS.enabledWithMacsec)?.Status).toBe('Terminating');
  });

  it.each<[string, Record<string, string>, string]>([
    ['a CKN the circuit does not have', on('C'.repeat(64)), 'ResourceNotFound.PconnMacsec'],
    ['a CKN that is not 32 or 64 hex digits', on('C'.repeat(40)), 'IllegalParam.Ckn'],
    ['no CKN', on(''), 'MissingParameter'],
    ['a circuit that is not Enabled', on(DEMO_IN_USE, DEMO_IDS.terminated), 'IncorrectStatus.PhysicalConnection'],
    ['a SecurityLocked circuit', on(DEMO_IN_USE, DEMO_IDS.enabledSecurityLocked), 'IncorrectStatus.PhysicalConnection'],
    ['an unknown circuit', on(DEMO_IN_USE, 'pc-bp1zzzzzzzzzzzzzzzzzzz'), 'ResourceNotFound.PhysicalConnectionId'],
  ])('refuses %s, changing nothing', (_why, params, code) => {
    const h = harness();
    const error = h.fail('DisassociateMacSecKey', params);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ httpStatus: 400, code });
    expect(keysOf(h, DEMO_IDS.enabledWithMacsec)).toHaveLength(2);
    expect(h.domain.writes?.()).toEqual([]);
  });

  it('only the owner may act: another account gets not found', () => {
    const error = harness().fail('DisassociateMacSecKey', on(DEMO_IN_USE), DEMO_ACCOUNTS.tenant);
    expect(error.code).toBe('ResourceNotFound.PhysicalConnectionId');
  });
});

describe('MACsec keys in seeds and snapshots', () => {
  const circuit = (keys: unknown[], extra: Record<string, unknown> = {}) => ({
    RegionId: HZ,
    PhysicalConnectionId: 'pc-bp1aaaaaaaaaaaaaaaaa',
    Status: 'Enabled',
    AccessPointId: 'ap-cn-hangzhou-yh-B',
    LineOperator: 'CT',
    MacsecKeys: keys,
    ...extra,
  });
  const key = (extra: Record<string, unknown> = {}) => ({ Ckn: CKN_A, Cak: CAK, CipherSuite: 'GCM-AES-128', Status: 'Disassociated', ...extra });
  const seedOf = (c: unknown): Seed => ({ PhysicalConnections: [c], VirtualBorderRouters: [] }) as unknown as Seed;

  it('stores CKN and CAK upper-cased', () => {
    const [parsed] = parseSeed(seedOf(circuit([key({ Status: 'Associated' })]))).PhysicalConnections;
    expect(parsed?.MacsecKeys).toEqual([{ Ckn: CKN_A.toUpperCase(), Cak: CAK.toUpperCase(), CipherSuite: 'GCM-AES-128', Status: 'Associated' }]);
  });

  it.each<[string, unknown, string]>([
    ['a CAK of the wrong length', circuit([key({ Cak: `${CAK}ff` })]), 'MacsecKeys[0].Cak must be 32 hex digits for GCM-AES-128'],
    ['a CKN for another suite', circuit([key({ CipherSuite: 'GCM-AES-XPN-256' })]), 'MacsecKeys[0].Ckn must be 64 hex digits'],
    ['an unknown status', circuit([key({ Status: 'Available' })]), 'MacsecKeys[0].Status must be one of Associated, Disassociated, AssociatedFailed'],
    ['four pairs', circuit(['1', '2', '3', '4'].map((d) => key({ Ckn: d.repeat(32) }))), 'at most 3 MacsecKeys'],
    ['a CKN twice', circuit([key(), key()]), 'duplicate MacsecKeys Ckn'],
    ['two pairs in use', circuit([key({ Status: 'Associated' }), key({ Ckn: CKN_B, Status: 'AssociatedFailed' })]), 'at most one MacsecKey may be Associated'],
    ['keys on a shared circuit', circuit([key()], { ProductType: 'VirtualPhysicalConnection' }), 'only configured on a dedicated PhysicalConnection'],
  ])('refuses %s, never quoting the CAK', (_why, entry, message) => {
    let caught: unknown;
    try {
      parseSeed(seedOf(entry));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SeedError);
    expect((caught as Error).message).toContain(message);
    expect((caught as Error).message).not.toMatch(/0123456789abcdef/i);
  });

  it('GET /_emulator/state carries no CAK, and a saved state loads again', () => {
    const h = harness();
    h.call('AssociateMacSecKey', associate());
    const snapshot = h.domain.snapshot();
    const cakPattern = new RegExp(`${CAK}|${demoSeed().PhysicalConnections.flatMap((c) => c.MacsecKeys ?? []).map((k) => k.Cak).join('|')}`, 'i');
    expect(JSON.stringify(snapshot)).not.toMatch(cakPattern);
    const saved = snapshot.PhysicalConnections.find((c) => c.PhysicalConnectionId === READY)?.MacsecKeys;
    expect(saved).toEqual([{ Ckn: CKN_A.toUpperCase(), CipherSuite: 'GCM-AES-128', StartOn: expect.any(String), Status: 'Associated' }]);
    expect(() => h.domain.reset(snapshot)).not.toThrow();
  });
});
