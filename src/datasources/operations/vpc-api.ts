/**
 * The 17 typed operations: validated gateway requests -> upstream parameters (quirks included)
 * -> one logical call (vpc-client.ts) -> mapped models.
 *
 * Every argument is validated before anything is sent. Writes always carry an idempotency token
 * (the caller's, or a fresh UUID for this logical call) so retries of the call cannot act twice,
 * and once sent they are no longer cancelled by `options.signal` (vpc-client.ts).
 */
import { randomUUID } from 'node:crypto';
import { UpstreamError } from '../errors';
import { physicalConnectionConditions, validTags, vbrConditions, vbrOfCircuitConditions } from './filters';
import { mapRegions } from '../mappers/region';
import {
  createdPhysicalConnectionId,
  createdVbrId,
  mapPhysicalConnectionPage,
  mapVbrAttachmentPage,
  mapVbrPage,
} from '../mappers/responses';
import type { MapContext } from '../mappers/values';
import { LINE_OPERATORS, type PhysicalConnection, type Region, type Vbr, type VbrAttachment, type WriteResult } from '../models';
import type { WalkSubject } from '../reads/loaders';
import type { UnexpectedValueEvent, VpcBackendHooks } from '../options';
import { Params } from './params';
import { ReadCoalescer } from '../reads/read-coalescer';
import * as v from './validation';
import type { VpcClient } from '../wire/upstream-client';
import { addressing, asRequest, associatedJson, missingId, opt, pageOf, readKey, signal, text, toList } from './vpc-api-support';
import type {
  CallOptions,
  CreatePhysicalConnectionRequest,
  CreatePhysicalConnectionResult,
  CreateVirtualBorderRouterRequest,
  CreateVirtualBorderRouterResult,
  DescribePhysicalConnectionsRequest,
  DescribeRegionsRequest,
  DescribeVbrsForPhysicalConnectionRequest,
  DescribeVirtualBorderRoutersRequest,
  EnablePhysicalConnectionRequest,
  ListResult,
  ModifyPhysicalConnectionAttributeRequest,
  ModifyVirtualBorderRouterAttributeRequest,
  PhysicalConnectionWrite,
  RecoverPhysicalConnectionRequest,
  VbrWrite,
} from './requests';
import { ACCEPT_LANGUAGE_WIRE, LINE_OPERATOR_WIRE } from './wire-enums';

const NO_SHARING = { coalesce: false, cacheTtlMs: 0, cacheMaxEntries: 1 };

export class VpcApi {
  constructor(
    private readonly client: VpcClient,
    private readonly hooks: VpcBackendHooks,
    /** Cross-request sharing of reads; results of different actions share one instance. */
    private readonly reads: ReadCoalescer<unknown> = new ReadCoalescer(NO_SHARING),
  ) {}

  /**
   * One read: sent and mapped, or shared with identical concurrent/cached reads unless `fresh`.
   * The mapped result is what is shared, so the mapping runs once per upstream response.
   */
  private read<T>(
    action: string,
    regionId: string | null,
    params: Readonly<Record<string, string>>,
    options: CallOptions,
    map: (body: Record<string, unknown>, requestId: string) => T,
  ): Promise<T> {
    const fetch = async (callSignal?: AbortSignal): Promise<T> => {
      const { body, requestId } = await this.client.call({ action, regionId, params, ...(callSignal ? { signal: callSignal } : {}) });
      return map(body, requestId);
    };
    if (options.fresh === true || !this.reads.enabled) return fetch(options.signal);
    // The key names the action, so a shared value is always this action's mapped result.
    return this.reads.read({
      key: readKey(action, regionId, params),
      scope: regionId ?? '',
      fetch,
      ...signal(options),
      cancelled: () => this.client.cancelled(action),
      onShared: (source) => {
        try {
          this.hooks.onSharedRead?.({ action, regionId: regionId ?? '', source });
        } catch {
          // Observers must not break reads.
        }
      },
    }) as Promise<T>;
  }

  private reportUnexpected(e: UnexpectedValueEvent): void {
    try {
      this.hooks.onUnexpectedValue?.(e);
    } catch {
      // Observers must not break mapping or a walk.
    }
  }

  private context(action: string, regionId: string, requestId: string): MapContext {
    return { action, regionId, requestId, unexpected: (e) => this.reportUnexpected({ action, ...e }) };
  }

