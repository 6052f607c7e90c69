/**
 * Read paths end to end: terminationCheck from the batched loaders, the upstream cost of a
 * console list (O(pages), counted by the emulator), pagination over the real upstream paging,
 * and read failures as field errors.
 */
import { DEMO_IDS, demoSeed, type Seed } from '../../../src/emulator/domain';
import {
  ConsoleListDocument,
  PhysicalConnectionDetailDocument,
  RegionsDocument,
  TerminatePhysicalConnectionDocument,
  TerminationPreflightDocument,
  VbrListDocument,
  type ConsoleListQuery,
} from '../../generated/graphql';
import { useGateway, type RunResult } from './support/gateway';

const gw = useGateway();

beforeEach(() => gw.emu.control.reset());

const UPSTREAM_REQUEST_ID = expect.stringMatching(/^[0-9A-F-]{36}$/);

describe('terminationCheck (preflight)', () => {
  async function check(id: string) {
    const { data, errors } = await gw.run(TerminationPreflightDocument, { id });
    expect(errors).toBeUndefined();
    return data?.physicalConnection?.terminationCheck;
  }
  const none = { currentStatus: null, businessStatus: null, vbrIds: null, reason: null };

  it('terminable circuit: no blockers', async () => {
    expect(await check(DEMO_IDS.enabledReadyToTerminate[0])).toEqual({ terminable: true, blockers: [] });
  });

  it('wrong status', async () => {
    expect(await check(DEMO_IDS.allocated)).toEqual({
      terminable: false,
      blockers: [
        {
          ...none,
          code: 'PHYSICAL_CONNECTION_NOT_ENABLED',
          currentStatus: 'ALLOCATED',
          message: `Physical connection ${DEMO_IDS.allocated} is ALLOCATED; only ENABLED connections can be terminated.`,
        },
      ],
    });
  });

  it('VBRs attached, listed by id (other accounts\' included)', async () => {
    expect((await check(DEMO_IDS.enabledWithVbrs))?.blockers).toEqual([
      {
        ...none,
        code: 'VBRS_ATTACHED',
        vbrIds: [
          DEMO_IDS.vbrs.active,
          DEMO_IDS.vbrs.activeIpv6,
          DEMO_IDS.vbrs.terminatedRecoverable,
          DEMO_IDS.vbrs.terminatedVlanReused,
        ].sort(),
        message: expect.stringContaining('4 VBR(s)'),
      },
    ]);
    expect((await check(DEMO_IDS.enabledWithForeignVbrOnly))?.blockers.map((b) => b.vbrIds)).toEqual([
      [DEMO_IDS.vbrs.tenantActive],
    ]);
  });

  it('locked', async () => {
    expect((await check(DEMO_IDS.enabledFinancialLocked))?.blockers).toEqual([
      { ...none, code: 'RESOURCE_LOCKED', businessStatus: 'FINANCIAL_LOCKED', message: expect.stringContaining('FINANCIAL_LOCKED') },
    ]);
  });

  it.each([
    [
      'shared-port vpconns (seen in virtualPhysicalConnectionCount)',
      DEMO_IDS.enabledWithVpconn,
      'VPCONNS_ATTACHED',
      'hosts 1 shared-port virtual connection(s) (vpconns)',
    ],
    ['MACsec keys (seen in macsecKeys)', DEMO_IDS.enabledWithMacsec, 'MACSEC_KEYS', 'has 2 MACsec key(s)'],
  ])('%s: OPERATION_CONFLICT from the loaded data, no extra upstream call', async (_what, id, reason, text) => {
    await gw.emu.control.clearCalls();
    expect(await check(id)).toEqual({
      terminable: false,
      blockers: [{ ...none, code: 'OPERATION_CONFLICT', reason, message: expect.stringContaining(text) }],
    });
    expect((await gw.emu.control.calls()).byAction).toEqual({ DescribePhysicalConnections: 1, DescribeVirtualBorderRouters: 1 });
  });

  it('agrees with the mutation on every demo circuit of the region', async () => {
    const { data } = await gw.run(ConsoleListDocument, { first: 50 });
    const nodes = data?.physicalConnections.nodes ?? [];
    expect(nodes.length).toBeGreaterThan(15);
    for (const node of nodes) {
      const check = node.terminationCheck;
      const outcome = await gw.run(TerminatePhysicalConnectionDocument, { input: { physicalConnectionId: node.id } });
      const code = outcome.errors?.[0]?.extensions?.['code'];
      if (check?.terminable) {
        expect([node.id, code ?? 'TERMINATED']).toEqual([node.id, 'TERMINATED']);
      } else {
        const first = check?.blockers[0];
        expect([node.id, code, outcome.errors?.[0]?.message]).toEqual([node.id, first?.code, first?.message]);
        if (first?.code === 'OPERATION_CONFLICT') expect(outcome.errors?.[0]?.extensions?.['reason']).toBe(first.reason);
      }
    }
  });
});

