/**
 * Circuit relations against a fake data source: vbrs and terminationCheck from the batched loaders,
 * and read failures as field errors. The blocker rules: test/unit/services/circuits/terminate.blockers.spec.ts.
 */
import { makePhysicalConnection, makeVbr } from './support/fixtures';
import { FakeDataSource, upstreamError } from './support/fake-data-source';
import { startHarness, type Harness } from './support/harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness.stop();
});

describe('relations and terminationCheck', () => {
  const CONSOLE = /* GraphQL */ `
    query Console {
      physicalConnections(first: 10) {
        nodes {
          id
          status
          vbrs { id status physicalConnection { id } }
          terminationCheck { terminable blockers { code message currentStatus businessStatus vbrIds reason } }
        }
      }
    }
  `;

  type Node = {
    id: string;
    status: string;
    vbrs: { id: string; status: string; physicalConnection: { id: string } | null }[] | null;
    terminationCheck: {
      terminable: boolean;
      blockers: {
        code: string;
        message: string;
        currentStatus: string | null;
        businessStatus: string | null;
        vbrIds: string[] | null;
        reason: string | null;
      }[];
    } | null;
  };

  function consoleSource(): FakeDataSource {
    const ds = new FakeDataSource([
      makePhysicalConnection({ id: 'pc-free' }),
      makePhysicalConnection({ id: 'pc-confirmed', status: 'CONFIRMED' }),
      makePhysicalConnection({ id: 'pc-withvbrs' }),
      makePhysicalConnection({ id: 'pc-locked', businessStatus: 'SECURITY_LOCKED' }),
      makePhysicalConnection({ id: 'pc-everything', status: 'ALLOCATED', businessStatus: 'FINANCIAL_LOCKED' }),
    ]);
    ds.setVbrs('pc-withvbrs', [
      makeVbr({ id: 'vbr-b2', physicalConnectionId: 'pc-withvbrs', status: 'TERMINATED' }),
      makeVbr({ id: 'vbr-a1', physicalConnectionId: 'pc-withvbrs' }),
    ]);
    ds.setVbrs('pc-everything', [makeVbr({ id: 'vbr-c3', physicalConnectionId: 'pc-everything', status: 'DELETING' })]);
    return ds;
  }

  it('reads vbrs and the preview from the batched loaders (no fresh reads), every blocker field resolved', async () => {
    const ds = consoleSource();
    const { data, errors } = await harness.run<{ physicalConnections: { nodes: Node[] } }>(ds, CONSOLE);
    expect(errors).toBeUndefined();
    const byId = new Map(data?.physicalConnections.nodes.map((node) => [node.id, node]));
    const none = { currentStatus: null, businessStatus: null, vbrIds: null, reason: null };

    expect(byId.get('pc-free')?.terminationCheck).toEqual({ terminable: true, blockers: [] });
    expect(byId.get('pc-confirmed')?.terminationCheck).toEqual({
      terminable: false,
      blockers: [
        {
          ...none,
          code: 'PHYSICAL_CONNECTION_NOT_ENABLED',
          currentStatus: 'CONFIRMED',
          message: 'Physical connection pc-confirmed is CONFIRMED; only ENABLED connections can be terminated.',
        },
      ],
    });
    expect(byId.get('pc-withvbrs')?.terminationCheck?.blockers).toEqual([
      { ...none, code: 'VBRS_ATTACHED', vbrIds: ['vbr-a1', 'vbr-b2'], message: expect.stringContaining('vbr-a1, vbr-b2') },
    ]);
    expect(byId.get('pc-locked')?.terminationCheck?.blockers).toEqual([
      { ...none, code: 'RESOURCE_LOCKED', businessStatus: 'SECURITY_LOCKED', message: expect.stringContaining('SECURITY_LOCKED') },
    ]);
    expect(byId.get('pc-everything')?.terminationCheck?.blockers.map((blocker) => blocker.code)).toEqual([
      'PHYSICAL_CONNECTION_NOT_ENABLED',
      'RESOURCE_LOCKED',
      'VBRS_ATTACHED',
    ]);
    expect(byId.get('pc-withvbrs')?.vbrs?.map((vbr) => [vbr.id, vbr.physicalConnection?.id])).toEqual([
      ['vbr-b2', 'pc-withvbrs'],
      ['vbr-a1', 'pc-withvbrs'],
    ]);
    expect(ds.callsOf('freshPhysicalConnection')).toEqual([]);
    expect(ds.callsOf('freshVbrAttachments')).toEqual([]);
  });

  it('a failing VBR load is a field error on vbrs / terminationCheck; the circuits are still returned', async () => {
    const ds = consoleSource().fail(
      'vbrsOfPhysicalConnection',
      upstreamError({ kind: 'UNAVAILABLE', code: 'ServiceUnavailable', httpStatus: 503, retryable: true }),
    );
    const { data, errors } = await harness.run<{ physicalConnections: { nodes: Node[] } }>(ds, CONSOLE);
    expect(data?.physicalConnections.nodes.map((node) => [node.id, node.status, node.vbrs, node.terminationCheck])).toEqual([
      ['pc-free', 'ENABLED', null, null],
      ['pc-confirmed', 'CONFIRMED', null, null],
      ['pc-withvbrs', 'ENABLED', null, null],
      ['pc-locked', 'ENABLED', null, null],
      ['pc-everything', 'ALLOCATED', null, null],
    ]);
    expect(errors).toHaveLength(10);
    expect(errors?.[0]).toEqual({
      message: 'The VPC API is temporarily unavailable; retry after a backoff.',
      locations: expect.any(Array),
      path: ['physicalConnections', 'nodes', 0, 'vbrs'],
      extensions: {
        code: 'UPSTREAM_UNAVAILABLE',
        retryable: true,
        upstream: { code: 'ServiceUnavailable', httpStatus: 503, requestId: 'REQ-FAKE-0001' },
      },
    });
    expect(errors?.map((error) => error.path?.at(-1)).sort()).toEqual([
      ...Array<string>(5).fill('terminationCheck'),
      ...Array<string>(5).fill('vbrs'),
    ]);
  });
});