  /** For a walk over every page of one action's list (loaders.ts): its failures report like the mappers'. */
  walkSubject(action: string): WalkSubject {
    return { action, report: (e) => this.reportUnexpected(e) };
  }

  // ------------------------------------------------------------------------------------------
  // Reads
  // ------------------------------------------------------------------------------------------

  async describePhysicalConnections(req: DescribePhysicalConnectionsRequest, options: CallOptions = {}): Promise<ListResult<PhysicalConnection>> {
    const regionId = v.regionId(asRequest(req).regionId);
    const page = pageOf(req);
    const params = new Params()
      .set('RegionId', regionId)
      .filters(physicalConnectionConditions(req.filter))
      .tags('Tags', validTags(req.tags))
      .set('ResourceGroupId', opt(req.resourceGroupId, (x) => v.genericId(x, 'resourceGroupId')))
      // Always sent (default true): without it the upstream leaves out HasReservationData and the
      // Reservation* fields, and the schema's reservation fields would always be empty.
      .set('IncludeReservationData', v.boolean(req.includeReservationData ?? true, 'includeReservationData'))
      .set('PageNumber', page.pageNumber)
      .set('PageSize', page.pageSize);
    const action = 'DescribePhysicalConnections';
    return this.read(action, regionId, params.build(), options, (body, requestId) =>
      toList(mapPhysicalConnectionPage(body, this.context(action, regionId, requestId), page)),
    );
  }

  async describeVirtualBorderRouters(req: DescribeVirtualBorderRoutersRequest, options: CallOptions = {}): Promise<ListResult<Vbr>> {
    const regionId = v.regionId(asRequest(req).regionId);
    const page = pageOf(req);
    const params = new Params()
      .set('RegionId', regionId)
      .filters(vbrConditions(req.filter))
      .set('IncludeCrossAccountVbr', v.boolean(req.includeCrossAccountVbr ?? true, 'includeCrossAccountVbr'))
      .tags('Tags', validTags(req.tags))
      .set('ResourceGroupId', opt(req.resourceGroupId, (x) => v.genericId(x, 'resourceGroupId')))
      .set('PageNumber', page.pageNumber)
      .set('PageSize', page.pageSize);
    const action = 'DescribeVirtualBorderRouters';
    return this.read(action, regionId, params.build(), options, (body, requestId) =>
      toList(mapVbrPage(body, this.context(action, regionId, requestId), page)),
    );
  }

  async describeVirtualBorderRoutersForPhysicalConnection(
    req: DescribeVbrsForPhysicalConnectionRequest,
    options: CallOptions = {},
  ): Promise<ListResult<VbrAttachment>> {
    const regionId = v.regionId(asRequest(req).regionId);
    const physicalConnectionId = v.physicalConnectionId(req.physicalConnectionId);
    const page = pageOf(req);
    const params = new Params()
      .set('RegionId', regionId)
      .set('PhysicalConnectionId', physicalConnectionId)
      .filters(vbrOfCircuitConditions(req.filter))
      .set('PageNumber', page.pageNumber)
      .set('PageSize', page.pageSize);
    const action = 'DescribeVirtualBorderRoutersForPhysicalConnection';
    return this.read(action, regionId, params.build(), options, (body, requestId) =>
      toList(mapVbrAttachmentPage(body, this.context(action, regionId, requestId), page)),
    );
  }

  /** Not regional: the SDK sends no RegionId; it goes to the central endpoint (or the override). */
  async describeRegions(req: DescribeRegionsRequest = {}, options: CallOptions = {}): Promise<Region[]> {
    const params = new Params().set(
      'AcceptLanguage',
      opt(asRequest(req).acceptLanguage, (x) => v.oneOf(x, 'acceptLanguage', Object.values(ACCEPT_LANGUAGE_WIRE))),
    );
    return this.read('DescribeRegions', null, params.build(), options, (body) => mapRegions(body));
  }

  // ------------------------------------------------------------------------------------------
  // Circuit writes
  // ------------------------------------------------------------------------------------------

