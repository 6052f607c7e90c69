/**
 * The five VBR writes (Create/Delete/Terminate/Recover/Modify VirtualBorderRouter): each validates
 * its request, then sends it through the `Writer`.
 *
 * Quirk kept (docs/datasource.md#requests): ModifyVirtualBorderRouterAttribute's
 * `AssociatedPhysicalConnections` is ONE JSON-encoded string (`VlanId` a string, `ipv6Enable`).
 */
import type { WriteResult } from '../models';
import { createdVbrId } from '../mappers/responses';
import { validTags } from './filters';
import { Params } from './params';
import type {
  AssociatedPhysicalConnectionInput,
  CallOptions,
  CreateVirtualBorderRouterRequest,
  CreateVirtualBorderRouterResult,
  ModifyVirtualBorderRouterAttributeRequest,
  VbrAddressing,
  VbrWrite,
} from './requests';
import * as v from './validation';
import { missingId, type Writer } from './writer';

const opt = v.optional;
const text = v.textOf;

export class VbrWrites {
  constructor(private readonly writer: Writer) {}

  async create(req: CreateVirtualBorderRouterRequest, options: CallOptions): Promise<CreateVirtualBorderRouterResult> {
    const regionId = v.regionId(v.request(req).regionId);
    const params = new Params()
      .set('RegionId', regionId)
      .set('PhysicalConnectionId', v.physicalConnectionId(req.physicalConnectionId))
      .set('VlanId', v.integer(req.vlanId, 'vlanId', 0, 2999))
      .set('Bandwidth', opt(req.bandwidth, (x) => v.integer(x, 'bandwidth', 1, 1_000_000)))
      .set('CircuitCode', opt(req.circuitCode, text(128, 'circuitCode')))
      .set('Name', opt(req.name, text(128, 'name')))
      .set('Description', opt(req.description, text(256, 'description')))
      .set('ResourceGroupId', opt(req.resourceGroupId, (x) => v.genericId(x, 'resourceGroupId')))
      .set('VbrOwnerId', opt(req.vbrOwnerId, (x) => v.accountId(x, 'vbrOwnerId')))
      .tags('Tags', validTags(req.tags));
    addressing(params, req);
    const { result, body } = await this.writer.send('CreateVirtualBorderRouter', regionId, params, req.clientToken, 'ClientToken', options);
    const vbrId = createdVbrId(body);
    if (!vbrId) throw missingId('CreateVirtualBorderRouter', result, 'VbrId');
    return { ...result, vbrId };
  }

  delete(req: VbrWrite, options: CallOptions): Promise<WriteResult> {
    return this.send('DeleteVirtualBorderRouter', req, options);
  }

  terminate(req: VbrWrite, options: CallOptions): Promise<WriteResult> {
    return this.send('TerminateVirtualBorderRouter', req, options);
  }

  recover(req: VbrWrite, options: CallOptions): Promise<WriteResult> {
    return this.send('RecoverVirtualBorderRouter', req, options);
  }

  modifyAttribute(req: ModifyVirtualBorderRouterAttributeRequest, options: CallOptions): Promise<WriteResult> {
    return this.send('ModifyVirtualBorderRouterAttribute', req, options, (p) => {
      p.set('AssociatedPhysicalConnections', opt(req.associatedPhysicalConnections, associatedJson))
        .set('Bandwidth', opt(req.bandwidth, (x) => v.integer(x, 'bandwidth', 1, 1_000_000)))
        .set('CircuitCode', opt(req.circuitCode, text(128, 'circuitCode')))
        .set('Name', opt(req.name, text(128, 'name')))
        .set('Description', opt(req.description, text(256, 'description')))
        .set('DetectMultiplier', opt(req.detectMultiplier, (x) => v.integer(x, 'detectMultiplier', 3, 10)))
        .set('MinRxInterval', opt(req.minRxInterval, (x) => v.integer(x, 'minRxInterval', 200, 1000)))
        .set('MinTxInterval', opt(req.minTxInterval, (x) => v.integer(x, 'minTxInterval', 200, 1000)))
        .set('Mtu', opt(req.mtu, (x) => v.integer(x, 'mtu', 1, 65_535)))
        .set('SitelinkEnable', opt(req.sitelinkEnable, (x) => v.boolean(x, 'sitelinkEnable')))
        .set('VlanId', opt(req.vlanId, (x) => v.integer(x, 'vlanId', 0, 2999)));
      addressing(p, req);
      return p;
    });
  }