describe('upstream cost of the console list', () => {
  it('50 circuits with their VBRs, each VBR\'s circuit and the preflight cost O(pages) calls', async () => {
    await gw.emu.control.reset({ generate: { connections: 50, vbrsPerConnection: [2, 3], enabledWithoutVbrs: 5 } });
    const state = await gw.emu.control.state<Seed>();
    const vbrCount = state.VirtualBorderRouters.length;
    expect(vbrCount).toBeGreaterThanOrEqual(90);
    await gw.emu.control.clearCalls();

    const { data, errors } = await gw.run(ConsoleListDocument, { first: 50 });
    expect(errors).toBeUndefined();
    const nodes = data?.physicalConnections.nodes ?? [];
    expect(nodes).toHaveLength(50);
    const vbrs = nodes.flatMap((node) => node.vbrs ?? []);
    expect(vbrs).toHaveLength(vbrCount);
    for (const node of nodes) {
      for (const vbr of node.vbrs ?? []) expect(vbr.physicalConnection?.id).toBe(node.id);
      expect(node.terminationCheck?.terminable).toBe((node.vbrs ?? []).length === 0);
    }
    expect(nodes.filter((node) => node.terminationCheck?.terminable)).toHaveLength(5);

    const calls = await gw.emu.control.calls();
    // One page of circuits; the VBRs of all 50 in pages of 50; every VBR's circuit from the primed cache.
    expect(calls.byAction).toEqual({
      DescribePhysicalConnections: 1,
      DescribeVirtualBorderRouters: Math.ceil(vbrCount / 50),
    });
  });
});

