/**
 * The DataLoaders of one GraphQL request: every `physicalConnection(id)`, `vbrsOfPhysicalConnection(id)`,
 * `vbr(id)` and `ownVbr(id)` asked for in one tick becomes one page walk per region and 50 ids (by-id-loader.ts),
 * not one call each; `vpconnsOfPhysicalConnection(id)` one walk per circuit (the upstream list takes
 * one host per call) (docs/datasource.md#batching-per-graphql-request).
 *
 * Invariants: whatever a call returns primes the by-id loaders; a VBR the mappers rejected fails
 * the VBR list of its circuit (hiding it could make a circuit look free of VBRs).
 */
import DataLoader from 'dataloader';
import type { PhysicalConnection, Vbr, VirtualPhysicalConnection } from '../models';
import type { ReadOperations } from '../operations/read-operations';
import { circuitsByIds, ownVbrsByIds, vbrsByIds, vbrsOfCircuits, vpconnsOfCircuit } from '../operations/read-queries';
import type { CallOptions, RejectedItem } from '../operations/requests';
import type { RegionId } from '../operations/validation';
import { keyString, loadByIds, walkChunks, type ByIdKey, type ByIdSource } from './by-id-loader';
import { walkAllTokens } from './page-walk';

export class RequestLoaders {
  readonly physicalConnection: DataLoader<ByIdKey, PhysicalConnection | null, string>;
  readonly vbrsOfPhysicalConnection: DataLoader<ByIdKey, Vbr[], string>;
  readonly vbr: DataLoader<ByIdKey, Vbr | null, string>;
  /** The same VBRs as `vbr`, listed without other accounts' (null: not this account's VBR). */
  readonly ownVbr: DataLoader<ByIdKey, Vbr | null, string>;
  readonly vpconnsOfPhysicalConnection: DataLoader<ByIdKey, VirtualPhysicalConnection[], string>;

  constructor(reads: ReadOperations, signal: AbortSignal | undefined) {
    const options = signal ? { signal } : {};
    const subject = (action: string) => ({ action, report: reads.reportUnexpected.bind(reads) });
    const circuitsById: ByIdSource<PhysicalConnection> = {
      page: (regionId, ids, pageNumber, pageSize) => reads.physicalConnections(circuitsByIds(regionId, ids, { pageNumber, pageSize }), options),
      idOf: (pc) => pc.id,
      subject: subject('DescribePhysicalConnections'),
    };
    const vbrsById: ByIdSource<Vbr> = {
      page: (regionId, ids, pageNumber, pageSize) => reads.vbrs(vbrsByIds(regionId, ids, { pageNumber, pageSize }), options),
      idOf: (vbr) => vbr.id,
      subject: subject('DescribeVirtualBorderRouters'),
    };
    const ownVbrsById: ByIdSource<Vbr> = {
      ...vbrsById,
      page: (regionId, ids, pageNumber, pageSize) => reads.vbrs(ownVbrsByIds(regionId, ids, { pageNumber, pageSize }), options),
    };
    const vbrsByCircuit: ByIdSource<Vbr> = {
      ...vbrsById,
      page: (regionId, ids, pageNumber, pageSize) => reads.vbrs(vbrsOfCircuits(regionId, ids, { pageNumber, pageSize }), options),
    };
    this.physicalConnection = new DataLoader((keys) => loadByIds(keys, circuitsById), { cacheKeyFn: keyString });
    this.vbr = new DataLoader((keys) => loadByIds(keys, vbrsById), { cacheKeyFn: keyString });
    this.ownVbr = new DataLoader((keys) => loadByIds(keys, ownVbrsById), { cacheKeyFn: keyString });
    this.vbrsOfPhysicalConnection = new DataLoader((keys) => this.loadVbrsOfCircuits(keys, vbrsByCircuit), { cacheKeyFn: keyString });
    // The list takes one hosting circuit per call: a walk per circuit, cached for the request.
    this.vpconnsOfPhysicalConnection = new DataLoader(
      (keys) => Promise.all(keys.map((key) => vpconnsHostedOn(reads, key.regionId, key.id, options).catch((error: Error) => error))),
      { cacheKeyFn: keyString },
    );
  }

