/**
 * The eight circuit writes (Create/Confirm/Enable/Cancel/Terminate/Delete/Recover/Modify
 * PhysicalConnection): each validates its request, then sends it through the `Writer`.
 *
 * Quirks kept (docs/datasource.md#requests): `bandwidth` is lower-case, CreatePhysicalConnection
 * takes `Tag.N.*`, RecoverPhysicalConnection takes `InstanceId` and `Token`.
 */
import { LINE_OPERATORS, type WriteResult } from '../models';
import { createdPhysicalConnectionId } from '../mappers/responses';
import { validTags } from './filters';
import { Params } from './params';
import type {
  CallOptions,
  CreatePhysicalConnectionRequest,
  CreatePhysicalConnectionResult,
  EnablePhysicalConnectionRequest,
  ModifyPhysicalConnectionAttributeRequest,
  PhysicalConnectionWrite,
  RecoverPhysicalConnectionRequest,
} from './requests';
import * as v from './validation';
import { LINE_OPERATOR_WIRE } from './wire-enums';
import { missingId, type Writer } from './writer';

const opt = v.optional;
const text = v.textOf;

export class CircuitWrites {
  constructor(private readonly writer: Writer) {}

  async create(req: CreatePhysicalConnectionRequest, options: CallOptions): Promise<CreatePhysicalConnectionResult> {
    const regionId = v.regionId(v.request(req).regionId);
    const params = new Params()
      .set('RegionId', regionId)
      .set('AccessPointId', v.genericId(req.accessPointId, 'accessPointId'))
      .set('LineOperator', LINE_OPERATOR_WIRE[v.oneOf(req.lineOperator, 'lineOperator', LINE_OPERATORS)])
      .set('PortType', opt(req.portType, (x) => v.oneOf(x, 'portType', v.PORT_TYPES)))
      .set('CircuitCode', opt(req.circuitCode, text(128, 'circuitCode')))
      .set('Name', opt(req.name, (x) => v.resourceName(x, 'name')))
      .set('Description', opt(req.description, (x) => v.resourceDescription(x, 'description')))
      .set('PeerLocation', opt(req.peerLocation, text(256, 'peerLocation')))
      .set('RedundantPhysicalConnectionId', opt(req.redundantPhysicalConnectionId, (x) => v.physicalConnectionId(x, 'redundantPhysicalConnectionId')))
      .set('ResourceGroupId', opt(req.resourceGroupId, (x) => v.genericId(x, 'resourceGroupId')))
      .set('Type', opt(req.type, text(32, 'type')))
      .set('bandwidth', opt(req.bandwidth, (x) => v.oneOfNumbers(x, 'bandwidth', v.SHARED_CIRCUIT_BANDWIDTHS)))
      .set('OpticalModuleModel', opt(req.opticalModuleModel, text(128, 'opticalModuleModel')))
      .repeat('DeviceAdvancedCapacity', opt(req.deviceAdvancedCapacity, (x) => v.list(x, 'deviceAdvancedCapacity', (c, f) => v.text(c, f, 64), 20)))
      .tags('Tag', validTags(req.tags));
    const { result, body } = await this.writer.send('CreatePhysicalConnection', regionId, params, req.clientToken, 'ClientToken', options);
    const physicalConnectionId = createdPhysicalConnectionId(body);
    if (!physicalConnectionId) throw missingId('CreatePhysicalConnection', result, 'PhysicalConnectionId');
    return { ...result, physicalConnectionId };
  }

  confirm(req: PhysicalConnectionWrite, options: CallOptions): Promise<WriteResult> {
    return this.send('ConfirmPhysicalConnection', req, options);
  }

  cancel(req: PhysicalConnectionWrite, options: CallOptions): Promise<WriteResult> {
    return this.send('CancelPhysicalConnection', req, options);
  }

  terminate(req: PhysicalConnectionWrite, options: CallOptions): Promise<WriteResult> {
    return this.send('TerminatePhysicalConnection', req, options);
  }

  delete(req: PhysicalConnectionWrite, options: CallOptions): Promise<WriteResult> {
    return this.send('DeletePhysicalConnection', req, options);
  }

  enable(req: EnablePhysicalConnectionRequest, options: CallOptions): Promise<WriteResult> {
    return this.send('EnablePhysicalConnection', req, options, (p) => p.set('ByPassSp', opt(req.byPassSp, (x) => v.boolean(x, 'byPassSp'))));
  }

  /** The odd one out: the circuit is `InstanceId` and the idempotency token is `Token`. */
  async recover(req: RecoverPhysicalConnectionRequest, options: CallOptions): Promise<WriteResult> {
    const regionId = v.regionId(v.request(req).regionId);
    const params = new Params()
      .set('RegionId', regionId)
      .set('InstanceId', v.physicalConnectionId(req.physicalConnectionId))
      .set('DryRun', opt(req.dryRun, (x) => v.boolean(x, 'dryRun')));
    return (await this.writer.send('RecoverPhysicalConnection', regionId, params, req.clientToken, 'Token', options)).result;
  }

  modifyAttribute(req: ModifyPhysicalConnectionAttributeRequest, options: CallOptions): Promise<WriteResult> {
    return this.send('ModifyPhysicalConnectionAttribute', req, options, (p) =>
      p
        .set('Name', opt(req.name, (x) => v.resourceName(x, 'name')))
        .set('Description', opt(req.description, (x) => v.resourceDescription(x, 'description')))
        .set('CircuitCode', opt(req.circuitCode, text(128, 'circuitCode')))
        .set('LineOperator', opt(req.lineOperator, (x) => LINE_OPERATOR_WIRE[v.oneOf(x, 'lineOperator', LINE_OPERATORS)]))
        .set('PeerLocation', opt(req.peerLocation, text(256, 'peerLocation')))
        .set('PortType', opt(req.portType, (x) => v.oneOf(x, 'portType', v.PORT_TYPES)))
        .set('RedundantPhysicalConnectionId', opt(req.redundantPhysicalConnectionId, (x) => v.physicalConnectionId(x, 'redundantPhysicalConnectionId')))
        .set('bandwidth', opt(req.bandwidth, (x) => v.integer(x, 'bandwidth', 2, 10_240)))
        .set('DownDelayTime', opt(req.downDelayTime, (x) => v.downDelayTime(x, 'downDelayTime'))),
    );
  }

  private async send(action: string, req: PhysicalConnectionWrite, options: CallOptions, extra?: (p: Params) => Params): Promise<WriteResult> {
    const regionId = v.regionId(v.request(req).regionId);
    const params = new Params().set('RegionId', regionId).set('PhysicalConnectionId', v.physicalConnectionId(req.physicalConnectionId));
    extra?.(params);
    return (await this.writer.send(action, regionId, params, req.clientToken, 'ClientToken', options)).result;
  }
}