  private async send(action: string, req: VbrWrite, options: CallOptions, extra?: (p: Params) => Params): Promise<WriteResult> {
    const regionId = v.regionId(v.request(req).regionId);
    const params = new Params().set('RegionId', regionId).set('VbrId', v.vbrId(req.vbrId));
    extra?.(params);
    return (await this.writer.send(action, regionId, params, req.clientToken, 'ClientToken', options)).result;
  }
}

/** The peering addresses of a VBR request: wire name by field (the IPv6 switch differs per place). */
const PEERING_ADDRESSES: ReadonlyArray<readonly [Exclude<keyof VbrAddressing, 'enableIpv6'>, string]> = [
  ['localGatewayIp', 'LocalGatewayIp'],
  ['peerGatewayIp', 'PeerGatewayIp'],
  ['peeringSubnetMask', 'PeeringSubnetMask'],
  ['localIpv6GatewayIp', 'LocalIpv6GatewayIp'],
  ['peerIpv6GatewayIp', 'PeerIpv6GatewayIp'],
  ['peeringIpv6SubnetMask', 'PeeringIpv6SubnetMask'],
];

/**
 * Validated peering parameters of `req`, each under its wire name; `prefix` names the argument
 * in errors, and the IPv6 switch goes under `ipv6Name` (`EnableIpv6` as a parameter, `ipv6Enable`
 * inside the AssociatedPhysicalConnections JSON, as the SDK documents).
 */
function peeringParams(req: VbrAddressing, prefix: string, ipv6Name: string): Array<[string, string | boolean]> {
  const out: Array<[string, string | boolean]> = [];
  for (const [field, wire] of PEERING_ADDRESSES) {
    const value = opt(req[field], text(64, `${prefix}${field}`));
    if (value !== undefined) out.push([wire, value]);
  }
  const ipv6 = opt(req.enableIpv6, (x) => v.boolean(x, `${prefix}enableIpv6`));
  if (ipv6 !== undefined) out.push([ipv6Name, ipv6]);
  return out;
}

function addressing(params: Params, req: VbrAddressing): void {
  for (const [wire, value] of peeringParams(req, '', 'EnableIpv6')) params.set(wire, value);
}

/** The SDK's documented shape: VlanId as a string, `ipv6Enable` (lower-case i) as a boolean. */
function associatedJson(value: unknown): string {
  const entries = v.list(
    value,
    'associatedPhysicalConnections',
    (item, f) => {
      if (typeof item !== 'object' || item === null) return v.text(undefined, f, 0);
      const a = item as AssociatedPhysicalConnectionInput;
      const out: Record<string, string | boolean> = { PhysicalConnectionId: v.physicalConnectionId(a.physicalConnectionId, `${f}.physicalConnectionId`) };
      const put = (key: string, val: string | boolean | undefined) => {
        if (val !== undefined) out[key] = val;
      };
      put('VlanId', opt(a.vlanId, (x) => String(v.integer(x, `${f}.vlanId`, 0, 2999))));
      put('CircuitCode', opt(a.circuitCode, text(128, `${f}.circuitCode`)));
      for (const [wire, val] of peeringParams(a, `${f}.`, 'ipv6Enable')) put(wire, val);
      return out;
    },
    10,
  );
  return JSON.stringify(entries);
}