  primePhysicalConnections(regionId: RegionId, items: readonly PhysicalConnection[], rejected: readonly RejectedItem[] = []): void {
    for (const pc of items) this.physicalConnection.prime({ regionId, id: pc.id }, pc);
    for (const r of rejected) if (r.id) this.physicalConnection.prime({ regionId, id: r.id }, r.error);
  }

  primeVbrs(regionId: RegionId, items: readonly Vbr[], rejected: readonly RejectedItem[] = []): void {
    for (const vbr of items) this.vbr.prime({ regionId, id: vbr.id }, vbr);
    for (const r of rejected) if (r.id) this.vbr.prime({ regionId, id: r.id }, r.error);
  }

  /** One walk per region and 50 circuits; each VBR goes to every circuit of the chunk it hangs off. */
  private async loadVbrsOfCircuits(keys: readonly ByIdKey[], source: ByIdSource<Vbr>): Promise<(Vbr[] | Error)[]> {
    const result = new Map<string, Vbr[] | Error>();
    for (const outcome of await walkChunks(keys, source)) {
      const { regionId, ids } = outcome.chunk;
      const chunkKeys = ids.map((id) => keyString({ regionId, id }));
      if ('error' in outcome) {
        for (const key of chunkKeys) result.set(key, outcome.error);
        continue;
      }
      const { items, rejected } = outcome.walked;
      for (const key of chunkKeys) result.set(key, []);
      for (const vbr of items) {
        for (const circuit of circuitsOf(vbr)) {
          const list = result.get(keyString({ regionId, id: circuit }));
          if (Array.isArray(list)) list.push(vbr);
        }
      }
      this.primeVbrs(regionId, items, rejected);
      for (const r of rejected) failOwners(result, r, regionId, chunkKeys);
    }
    return keys.map((key) => result.get(keyString(key)) ?? []);
  }
}

/** The circuits a VBR hangs off: its own, plus any in its associated-connection list. */
function circuitsOf(vbr: Vbr): string[] {
  const ids = new Set<string>();
  if (vbr.physicalConnectionId) ids.add(vbr.physicalConnectionId);
  for (const a of vbr.associatedPhysicalConnections) if (a.physicalConnectionId) ids.add(a.physicalConnectionId);
  return [...ids];
}

/** A rejected VBR fails its circuit's list; with no known circuit, every circuit of the chunk. */
function failOwners(result: Map<string, Vbr[] | Error>, rejected: RejectedItem, regionId: RegionId, chunkKeys: readonly string[]): void {
  const ownerKey = rejected.ownerId ? keyString({ regionId, id: rejected.ownerId }) : null;
  const targets = ownerKey && chunkKeys.includes(ownerKey) ? [ownerKey] : chunkKeys;
  for (const key of targets) result.set(key, rejected.error);
}

/**
 * Every vpconn hosted on one circuit (ListVirtualPhysicalConnections walked by token). An item the
 * mappers rejected fails the whole list: a vpconn left out would make its host look free of them.
 */
export async function vpconnsHostedOn(
  reads: ReadOperations,
  regionId: RegionId,
  physicalConnectionId: string,
  options: CallOptions,
): Promise<VirtualPhysicalConnection[]> {
  const { items, rejected } = await walkAllTokens(
    (nextToken) => reads.virtualPhysicalConnections(vpconnsOfCircuit(regionId, physicalConnectionId, nextToken), options),
    (vpconn) => vpconn.id,
    { action: 'ListVirtualPhysicalConnections', report: (e) => reads.reportUnexpected(e) },
  );
  const first = rejected[0]?.error;
  if (first) throw first;
  return items;
}
