import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_ACCOUNT_ID,
  DEMO_ACCOUNTS,
  DEMO_IDS,
  DEMO_TRANSITION_AFTER_MS,
  demoSeed,
  generateSeed,
  loadSeedFile,
  parseSeed,
  SeedError,
  type Seed,
} from '../../../../src/emulator/domain';

const circuit = (extra: Record<string, unknown> = {}) => ({
  RegionId: 'cn-hangzhou',
  PhysicalConnectionId: 'pc-bp1aaaaaaaaaaaaaaaaa',
  Status: 'Enabled',
  AccessPointId: 'ap-cn-hangzhou-yh-B',
  LineOperator: 'CT',
  ...extra,
});
const vbr = (extra: Record<string, unknown> = {}) => ({
  RegionId: 'cn-hangzhou',
  VbrId: 'vbr-bp1aaaaaaaaaaaaaaaaa',
  PhysicalConnectionId: 'pc-bp1aaaaaaaaaaaaaaaaa',
  Status: 'active',
  VlanId: 10,
  ...extra,
});
const seedOf = (circuits: unknown[], vbrs: unknown[] = []) => ({ PhysicalConnections: circuits, VirtualBorderRouters: vbrs });

describe('parseSeed', () => {
  it('accepts a minimal seed and fills the defaults', () => {
    const seed = parseSeed(seedOf([circuit()], [vbr()]));
    expect(seed.PhysicalConnections[0]).toMatchObject({
      OwnerId: DEFAULT_ACCOUNT_ID,
      BusinessStatus: 'Normal',
      ProductType: 'PhysicalConnection',
      Type: 'VPC',
      Tags: [],
      MacsecKeys: [],
    });
    expect(seed.VirtualBorderRouters[0]).toMatchObject({ OwnerId: DEFAULT_ACCOUNT_ID, Type: 'pconnVBR', Tags: [], AssociatedCens: [] });
    expect(seed.Regions.map((r) => r.RegionId)).toContain('cn-shanghai');
  });

  it('accepts API-shaped list wrappers and either time spelling, normalising both', () => {
    const seed = parseSeed(
      seedOf(
        [circuit({ Tags: { tags: [{ Key: 'a', Value: 'b' }] }, MacsecKeys: { MacsecKey: [{ Ckn: 'ab'.repeat(16), CipherSuite: 'GCM-AES-128', Status: 'Associated' }] }, CreationTime: '2021-08-24T07:30:58' })],
        [vbr({ Tags: { Tags: [{ Key: 'x', Value: '' }] }, AssociatedCens: { AssociatedCen: [{ CenId: 'cen-1', CenOwnerId: 42 }] }, CreationTime: '2021-06-08T12:20:55Z' })],
      ),
    );
    expect(seed.PhysicalConnections[0]).toMatchObject({ Tags: [{ Key: 'a', Value: 'b' }], MacsecKeys: [{ Ckn: 'AB'.repeat(16), CipherSuite: 'GCM-AES-128', Status: 'Associated' }], CreationTime: '2021-08-24T07:30:58Z' });
    expect(seed.VirtualBorderRouters[0]).toMatchObject({ Tags: [{ Key: 'x', Value: '' }], AssociatedCens: [{ CenId: 'cen-1', CenOwnerId: '42' }], CreationTime: '2021-06-08T12:20:55' });
  });

  it('returns a copy: later changes to the input do not leak in', () => {
    const input = seedOf([circuit({ Tags: [{ Key: 'a', Value: 'b' }] })]);
    const parsed = parseSeed(input);
    (input.PhysicalConnections[0] as { Tags: Array<{ Value: string }> }).Tags[0]!.Value = 'changed';
    expect(parsed.PhysicalConnections[0]?.Tags).toEqual([{ Key: 'a', Value: 'b' }]);
  });

  it.each<[string, unknown, string]>([
    ['a non-object', [], 'the seed must be a JSON object'],
    ['an unknown top-level field', { ...seedOf([]), Circuits: [] }, 'seed: unknown field "Circuits"'],
    ['a non-array list', { PhysicalConnections: {} }, 'PhysicalConnections must be an array'],
    ['an unknown field', seedOf([circuit({ Colour: 'red' })]), 'PhysicalConnections[0] (pc-bp1aaaaaaaaaaaaaaaaa): unknown field "Colour"'],
    ['a missing required field', seedOf([circuit({ LineOperator: undefined })]), 'missing required field "LineOperator"'],
    ['a bad status', seedOf([circuit({ Status: 'enabled' })]), 'PhysicalConnections[0] (pc-bp1aaaaaaaaaaaaaaaaa).Status must be one of'],
    ['a malformed circuit id', seedOf([circuit({ PhysicalConnectionId: 'PC-1' })]), 'PhysicalConnections[0] (PC-1).PhysicalConnectionId does not match'],
    ['a number given as a string', seedOf([circuit({ Bandwidth: '100' })]), '.Bandwidth must be an integer'],
    ['a boolean given as a string', seedOf([circuit()], [vbr({ EnableIpv6: 'true' })]), '.EnableIpv6 must be true or false'],
    ['a bad time', seedOf([circuit({ CreationTime: 'yesterday' })]), '.CreationTime must be a UTC time'],
    ['an unknown region', seedOf([circuit({ RegionId: 'cn-atlantis' })]), 'RegionId "cn-atlantis" is not in Regions'],
    ['an access point of another region', seedOf([circuit({ AccessPointId: 'ap-cn-shanghai-nh-A' })]), 'AccessPointId must belong to its region'],
    ['a duplicate circuit id', seedOf([circuit(), circuit()]), 'PhysicalConnections[1]: duplicate PhysicalConnectionId "pc-bp1aaaaaaaaaaaaaaaaa"'],
    ['a duplicate VBR id', seedOf([circuit()], [vbr(), vbr({ VlanId: 11 })]), 'VirtualBorderRouters[1]: duplicate VbrId'],
    ['a VBR on an unknown circuit', seedOf([circuit()], [vbr({ PhysicalConnectionId: 'pc-bp1zzzzzzzzzzzzzzzzz' })]), 'VirtualBorderRouters[0] (vbr-bp1aaaaaaaaaaaaaaaaa): PhysicalConnectionId "pc-bp1zzzzzzzzzzzzzzzzz" is not a circuit'],
    ['a VBR in another region than its circuit', seedOf([circuit()], [vbr({ RegionId: 'cn-shanghai' })]), 'is not a circuit of region cn-shanghai'],
    ['a VLAN out of range', seedOf([circuit()], [vbr({ VlanId: 3000 })]), '.VlanId must be an integer from 0 to 2999'],
    ['a VLAN used twice', seedOf([circuit()], [vbr(), vbr({ VbrId: 'vbr-bp1bbbbbbbbbbbbbbbbb' })]), 'VlanId 10 is already used on pc-bp1aaaaaaaaaaaaaaaaa by vbr-bp1aaaaaaaaaaaaaaaaa'],
    ['an owner that is not an account id', seedOf([circuit({ OwnerId: 'alice' })]), '.OwnerId must be an account id'],
    ['a 64-bit owner given as an imprecise number', seedOf([circuit({ OwnerId: 283117732402483989 })]), 'give ids beyond 2^53 as strings'],
    ['a bad gateway IP', seedOf([circuit()], [vbr({ LocalGatewayIp: '10.0.0.256' })]), '.LocalGatewayIp must be an IPv4 address'],
    ['a bad name', seedOf([circuit({ Name: '9lives' })]), '.Name must be a name of 2..128 characters'],
    ['a reserved tag key', seedOf([circuit({ Tags: [{ Key: 'aliyun-x', Value: '' }] })]), '.Tags[0].Key is not a valid tag key'],
    ['a dangling parent', seedOf([circuit({ ProductType: 'VirtualPhysicalConnection', ParentPhysicalConnectionId: 'pc-bp1zzzzzzzzzzzzzzzzz' })]), 'ParentPhysicalConnectionId "pc-bp1zzzzzzzzzzzzzzzzz" is not another circuit'],
    ['a parent on a dedicated circuit', seedOf([circuit({ PhysicalConnectionId: 'pc-bp1bbbbbbbbbbbbbbbbb' }), circuit({ ParentPhysicalConnectionId: 'pc-bp1bbbbbbbbbbbbbbbbb' })]), 'only a VirtualPhysicalConnection'],
    ['a duplicate region', { Regions: [{ RegionId: 'cn-hangzhou' }, { RegionId: 'cn-hangzhou' }], ...seedOf([]) }, 'Regions[1]: duplicate RegionId'],
    ['an empty region list', { Regions: [], ...seedOf([]) }, 'Regions must list at least one region'],
  ])('refuses %s with a message naming the entry', (_why, input, message) => {
    let caught: unknown;
    try {
      parseSeed(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SeedError);
    expect((caught as Error).message).toContain(message);
    expect((caught as Error).message.startsWith('Invalid seed: ')).toBe(true);
  });

  it('accepts the example of docs/emulator-seed.md', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/emulator-seed.md'), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const seed = parseSeed(JSON.parse(example as string));
    expect(seed.Regions).toHaveLength(2);
    expect(seed.VirtualBorderRouters[0]?.OwnerId).toBe(DEFAULT_ACCOUNT_ID);
  });

  it('lets a terminated VBR share its VLAN with a live one (the VLAN was reused)', () => {
    expect(() => parseSeed(seedOf([circuit()], [vbr({ Status: 'terminated' }), vbr({ VbrId: 'vbr-bp1bbbbbbbbbbbbbbbbb' })]))).not.toThrow();
  });
});

