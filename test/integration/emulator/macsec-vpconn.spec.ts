/**
 * The MACsec and vpconn operations over real HTTP: signed V3 and V1 requests, both Formats, the
 * write log, faults and the state endpoint. The domain suites (test/unit/emulator/domain/macsec,
 * vpconn) cover every rule; this one shows they survive the wire and that a CAK never comes back.
 */
import { XMLParser } from 'fast-xml-parser';
import { DEMO_ACCOUNTS, DEMO_IDS, demoSeed } from '../../../src/emulator/domain';
import { useEmulator } from '../../support/emulator';
import type { SignedClient } from '../../support/signed-client';

const HZ = 'cn-hangzhou';
const READY = DEMO_IDS.enabledReadyToTerminate[0];
const TENANT_KEY = { accessKeyId: 'LTAITenantAccessKey', accessKeySecret: 'TenantSecret', accountId: DEMO_ACCOUNTS.tenant };
const CKN = '3c'.repeat(16);
const CAK = 'd1e2f3a4b5c6d7e8'.repeat(2);
const DEMO_CAKS = demoSeed().PhysicalConnections.flatMap((c) => c.MacsecKeys ?? []).map((k) => k.Cak as string);

const emu = useEmulator(() => ({
  transitionMs: 1000,
  accessKeys: [
    { accessKeyId: 'LTAIEmulatorAccessKey', accessKeySecret: 'EmulatorAccessKeySecret', accountId: DEMO_ACCOUNTS.demo },
    TENANT_KEY,
  ],
}));

type Body = Record<string, unknown>;
const xml = new XMLParser({ parseTagValue: false, isArray: (name) => ['MacsecKey', 'VirtualPhysicalConnections', 'Tags'].includes(name) });

let v3: SignedClient;
let v1: SignedClient;
let tenant: SignedClient;
beforeAll(() => {
  v3 = emu.client();
  v1 = emu.client({ algorithm: 'V1' });
  tenant = emu.client({ accessKeyId: TENANT_KEY.accessKeyId, accessKeySecret: TENANT_KEY.accessKeySecret });
});
beforeEach(() => emu.control.reset());

async function ok(action: string, params: Record<string, string>, client: SignedClient = v3): Promise<Body> {
  const res = await client.call(action, params);
  if (res.status !== 200) throw new Error(`${action} answered ${res.status}: ${res.text}`);
  return res.json<Body>();
}

async function xmlOf(action: string, params: Record<string, string>): Promise<{ body: Body; text: string }> {
  const res = await v3.call(action, params, { format: 'XML' });
  expect(res.status).toBe(200);
  return { body: (xml.parse(res.text) as Record<string, Body>)[`${action}Response`] as Body, text: res.text };
}

function expectNoCak(text: string): void {
  for (const cak of [CAK, ...DEMO_CAKS]) expect(text.toUpperCase()).not.toContain(cak.toUpperCase());
}

