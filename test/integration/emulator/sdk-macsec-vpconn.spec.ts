/**
 * The official SDK 7.x (`@alicloud/vpc20160428`, V3 signatures) driving the MACsec and vpconn
 * operations against the emulator: its request models flatten the parameters (Tag.N, repeat
 * lists), its response models read the emulator's answers field for field.
 */
import Client, * as $Vpc from '@alicloud/vpc20160428';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { DEMO_ACCOUNTS, DEMO_IDS } from '../../../src/emulator/domain';
import { useEmulator } from '../../support/emulator';
import { TEST_ACCESS_KEY_ID, TEST_ACCESS_KEY_SECRET } from '../../support/signed-client';

const REGION = 'cn-hangzhou';
const READY = DEMO_IDS.enabledReadyToTerminate[0];
/** The SDK models `VpconnAliUid` as a number: an account within 2^53 survives it (see the last test). */
const TENANT = 1210123456123456;
const CKN = '9a'.repeat(32);
const CAK = '5e'.repeat(32);
const emu = useEmulator({ transitionMs: 1000 });

function sdk(): Client {
  return new Client(
    new $OpenApiUtil.Config({
      accessKeyId: TEST_ACCESS_KEY_ID,
      accessKeySecret: TEST_ACCESS_KEY_SECRET,
      endpoint: `127.0.0.1:${emu.emulator.port}`,
      protocol: 'HTTP',
      regionId: REGION,
    }),
  );
}

async function sdkFailure(call: () => Promise<unknown>): Promise<{ code: string; status: number }> {
  try {
    await call();
  } catch (error) {
    const e = error as { code?: string; statusCode?: number };
    return { code: String(e.code), status: Number(e.statusCode) };
  }
  throw new Error('expected the SDK call to fail');
}

async function keysOf(client: Client, id: string) {
  const res = await client.describePhysicalConnections(
    new $Vpc.DescribePhysicalConnectionsRequest({
      regionId: REGION,
      filter: [new $Vpc.DescribePhysicalConnectionsRequestFilter({ key: 'PhysicalConnectionId', value: [id] })],
    }),
  );
  return res.body?.physicalConnectionSet?.physicalConnectionType?.[0]?.macsecKeys?.macsecKey ?? [];
}

beforeEach(() => emu.control.reset());

describe('@alicloud/vpc20160428: MACsec keys', () => {
  it('associateMacSecKey, then disassociateMacSecKey twice clears the circuit; the SDK reads the keys with a masked CAK', async () => {
    const client = sdk();
    const associated = await client.associateMacSecKey(
      new $Vpc.AssociateMacSecKeyRequest({ regionId: REGION, physicalConnectionId: READY, cipherSuite: 'GCM-AES-256', ckn: CKN, cak: CAK }),
    );
    expect(associated.statusCode).toBe(200);
    expect(associated.body?.requestId).toMatch(/^[0-9A-F-]{36}$/);
    const [key] = await keysOf(client, READY);
    expect({ ckn: key?.ckn, cipherSuite: key?.cipherSuite, status: key?.status, cak: key?.cak }).toEqual({
      ckn: CKN.toUpperCase(),
      cipherSuite: 'GCM-AES-256',
      status: 'Associated',
      cak: '******',
    });

    for (let i = 0; i < 2; i++) {
      const res = await client.disassociateMacSecKey(new $Vpc.DisassociateMacSecKeyRequest({ regionId: REGION, physicalConnectionId: READY, ckn: CKN }));
      expect(res.body?.requestId).toMatch(/^[0-9A-F-]{36}$/);
    }
    expect(await keysOf(client, READY)).toEqual([]);
    expect((await emu.control.events()).map((e) => e.action)).toEqual(['AssociateMacSecKey', 'DisassociateMacSecKey', 'DisassociateMacSecKey']);
  });

  it('a key the circuit does not have is a ClientError ResourceNotFound.PconnMacsec (400)', async () => {
    const failure = await sdkFailure(() =>
      sdk().disassociateMacSecKey(new $Vpc.DisassociateMacSecKeyRequest({ regionId: REGION, physicalConnectionId: DEMO_IDS.enabledWithMacsec, ckn: CKN })),
    );
    expect(failure).toEqual({ code: 'ResourceNotFound.PconnMacsec', status: 400 });
  });
});