  async createPhysicalConnection(req: CreatePhysicalConnectionRequest, options: CallOptions = {}): Promise<CreatePhysicalConnectionResult> {
    const regionId = v.regionId(asRequest(req).regionId);
    const params = new Params()
      .set('RegionId', regionId)
      .set('AccessPointId', v.genericId(req.accessPointId, 'accessPointId'))
      .set('LineOperator', LINE_OPERATOR_WIRE[v.oneOf(req.lineOperator, 'lineOperator', LINE_OPERATORS)])
      .set('PortType', opt(req.portType, text(32, 'portType')))
      .set('CircuitCode', opt(req.circuitCode, text(128, 'circuitCode')))
      .set('Name', opt(req.name, text(128, 'name')))
      .set('Description', opt(req.description, text(256, 'description')))
      .set('PeerLocation', opt(req.peerLocation, text(256, 'peerLocation')))
      .set('RedundantPhysicalConnectionId', opt(req.redundantPhysicalConnectionId, (x) => v.physicalConnectionId(x, 'redundantPhysicalConnectionId')))
      .set('ResourceGroupId', opt(req.resourceGroupId, (x) => v.genericId(x, 'resourceGroupId')))
      .set('Type', opt(req.type, text(32, 'type')))
      .set('bandwidth', opt(req.bandwidth, (x) => v.integer(x, 'bandwidth', 1, 1_000_000)))
      .set('OpticalModuleModel', opt(req.opticalModuleModel, text(128, 'opticalModuleModel')))
      .repeat('DeviceAdvancedCapacity', opt(req.deviceAdvancedCapacity, (x) => v.list(x, 'deviceAdvancedCapacity', (c, f) => v.text(c, f, 64), 20)))
      .tags('Tag', validTags(req.tags));
    const { result, body } = await this.write('CreatePhysicalConnection', regionId, params, req.clientToken, 'ClientToken', options);
    const physicalConnectionId = createdPhysicalConnectionId(body);
    if (!physicalConnectionId) throw missingId('CreatePhysicalConnection', result, 'PhysicalConnectionId');
    return { ...result, physicalConnectionId };
  }

  confirmPhysicalConnection(req: PhysicalConnectionWrite, options: CallOptions = {}): Promise<WriteResult> {
    return this.circuitWrite('ConfirmPhysicalConnection', req, options);
  }

  enablePhysicalConnection(req: EnablePhysicalConnectionRequest, options: CallOptions = {}): Promise<WriteResult> {
    return this.circuitWrite('EnablePhysicalConnection', req, options, (p) =>
      p.set('ByPassSp', opt(req.byPassSp, (x) => v.boolean(x, 'byPassSp'))),
    );
  }

  cancelPhysicalConnection(req: PhysicalConnectionWrite, options: CallOptions = {}): Promise<WriteResult> {
    return this.circuitWrite('CancelPhysicalConnection', req, options);
  }

  terminatePhysicalConnection(req: PhysicalConnectionWrite, options: CallOptions = {}): Promise<WriteResult> {
    return this.circuitWrite('TerminatePhysicalConnection', req, options);
  }

  deletePhysicalConnection(req: PhysicalConnectionWrite, options: CallOptions = {}): Promise<WriteResult> {
    return this.circuitWrite('DeletePhysicalConnection', req, options);
  }

  /** The odd one out: the circuit is `InstanceId` and the idempotency token is `Token`. */
  async recoverPhysicalConnection(req: RecoverPhysicalConnectionRequest, options: CallOptions = {}): Promise<WriteResult> {
    const regionId = v.regionId(asRequest(req).regionId);
    const params = new Params()
      .set('RegionId', regionId)
      .set('InstanceId', v.physicalConnectionId(req.physicalConnectionId))
      .set('DryRun', opt(req.dryRun, (x) => v.boolean(x, 'dryRun')));
    return (await this.write('RecoverPhysicalConnection', regionId, params, req.clientToken, 'Token', options)).result;
  }

  modifyPhysicalConnectionAttribute(req: ModifyPhysicalConnectionAttributeRequest, options: CallOptions = {}): Promise<WriteResult> {
    return this.circuitWrite('ModifyPhysicalConnectionAttribute', req, options, (p) =>
      p
        .set('Name', opt(req.name, text(128, 'name')))
        .set('Description', opt(req.description, text(256, 'description')))
        .set('CircuitCode', opt(req.circuitCode, text(128, 'circuitCode')))
        .set('LineOperator', opt(req.lineOperator, (x) => LINE_OPERATOR_WIRE[v.oneOf(x, 'lineOperator', LINE_OPERATORS)]))
        .set('PeerLocation', opt(req.peerLocation, text(256, 'peerLocation')))
        .set('PortType', opt(req.portType, text(32, 'portType')))
        .set('RedundantPhysicalConnectionId', opt(req.redundantPhysicalConnectionId, (x) => v.physicalConnectionId(x, 'redundantPhysicalConnectionId')))
        .set('bandwidth', opt(req.bandwidth, (x) => v.integer(x, 'bandwidth', 2, 10_240)))
        .set('DownDelayTime', opt(req.downDelayTime, (x) => v.integer(x, 'downDelayTime', 0, 10_000))),
    );
  }