describe('MACsec keys over the wire', () => {
  it('associates (V1 GET), then disassociates twice (V3: out of use, then deleted); keys listed in JSON and XML with the CAK masked; untokened events', async () => {
    await ok('AssociateMacSecKey', { RegionId: HZ, PhysicalConnectionId: READY, CipherSuite: 'GCM-AES-128', Ckn: CKN, Cak: CAK }, v1);
    const filter = { RegionId: HZ, 'Filter.1.Key': 'PhysicalConnectionId', 'Filter.1.Value.1': READY };
    const json = await v3.call('DescribePhysicalConnections', filter);
    const [item] = (json.json<Body>().PhysicalConnectionSet as { PhysicalConnectionType: Body[] }).PhysicalConnectionType;
    expect((item?.MacsecKeys as { MacsecKey: Body[] }).MacsecKey).toEqual([
      { Ckn: CKN.toUpperCase(), CipherSuite: 'GCM-AES-128', StartOn: expect.stringMatching(/Z$/), Status: 'Associated', Cak: '******' },
    ]);
    expectNoCak(json.text);
    const { body, text } = await xmlOf('DescribePhysicalConnections', filter);
    const xmlItem = (body.PhysicalConnectionSet as { PhysicalConnectionType: Body }).PhysicalConnectionType;
    expect((xmlItem.MacsecKeys as { MacsecKey: Body[] }).MacsecKey[0]).toMatchObject({ Ckn: CKN.toUpperCase(), Cak: '******' });
    expectNoCak(text);

    const refused = await v3.call('TerminatePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: READY });
    expect(refused.json<Body>().Code).toBe('OperationDenied.MacsecAttached');
    await ok('DisassociateMacSecKey', { RegionId: HZ, PhysicalConnectionId: READY, Ckn: CKN });
    await ok('DisassociateMacSecKey', { RegionId: HZ, PhysicalConnectionId: READY, Ckn: CKN });
    expect((await emu.control.events()).map((e) => [e.action, e.resourceId, e.clientToken])).toEqual([
      ['AssociateMacSecKey', READY, null],
      ['DisassociateMacSecKey', READY, null],
      ['DisassociateMacSecKey', READY, null],
    ]);
    await ok('TerminatePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: READY });
  });

  it('answers the documented refusals with their HTTP status, never echoing the CAK', async () => {
    const bad = await v3.call('AssociateMacSecKey', { RegionId: HZ, PhysicalConnectionId: READY, CipherSuite: 'GCM-AES-256', Ckn: CKN, Cak: CAK });
    expect({ status: bad.status, code: bad.json<Body>().Code }).toEqual({ status: 400, code: 'IllegalParam.Ckn' });
    expectNoCak(bad.text);
    const missing = await v3.call('DisassociateMacSecKey', { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.enabledWithMacsec, Ckn: CKN });
    expect({ status: missing.status, code: missing.json<Body>().Code }).toEqual({ status: 400, code: 'ResourceNotFound.PconnMacsec' });
    expect(await emu.control.events()).toEqual([]);
  });

  it('GET /_emulator/state carries no CAK', async () => {
    await ok('AssociateMacSecKey', { RegionId: HZ, PhysicalConnectionId: READY, CipherSuite: 'GCM-AES-128', Ckn: CKN, Cak: CAK });
    expectNoCak(JSON.stringify(await emu.control.state()));
  });

  it('a fault on DisassociateMacSecKey is accepted by name and acted out', async () => {
    await emu.control.addFault({ action: 'DisassociateMacSecKey', type: 'error', httpStatus: 503, code: 'ServiceUnavailable', times: 1 });
    const res = await v3.call('DisassociateMacSecKey', { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.enabledWithMacsec, Ckn: 'A'.repeat(64) });
    expect(res.status).toBe(503);
    expect((await emu.control.calls()).byAction['DisassociateMacSecKey']).toBe(1);
  });
});

describe('vpconns over the wire', () => {
  const create = { RegionId: HZ, PhysicalConnectionId: READY, VlanId: '300', Spec: '200M', OrderMode: 'PayByPhysicalConnectionOwner', VpconnAliUid: DEMO_ACCOUNTS.tenant };

  it('create with a Token (replayed), list in JSON and XML, the tenant confirms, the host owner deletes it, then the host terminates', async () => {
    const first = await ok('CreateVirtualPhysicalConnection', { ...create, Token: 'wire-1' });
    const id = first.VirtualPhysicalConnection as string;
    expect(await ok('CreateVirtualPhysicalConnection', { ...create, Token: 'wire-1' })).toEqual(first);

    const listed = await v3.call('ListVirtualPhysicalConnections', { RegionId: HZ, PhysicalConnectionId: READY });
    const body = listed.json<Body>();
    expect(body).toMatchObject({ Count: 1, TotalCount: 1, NextToken: '' });
    expect((body.VirtualPhysicalConnections as Body[])[0]).toMatchObject({ PhysicalConnectionId: id, VlanId: '300', Spec: '200M', Bandwidth: 200, VirtualPhysicalConnectionStatus: 'UnConfirmed', Tags: [] });
    // Account ids are strings in this response (a number in DescribePhysicalConnections).
    expect(listed.text).toContain(`"AliUid":"${DEMO_ACCOUNTS.tenant}"`);
    expect(listed.text).toContain(`"ParentPhysicalConnectionAliUid":"${DEMO_ACCOUNTS.demo}"`);
    const inXml = await xmlOf('ListVirtualPhysicalConnections', { RegionId: HZ, 'VirtualPhysicalConnectionIds.1': id, 'VirtualPhysicalConnectionIds.2': DEMO_IDS.tenantVpconn });
    expect((inXml.body.VirtualPhysicalConnections as Body[]).map((v) => v.PhysicalConnectionId)).toEqual([DEMO_IDS.tenantVpconn, id]);

    await ok('ConfirmPhysicalConnection', { RegionId: HZ, PhysicalConnectionId: id }, tenant);
    const confirmed = await ok('ListVirtualPhysicalConnections', { RegionId: HZ, IsConfirmed: 'true', 'VlanIds.1': '300' });
    expect((confirmed.VirtualPhysicalConnections as Body[]).map((v) => v.PhysicalConnectionId)).toEqual([id]);

    await ok('DeletePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: id, ClientToken: 'wire-del-1' }, v1);
    await ok('TerminatePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: READY });
    expect((await emu.control.events()).map((e) => [e.action, e.resourceId, e.clientToken])).toEqual([
      ['CreateVirtualPhysicalConnection', id, 'wire-1'],
      ['ConfirmPhysicalConnection', id, null],
      ['DeletePhysicalConnection', id, 'wire-del-1'],
      ['TerminatePhysicalConnection', READY, null],
    ]);
  });

  it('pages by NextToken over HTTP', async () => {
    for (const vlan of ['301', '302', '303']) await ok('CreateVirtualPhysicalConnection', { ...create, VlanId: vlan });
    const ids: unknown[] = [];
    let token = '';
    do {
      const page = await ok('ListVirtualPhysicalConnections', { RegionId: HZ, MaxResults: '2', ...(token ? { NextToken: token } : {}) });
      ids.push(...(page.VirtualPhysicalConnections as Body[]).map((v) => v.PhysicalConnectionId));
      token = page.NextToken as string;
    } while (token !== '');
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
  });
});