describe('@alicloud/vpc20160428: shared-port virtual connections', () => {
  const create = (extra: Partial<$Vpc.CreateVirtualPhysicalConnectionRequest> = {}) =>
    new $Vpc.CreateVirtualPhysicalConnectionRequest({
      regionId: REGION,
      physicalConnectionId: READY,
      vlanId: 400,
      spec: '500M',
      orderMode: 'PayByVirtualPhysicalConnectionOwner',
      vpconnAliUid: TENANT,
      name: 'sdk-vpconn',
      token: 'sdk-vpconn-1',
      tag: [new $Vpc.CreateVirtualPhysicalConnectionRequestTag({ key: 'env', value: 'test' })],
      ...extra,
    });

  it('createVirtualPhysicalConnection (replayed by its token) and listVirtualPhysicalConnections paged by nextToken', async () => {
    const client = sdk();
    const created = await client.createVirtualPhysicalConnection(create());
    const id = created.body?.virtualPhysicalConnection;
    expect(id).toMatch(/^pc-[a-z0-9]+$/);
    expect((await client.createVirtualPhysicalConnection(create())).body?.virtualPhysicalConnection).toBe(id);
    await client.createVirtualPhysicalConnection(create({ vlanId: 401, token: 'sdk-vpconn-2' }));

    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await client.listVirtualPhysicalConnections(
        new $Vpc.ListVirtualPhysicalConnectionsRequest({ regionId: REGION, physicalConnectionId: READY, maxResults: 1, ...(nextToken ? { nextToken } : {}) }),
      );
      expect(page.body?.count).toBe(1);
      expect(page.body?.totalCount).toBe(2);
      seen.push(...(page.body?.virtualPhysicalConnections ?? []).map((v) => v.physicalConnectionId ?? ''));
      nextToken = page.body?.nextToken || undefined;
    } while (nextToken !== undefined);
    expect(seen[0]).toBe(id);
    expect(seen).toHaveLength(2);

    const filtered = await client.listVirtualPhysicalConnections(
      new $Vpc.ListVirtualPhysicalConnectionsRequest({ regionId: REGION, virtualPhysicalConnectionIds: [id as string], virtualPhysicalConnectionStatuses: ['UnConfirmed'], vlanIds: ['400'] }),
    );
    const [item] = filtered.body?.virtualPhysicalConnections ?? [];
    expect({
      id: item?.physicalConnectionId,
      aliUid: item?.aliUid,
      parent: item?.parentPhysicalConnectionId,
      parentAliUid: item?.parentPhysicalConnectionAliUid,
      vlanId: item?.vlanId,
      spec: item?.spec,
      bandwidth: item?.bandwidth,
      status: item?.status,
      vpconnStatus: item?.virtualPhysicalConnectionStatus,
      orderMode: item?.orderMode,
      tags: item?.tags?.map((t) => [t.key, t.value]),
    }).toEqual({
      id,
      aliUid: String(TENANT),
      parent: READY,
      parentAliUid: DEMO_ACCOUNTS.demo,
      vlanId: '400',
      spec: '500M',
      bandwidth: 500,
      status: 'Allocated',
      vpconnStatus: 'UnConfirmed',
      orderMode: 'PayByVirtualPhysicalConnectionOwner',
      tags: [['env', 'test']],
    });

    // The host owner deletes it with DeletePhysicalConnection on its id.
    await client.deletePhysicalConnection(new $Vpc.DeletePhysicalConnectionRequest({ regionId: REGION, physicalConnectionId: id }));
    const after = await client.listVirtualPhysicalConnections(new $Vpc.ListVirtualPhysicalConnectionsRequest({ regionId: REGION, physicalConnectionId: READY }));
    expect(after.body?.totalCount).toBe(1);
  });

  it('a DryRun that passes is the SDK error DRYRUN.SUCCESS, and creates nothing', async () => {
    const failure = await sdkFailure(() => sdk().createVirtualPhysicalConnection(create({ dryRun: true })));
    expect(failure).toEqual({ code: 'DRYRUN.SUCCESS', status: 400 });
    expect(await emu.control.events()).toEqual([]);
  });

  it('the SDK model types VpconnAliUid as a number: an account id beyond 2^53 arrives with other digits', async () => {
    const client = sdk();
    const created = await client.createVirtualPhysicalConnection(create({ vpconnAliUid: Number(DEMO_ACCOUNTS.tenant), token: 'sdk-vpconn-3' }));
    const listed = await client.listVirtualPhysicalConnections(
      new $Vpc.ListVirtualPhysicalConnectionsRequest({ regionId: REGION, virtualPhysicalConnectionIds: [created.body?.virtualPhysicalConnection as string] }),
    );
    const owner = listed.body?.virtualPhysicalConnections?.[0]?.aliUid;
    expect(owner).not.toBe(DEMO_ACCOUNTS.tenant);
    expect(owner).toBe(String(Number(DEMO_ACCOUNTS.tenant)));
  });
});