describe('pagination over the upstream pages', () => {
  it('walks 50 circuits 20 at a time: no gaps, no duplicates, one upstream call per page', async () => {
    await gw.emu.control.reset({ generate: { connections: 50, vbrsPerConnection: [0, 0] } });
    await gw.emu.control.clearCalls();
    const seen: string[] = [];
    let after: string | null | undefined = null;
    let pages = 0;
    for (;;) {
      const page: RunResult<ConsoleListQuery> = await gw.run(ConsoleListDocument, { first: 20, after });
      expect(page.errors).toBeUndefined();
      const list: ConsoleListQuery['physicalConnections'] | undefined = page.data?.physicalConnections;
      pages += 1;
      expect(list?.totalCount).toBe(50);
      seen.push(...(list?.nodes.map((node) => node.id) ?? []));
      if (!list?.pageInfo.hasNextPage) break;
      after = list.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(50);
    expect(new Set(seen).size).toBe(50);
    expect((await gw.emu.control.calls()).byAction['DescribePhysicalConnections']).toBe(3);
  });

  it('rejects a forged cursor before any upstream call', async () => {
    await gw.emu.control.clearCalls();
    const { data, errors } = await gw.run(ConsoleListDocument, { after: 'bm90LWEtY3Vyc29y' });
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', retryable: false, field: 'after' });
    expect((await gw.emu.control.calls()).total).toBe(0);
  });

  it('filters by status upstream and defaults the region', async () => {
    const { data } = await gw.run(ConsoleListDocument, { filter: { statuses: ['TERMINATED', 'TERMINATING'] } });
    expect(data?.physicalConnections.nodes.map((node) => node.id).sort()).toEqual(
      [DEMO_IDS.terminated, DEMO_IDS.terminating, DEMO_IDS.sharedTerminatedRecoverable].sort(),
    );
    const shanghai = await gw.run(ConsoleListDocument, { regionId: 'cn-shanghai' });
    expect(shanghai.data?.physicalConnections.nodes.every((node) => node.regionId === 'cn-shanghai')).toBe(true);
    expect(shanghai.data?.physicalConnections.nodes.map((node) => node.id)).toContain(DEMO_IDS.shanghaiEnabledWithVbr);
  });
});

describe('read failures', () => {
  it('a failing VBR load is a field error on vbrs, terminationCheck and availableActions; the circuits still come back', async () => {
    await gw.emu.control.addFault({ action: 'DescribeVirtualBorderRouters', type: 'error', httpStatus: 503 });
    const { data, errors } = await gw.run(ConsoleListDocument, { first: 3 });
    const nodes = data?.physicalConnections.nodes ?? [];
    expect(nodes).toHaveLength(3);
    for (const node of nodes) {
      expect(node.id).toMatch(/^pc-/);
      expect(node.vbrs).toBeNull();
      expect(node.terminationCheck).toBeNull();
      expect(node.availableActions).toBeNull();
    }
    expect(errors).toHaveLength(9);
    expect(errors?.[0]).toMatchObject({
      path: ['physicalConnections', 'nodes', 0, expect.stringMatching(/^(vbrs|terminationCheck|availableActions)$/)],
      extensions: {
        code: 'UPSTREAM_UNAVAILABLE',
        retryable: true,
        upstream: { code: 'ServiceUnavailable', httpStatus: 503, requestId: UPSTREAM_REQUEST_ID },
      },
    });
    expect(new Set(errors?.map((error) => error.extensions?.['code']))).toEqual(new Set(['UPSTREAM_UNAVAILABLE']));
  });

  it('a failing list read fails the field with the mapped code', async () => {
    await gw.emu.control.addFault({ action: 'DescribePhysicalConnections', type: 'error', code: 'Throttling.Api' });
    const { data, errors } = await gw.run(ConsoleListDocument, {});
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toEqual({
      code: 'UPSTREAM_THROTTLED',
      retryable: true,
      upstream: { code: 'Throttling.Api', httpStatus: 400, requestId: UPSTREAM_REQUEST_ID },
    });
  });

  it('an unknown circuit reads as null, and garbage ids as BAD_USER_INPUT', async () => {
    expect((await gw.run(PhysicalConnectionDetailDocument, { id: 'pc-bp1nosuchcircuit00' })).data).toEqual({
      physicalConnection: null,
    });
    const bad = await gw.run(PhysicalConnectionDetailDocument, { id: 'pc-x&Action=TerminatePhysicalConnection' });
    expect(bad.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', retryable: false, field: 'id' });
  });
});

describe('detail, VBR list, regions', () => {
  it('detail exposes MACsec keys without the CAK', async () => {
    const { data, errors } = await gw.run(PhysicalConnectionDetailDocument, { id: DEMO_IDS.enabledWithMacsec });
    expect(errors).toBeUndefined();
    expect(data?.physicalConnection?.macsecKeys).toEqual([
      { ckn: 'A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90', cipherSuite: 'GCM-AES-XPN-256', status: 'Associated' },
      { ckn: '0F1E2D3C4B5A69788796A5B4C3D2E1F00F1E2D3C4B5A69788796A5B4C3D2E1F0', cipherSuite: 'GCM-AES-XPN-256', status: 'Disassociated' },
    ]);
    // The demo CAKs are registered with the leak scan too (test/support/log-capture.ts).
    const caks = demoSeed().PhysicalConnections.flatMap((c) => c.MacsecKeys ?? []).map((k) => k.Cak as string);
    expect(caks).toHaveLength(2);
    for (const cak of caks) expect(JSON.stringify(data).toUpperCase()).not.toContain(cak.toUpperCase());
  });

  it('VBR list with each VBR\'s circuit', async () => {
    const { data, errors } = await gw.run(VbrListDocument, { filter: { physicalConnectionIds: [DEMO_IDS.enabledWithVbrs] } });
    expect(errors).toBeUndefined();
    expect(data?.vbrs.totalCount).toBe(4);
    for (const vbr of data?.vbrs.nodes ?? []) {
      expect(vbr.physicalConnectionId).toBe(DEMO_IDS.enabledWithVbrs);
      expect(vbr.physicalConnection).toEqual({ id: DEMO_IDS.enabledWithVbrs, name: 'hz-core-dc1-primary', status: 'ENABLED' });
    }
  });

  it('regions, with local names in the upstream default (Chinese) or in English', async () => {
    const { data } = await gw.run(RegionsDocument, {});
    expect(data?.regions.map((region) => region.regionId)).toEqual(expect.arrayContaining(['cn-hangzhou', 'cn-shanghai']));
    expect(data?.regions.find((region) => region.regionId === 'cn-hangzhou')?.localName).toBe('华东1（杭州）');
    const english = await gw.run(RegionsDocument, { language: 'EN_US' });
    expect(english.errors).toBeUndefined();
    expect(english.data?.regions.find((region) => region.regionId === 'cn-hangzhou')?.localName).toBe('China (Hangzhou)');
    const chinese = await gw.run(RegionsDocument, { language: 'ZH_CN' });
    expect(chinese.data?.regions).toEqual(data?.regions);
  });
});
