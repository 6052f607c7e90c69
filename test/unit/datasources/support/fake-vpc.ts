/**
 * A tiny in-memory answerer for the three Describe calls, enough to exercise batching and paging
 * in unit tests: `Filter.N.Key/Value.M` (AND across keys, OR within), `PageNumber`/`PageSize`,
 * `TotalCount`, `IncludeCrossAccountVbr` (a VBR marked `Foreign` is listed only with it). Everything
 * else answers a plain success (CreateVirtualBorderRouter with a new VbrId).
 */
import type { Handler, RecordedRequest, ScriptedReply } from './mock-upstream';

export interface FakeCircuit {
  PhysicalConnectionId: string;
  Status: string;
  RegionId?: string;
  [k: string]: unknown;
}
export interface FakeVbr {
  VbrId: string;
  PhysicalConnectionId: string;
  Status: string;
  RegionId?: string;
  /** Another account's VBR on the caller's circuit. */
  Foreign?: boolean;
  [k: string]: unknown;
}
export interface FakeAttachment {
  VbrId: string;
  Status: string;
  [k: string]: unknown;
}

function filters(query: Record<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let n = 1; query[`Filter.${n}.Key`] !== undefined; n++) {
    const values: string[] = [];
    for (let m = 1; query[`Filter.${n}.Value.${m}`] !== undefined; m++) values.push(query[`Filter.${n}.Value.${m}`] as string);
    out.set(query[`Filter.${n}.Key`] as string, values);
  }
  return out;
}

function matches(item: Record<string, unknown>, conditions: Map<string, string[]>): boolean {
  for (const [key, values] of conditions) {
    const field = key === 'eccId' ? 'EccId' : key === 'type' ? 'Type' : key;
    if (!values.includes(String(item[field]))) return false;
  }
  return true;
}

function paged<T>(req: RecordedRequest, all: T[], setKey: string, itemKey: string): ScriptedReply {
  const pageNumber = Number(req.query.PageNumber ?? 1);
  const pageSize = Number(req.query.PageSize ?? 10);
  const slice = all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  return {
    status: 200,
    body: { RequestId: `R-${req.action}-${pageNumber}`, TotalCount: all.length, PageNumber: pageNumber, PageSize: pageSize, [setKey]: { [itemKey]: slice } },
  };
}

export function fakeVpc(data: { circuits?: FakeCircuit[]; vbrs?: FakeVbr[]; attachments?: Record<string, FakeAttachment[]> }): Handler {
  return (req) => {
    const region = req.query.RegionId;
    const inRegion = <T extends { RegionId?: string }>(list: T[] | undefined) => (list ?? []).filter((x) => (x.RegionId ?? 'cn-hangzhou') === region);
    switch (req.action) {
      case 'DescribePhysicalConnections':
        return paged(req, inRegion(data.circuits).filter((c) => matches(c, filters(req.query))), 'PhysicalConnectionSet', 'PhysicalConnectionType');
      case 'DescribeVirtualBorderRouters':
        return paged(
          req,
          inRegion(data.vbrs).filter((v) => matches(v, filters(req.query)) && (v.Foreign !== true || req.query.IncludeCrossAccountVbr === 'true')),
          'VirtualBorderRouterSet',
          'VirtualBorderRouterType',
        );
      case 'DescribeVirtualBorderRoutersForPhysicalConnection':
        return paged(
          req,
          data.attachments?.[req.query.PhysicalConnectionId ?? ''] ?? [],
          'VirtualBorderRouterForPhysicalConnectionSet',
          'VirtualBorderRouterForPhysicalConnectionType',
        );
      case 'DescribeRegions':
        return { status: 200, body: { RequestId: 'R-regions', Regions: { Region: [{ RegionId: 'cn-hangzhou', LocalName: 'Hangzhou', RegionEndpoint: 'vpc.aliyuncs.com' }] } } };
      case 'CreateVirtualBorderRouter':
        return { status: 200, body: { RequestId: `R-${req.action}`, VbrId: 'vbr-new1' } };
      default:
        return { status: 200, body: { RequestId: `R-${req.action}` } };
    }
  };
}

export const circuitIds = (n: number, prefix = 'pc-c'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
