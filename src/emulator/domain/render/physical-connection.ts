/**
 * A circuit record -> a `PhysicalConnectionSet.PhysicalConnectionType[]` item, with the upstream
 * quirks: tags wrapped as `Tags.tags[]` (lower case), MACsec keys as `MacsecKeys.MacsecKey[]` (their
 * CAK masked), `HasReservationData` a JSON boolean although the model types it string, `VlanId` a
 * string, and the 64-bit `ParentPhysicalConnectionAliUid` an exact JSON integer.
 */
import { JsonInteger } from '../../contract';
import { CIRCUIT_FIELDS, RESERVATION_FIELDS } from '../fields';
import type { CircuitRecord, SeedMacsecKey } from '../seed';
import type { Store } from '../state/store';

export interface CircuitRenderOptions {
  includeReservationData: boolean;
  /** `Store.vpconnCounts()`, computed once per listing rather than once per item. */
  vpconnCounts: ReadonlyMap<string, number>;
}

/**
 * The SDK 7 model has a `Cak` on each key, so the field is there, but masked: the CAK is the
 * shared secret of the link, and a read-only API key must not be able to fetch it. A fixed mask
 * (not an empty string) says "set, hidden" rather than "none".
 */
export const MASKED_CAK = '******';

function renderMacsecKey(key: SeedMacsecKey): Record<string, unknown> {
  return { ...key, Cak: MASKED_CAK };
}

export function renderPhysicalConnection(
  store: Store,
  circuit: CircuitRecord,
  options: CircuitRenderOptions,
): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  const record = circuit as unknown as Record<string, unknown>;
  for (const [name, spec] of Object.entries(CIRCUIT_FIELDS)) {
    const value = record[name];
    if (spec.listed === false || value === undefined) continue;
    if (RESERVATION_FIELDS.has(name) && !options.includeReservationData) continue;
    if (name === 'Tags') item.Tags = { tags: circuit.Tags.map((tag) => ({ ...tag })) };
    else if (name === 'MacsecKeys') item.MacsecKeys = { MacsecKey: circuit.MacsecKeys.map(renderMacsecKey) };
    else item[name] = value;
  }
  const hasReservation = [...RESERVATION_FIELDS].some((name) => record[name] !== undefined);
  item.HasReservationData = options.includeReservationData && hasReservation;
  if (circuit.ProductType === 'PhysicalConnection') {
    item.VirtualPhysicalConnectionCount = options.vpconnCounts.get(circuit.PhysicalConnectionId) ?? 0;
  }
  const parent = circuit.ParentPhysicalConnectionId && store.circuits.get(circuit.ParentPhysicalConnectionId);
  if (parent) item.ParentPhysicalConnectionAliUid = new JsonInteger(parent.OwnerId);
  return item;
}
