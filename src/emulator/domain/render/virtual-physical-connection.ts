/**
 * A vpconn record -> a `VirtualPhysicalConnections[]` item of ListVirtualPhysicalConnections, with
 * that response's own quirks (unlike DescribePhysicalConnections): a plain array of tags, the
 * tenant as `AliUid` and the host's owner as `ParentPhysicalConnectionAliUid`, both strings, and
 * the vpconn status as `VirtualPhysicalConnectionStatus`.
 */
import type { CircuitRecord, SeedPhysicalConnection } from '../seed';
import type { Store } from '../state/store';

/** The record fields the list item carries under their own names (the SDK 7 model's). */
const LISTED: ReadonlyArray<keyof SeedPhysicalConnection> = [
  'AccessPointId',
  'AdLocation',
  'Bandwidth',
  'BusinessStatus',
  'ChargeType',
  'CircuitCode',
  'CreationTime',
  'Description',
  'EnabledTime',
  'EndTime',
  'ExpectSpec',
  'LineOperator',
  'LoaStatus',
  'Name',
  'OrderMode',
  'ParentPhysicalConnectionId',
  'PeerLocation',
  'PhysicalConnectionId',
  'PortNumber',
  'PortType',
  'ProductType',
  'RedundantPhysicalConnectionId',
  'ResourceGroupId',
  'Spec',
  'Status',
  'Type',
  'VlanId',
];

export function renderVirtualPhysicalConnection(store: Store, vpconn: CircuitRecord): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const name of LISTED) if (vpconn[name] !== undefined) item[name] = vpconn[name];
  item.AliUid = vpconn.OwnerId;
  const host = vpconn.ParentPhysicalConnectionId === undefined ? undefined : store.circuits.get(vpconn.ParentPhysicalConnectionId);
  if (host) item.ParentPhysicalConnectionAliUid = host.OwnerId;
  if (vpconn.VpconnStatus !== undefined) item.VirtualPhysicalConnectionStatus = vpconn.VpconnStatus;
  item.Tags = vpconn.Tags.map((tag) => ({ ...tag }));
  return item;
}