  // ------------------------------------------------------------------------------------------
  // VBR writes
  // ------------------------------------------------------------------------------------------

  async createVirtualBorderRouter(req: CreateVirtualBorderRouterRequest, options: CallOptions = {}): Promise<CreateVirtualBorderRouterResult> {
    const regionId = v.regionId(asRequest(req).regionId);
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
    const { result, body } = await this.write('CreateVirtualBorderRouter', regionId, params, req.clientToken, 'ClientToken', options);
    const vbrId = createdVbrId(body);
    if (!vbrId) throw missingId('CreateVirtualBorderRouter', result, 'VbrId');
    return { ...result, vbrId };
  }

  deleteVirtualBorderRouter(req: VbrWrite, options: CallOptions = {}): Promise<WriteResult> {
    return this.vbrWrite('DeleteVirtualBorderRouter', req, options);
  }

  terminateVirtualBorderRouter(req: VbrWrite, options: CallOptions = {}): Promise<WriteResult> {
    return this.vbrWrite('TerminateVirtualBorderRouter', req, options);
  }

  recoverVirtualBorderRouter(req: VbrWrite, options: CallOptions = {}): Promise<WriteResult> {
    return this.vbrWrite('RecoverVirtualBorderRouter', req, options);
  }

  /** `AssociatedPhysicalConnections` travels as ONE JSON-encoded string parameter. */
  modifyVirtualBorderRouterAttribute(req: ModifyVirtualBorderRouterAttributeRequest, options: CallOptions = {}): Promise<WriteResult> {
    return this.vbrWrite('ModifyVirtualBorderRouterAttribute', req, options, (p) => {
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

  // ------------------------------------------------------------------------------------------

  private async circuitWrite(action: string, req: PhysicalConnectionWrite, options: CallOptions, extra?: (p: Params) => Params): Promise<WriteResult> {
    const regionId = v.regionId(asRequest(req).regionId);
    const params = new Params().set('RegionId', regionId).set('PhysicalConnectionId', v.physicalConnectionId(req.physicalConnectionId));
    extra?.(params);
    return (await this.write(action, regionId, params, req.clientToken, 'ClientToken', options)).result;
  }

  private async vbrWrite(action: string, req: VbrWrite, options: CallOptions, extra?: (p: Params) => Params): Promise<WriteResult> {
    const regionId = v.regionId(asRequest(req).regionId);
    const params = new Params().set('RegionId', regionId).set('VbrId', v.vbrId(req.vbrId));
    extra?.(params);
    return (await this.write(action, regionId, params, req.clientToken, 'ClientToken', options)).result;
  }

  /**
   * The token is fixed before the first attempt and is part of the parameters every retry
   * re-signs, so a retried write is recognised upstream as the same request. A failure carries it
   * too (`UpstreamError.clientToken`): after a timeout, a caller that let the token be generated
   * can only retry safely with it.
   */
  private async write(
    action: string,
    regionId: string,
    params: Params,
    clientToken: unknown,
    tokenParam: 'ClientToken' | 'Token',
    options: CallOptions,
  ): Promise<{ result: WriteResult; body: Record<string, unknown> }> {
    const token = clientToken === undefined || clientToken === null ? randomUUID() : v.clientToken(clientToken);
    params.set(tokenParam, token);
    try {
      const { body, requestId } = await this.client.call({ action, regionId, params: params.build(), write: true, ...signal(options) });
      return { result: { requestId, clientToken: token }, body };
    } catch (error) {
      throw error instanceof UpstreamError ? error.with({ clientToken: token }) : error;
    } finally {
      // Succeeded, refused or unknown (a lost response may still have acted): reads of this
      // region from before now are not reused.
      this.reads.invalidate(regionId);
    }
  }
}