describe('loadSeedFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'seed-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a valid file', () => {
    const path = join(dir, 'seed.json');
    writeFileSync(path, JSON.stringify(seedOf([circuit()])));
    expect(loadSeedFile(path).PhysicalConnections).toHaveLength(1);
  });

  it('names the file and the problem', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "PhysicalConnections": [');
    expect(() => loadSeedFile(bad)).toThrow(new RegExp(`seed file ${bad} is not valid JSON`));
    const invalid = join(dir, 'invalid.json');
    writeFileSync(invalid, JSON.stringify(seedOf([circuit({ Status: 'Nope' })])));
    expect(() => loadSeedFile(invalid)).toThrow(`Invalid seed: ${invalid}: PhysicalConnections[0] (pc-bp1aaaaaaaaaaaaaaaaa).Status must be one of`);
    expect(() => loadSeedFile(join(dir, 'missing.json'))).toThrow(/cannot read seed file .*missing\.json/);
  });
});

describe('demoSeed', () => {
  const seed = demoSeed();
  const byId = new Map(seed.PhysicalConnections.map((c) => [c.PhysicalConnectionId, c]));

  it('is valid and round-trips through parseSeed', () => {
    const parsed = parseSeed(seed);
    expect(parseSeed(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
  });

  it('is demo-seed.json, a seed file VPC_EMULATOR_SEED can load as it is', () => {
    expect(loadSeedFile(join(__dirname, '../../../../src/emulator/domain/seed/demo-seed.json'))).toEqual(seed);
  });

  it('holds every id DEMO_IDS names, and its transient resources step after DEMO_TRANSITION_AFTER_MS', () => {
    const { vbrs, enabledReadyToTerminate, ...circuits } = DEMO_IDS;
    for (const id of [...enabledReadyToTerminate, ...Object.values(circuits)]) expect(byId.has(id)).toBe(true);
    const vbrIds = new Set(seed.VirtualBorderRouters.map((v) => v.VbrId));
    for (const id of Object.values(vbrs)) expect(vbrIds.has(id)).toBe(true);
    const delays = [...seed.PhysicalConnections, ...seed.VirtualBorderRouters].flatMap((r) => r.TransitionAfterMs ?? []);
    expect(delays).toEqual([DEMO_TRANSITION_AFTER_MS, DEMO_TRANSITION_AFTER_MS, DEMO_TRANSITION_AFTER_MS, DEMO_TRANSITION_AFTER_MS, DEMO_TRANSITION_AFTER_MS]);
  });

  it('returns a fresh copy each call', () => {
    const a = demoSeed();
    a.PhysicalConnections.length = 0;
    expect(demoSeed().PhysicalConnections.length).toBe(seed.PhysicalConnections.length);
  });

  it('has every circuit status in cn-hangzhou, for the demo account', () => {
    const statuses = new Set(
      seed.PhysicalConnections.filter((c) => c.RegionId === 'cn-hangzhou' && c.OwnerId === DEMO_ACCOUNTS.demo).map((c) => c.Status),
    );
    expect(statuses.size).toBe(11);
  });

  it('has the terminate scenarios the docs promise', () => {
    const vbrCircuits = new Set(seed.VirtualBorderRouters.map((v) => v.PhysicalConnectionId));
    for (const id of DEMO_IDS.enabledReadyToTerminate) {
      expect(byId.get(id)).toMatchObject({ Status: 'Enabled', BusinessStatus: 'Normal' });
      expect(vbrCircuits.has(id)).toBe(false);
    }
    expect(byId.get(DEMO_IDS.enabledFinancialLocked)).toMatchObject({ Status: 'Enabled', BusinessStatus: 'FinancialLocked' });
    expect(vbrCircuits.has(DEMO_IDS.enabledFinancialLocked)).toBe(false);
    expect(byId.get(DEMO_IDS.enabledWithMacsec)?.MacsecKeys?.length).toBeGreaterThan(0);
    expect(byId.get(DEMO_IDS.tenantVpconn)?.ParentPhysicalConnectionId).toBe(DEMO_IDS.enabledWithVpconn);
    const foreign = seed.VirtualBorderRouters.filter((v) => v.PhysicalConnectionId === DEMO_IDS.enabledWithForeignVbrOnly);
    expect(foreign.map((v) => v.OwnerId)).toEqual([DEMO_ACCOUNTS.tenant]);
    expect(byId.get(DEMO_IDS.sharedTerminatedRecoverable)).toMatchObject({ ProductType: 'VirtualPhysicalConnection', Status: 'Terminated' });
    const vbrStatuses = new Set(seed.VirtualBorderRouters.map((v) => v.Status));
    expect(vbrStatuses.size).toBe(6);
  });

  it('keeps every access point of the demo account under the not-yet-Enabled quota', () => {
    const counts = new Map<string, number>();
    for (const c of seed.PhysicalConnections) {
      if (c.OwnerId !== DEMO_ACCOUNTS.demo || !['Initial', 'Approved', 'Allocating', 'Allocated', 'Confirmed'].includes(c.Status)) continue;
      counts.set(c.AccessPointId, (counts.get(c.AccessPointId) ?? 0) + 1);
    }
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
  });

  it('uses Alibaba-shaped ids and has resources in a second region', () => {
    for (const c of seed.PhysicalConnections) expect(c.PhysicalConnectionId).toMatch(/^pc-(bp1|uf6)[a-z0-9]{17}$/);
    for (const v of seed.VirtualBorderRouters) expect(v.VbrId).toMatch(/^vbr-(bp1|uf6)[a-z0-9]{17}$/);
    expect(seed.PhysicalConnections.some((c) => c.RegionId === 'cn-shanghai')).toBe(true);
  });
});

describe('generateSeed', () => {
  it('builds the benchmark shape: Enabled circuits with 2-3 VBRs, deterministic ids', () => {
    const seed = generateSeed({ connections: 50, vbrsPerConnection: [2, 3] });
    expect(seed.PhysicalConnections).toHaveLength(50);
    expect(seed.PhysicalConnections.every((c) => c.Status === 'Enabled')).toBe(true);
    const perCircuit = new Map<string, number>();
    for (const v of seed.VirtualBorderRouters) perCircuit.set(v.PhysicalConnectionId, (perCircuit.get(v.PhysicalConnectionId) ?? 0) + 1);
    expect(new Set(perCircuit.values())).toEqual(new Set([2, 3]));
    expect(seed.VirtualBorderRouters).toHaveLength(125);
    expect(generateSeed({ connections: 50, vbrsPerConnection: [2, 3] })).toEqual(seed);
    expect(() => parseSeed(seed)).not.toThrow();
    expect(seed.PhysicalConnections[0]?.PhysicalConnectionId).toMatch(/^pc-bp1gen[a-z0-9]{14}$/);
  });

  it('honours enabledWithoutVbrs, regionId and ownerId', () => {
    const seed: Seed = generateSeed({ connections: 4, enabledWithoutVbrs: 2, regionId: 'cn-shanghai', ownerId: '42' });
    const withVbrs = new Set(seed.VirtualBorderRouters.map((v) => v.PhysicalConnectionId));
    expect(seed.PhysicalConnections.slice(0, 2).some((c) => withVbrs.has(c.PhysicalConnectionId))).toBe(false);
    expect(seed.PhysicalConnections.slice(2).every((c) => withVbrs.has(c.PhysicalConnectionId))).toBe(true);
    expect(seed.PhysicalConnections.every((c) => c.RegionId === 'cn-shanghai' && c.OwnerId === '42')).toBe(true);
    expect(() => parseSeed(seed)).not.toThrow();
  });

  it.each([
    [{ connections: -1 }, 'connections'],
    [{ connections: 1.5 }, 'connections'],
    [{ connections: 2, vbrsPerConnection: [3, 2] as [number, number] }, 'is not a range'],
    [{ connections: 2, enabledWithoutVbrs: 3 }, 'enabledWithoutVbrs'],
    [{ connections: 1, vbrsPerConnection: [0, 51] as [number, number] }, 'vbrsPerConnection[1]'],
  ])('refuses %j', (options, message) => {
    expect(() => generateSeed(options)).toThrow(message);
  });
});
