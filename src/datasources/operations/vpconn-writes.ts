/**
 * CreateVirtualPhysicalConnection: a shared-port virtual connection (vpconn) on the caller's
 * circuit for a tenant, validated, then sent through the `Writer` with its token as `Token`.
 * (A vpconn is deleted with DeletePhysicalConnection on its id: circuit-writes.ts.)
 */
import { ORDER_MODES, VPCONN_SPECS } from '../models';
import { createdVirtualPhysicalConnectionId } from '../mappers/responses';
import { validTags } from './filters';
import { Params } from './params';
import type { CallOptions, CreateVirtualPhysicalConnectionRequest, CreateVirtualPhysicalConnectionResult } from './requests';
import * as v from './validation';
import { ORDER_MODE_WIRE } from './wire-enums';
import { missingId, type Writer } from './writer';

const opt = v.optional;
const text = v.textOf;

export class VpconnWrites {
  constructor(private readonly writer: Writer) {}

  async create(req: CreateVirtualPhysicalConnectionRequest, options: CallOptions): Promise<CreateVirtualPhysicalConnectionResult> {
    const regionId = v.regionId(v.request(req).regionId);
    const params = new Params()
      .set('RegionId', regionId)
      .set('PhysicalConnectionId', v.physicalConnectionId(req.physicalConnectionId))
      .set('VlanId', v.integer(req.vlanId, 'vlanId', 0, 2999))
      .set('Spec', v.oneOf(req.spec, 'spec', VPCONN_SPECS))
      .set('OrderMode', ORDER_MODE_WIRE[v.oneOf(req.orderMode, 'orderMode', ORDER_MODES)])
      .set('VpconnAliUid', v.accountId(req.vpconnAliUid, 'vpconnAliUid'))
      .set('Name', opt(req.name, text(128, 'name')))
      .set('Description', opt(req.description, text(256, 'description')))
      .set('ResourceGroupId', opt(req.resourceGroupId, (x) => v.genericId(x, 'resourceGroupId')))
      .set('DryRun', opt(req.dryRun, (x) => v.boolean(x, 'dryRun')))
      .tags('Tag', validTags(req.tags));
    const { result, body } = await this.writer.send('CreateVirtualPhysicalConnection', regionId, params, req.clientToken, 'Token', options);
    const virtualPhysicalConnectionId = createdVirtualPhysicalConnectionId(body);
    if (!virtualPhysicalConnectionId) throw missingId('CreateVirtualPhysicalConnection', result, 'VirtualPhysicalConnection');
    return { ...result, virtualPhysicalConnectionId };
  }
}
