/**
 * The 21 typed operations (`backend.api`), a public entry point of the data source: every method
 * validates its whole request before anything is sent (`BadInputError`), then runs the trusted
 * read (read-operations.ts) or the write (circuit-writes.ts, vbr-writes.ts, macsec-writes.ts,
 * vpconn-writes.ts).
 *
 * Invariants: writes carry an idempotency token wherever the upstream takes one (the MACsec
 * writes take none: they are never resent once they may have acted) and, once sent, are no longer
 * cancelled by `options.signal` (docs/datasource.md#writes-and-cancellation); reads share identical
 * concurrent calls (and the optional cache) unless called with `{ fresh: true }`.
 */
import type { PhysicalConnection, Region, Vbr, VbrAttachment, VirtualPhysicalConnection, WriteResult } from '../models';
import { CircuitWrites } from './circuit-writes';
import { MacsecWrites } from './macsec-writes';
import type { ReadOperations } from './read-operations';
import { attachmentListQuery, circuitListQuery, regionsQuery, vbrListQuery, vpconnListQuery } from './read-queries';
import type {
  AssociateMacSecKeyRequest,
  CallOptions,
  CreatePhysicalConnectionRequest,
  CreatePhysicalConnectionResult,
  CreateVirtualBorderRouterRequest,
  CreateVirtualBorderRouterResult,
  CreateVirtualPhysicalConnectionRequest,
  CreateVirtualPhysicalConnectionResult,
  DescribePhysicalConnectionsRequest,
  DescribeRegionsRequest,
  DescribeVbrsForPhysicalConnectionRequest,
  DescribeVirtualBorderRoutersRequest,
  DisassociateMacSecKeyRequest,
  EnablePhysicalConnectionRequest,
  ListResult,
  ListVirtualPhysicalConnectionsRequest,
  ModifyPhysicalConnectionAttributeRequest,
  ModifyVirtualBorderRouterAttributeRequest,
  PhysicalConnectionWrite,
  RecoverPhysicalConnectionRequest,
  TokenPage,
  VbrWrite,
} from './requests';
import { VbrWrites } from './vbr-writes';
import { VpconnWrites } from './vpconn-writes';
import type { Writer } from './writer';

export class VpcApi {
  private readonly circuits: CircuitWrites;
  private readonly vbrWrites: VbrWrites;
  private readonly macsec: MacsecWrites;
  private readonly vpconns: VpconnWrites;

  constructor(
    private readonly reads: ReadOperations,
    writer: Writer,
  ) {
    this.circuits = new CircuitWrites(writer);
    this.vbrWrites = new VbrWrites(writer);
    this.macsec = new MacsecWrites(writer);
    this.vpconns = new VpconnWrites(writer);
  }

  // --- reads ---

  async describePhysicalConnections(req: DescribePhysicalConnectionsRequest, options: CallOptions = {}): Promise<ListResult<PhysicalConnection>> {
    return this.reads.physicalConnections(circuitListQuery(req), options);
  }

  async describeVirtualBorderRouters(req: DescribeVirtualBorderRoutersRequest, options: CallOptions = {}): Promise<ListResult<Vbr>> {
    return this.reads.vbrs(vbrListQuery(req), options);
  }

  async describeVirtualBorderRoutersForPhysicalConnection(
    req: DescribeVbrsForPhysicalConnectionRequest,
    options: CallOptions = {},
  ): Promise<ListResult<VbrAttachment>> {
    return this.reads.vbrAttachments(attachmentListQuery(req), options);
  }

  /** Not regional: sent without RegionId to the central endpoint (or the override). */
  async describeRegions(req: DescribeRegionsRequest = {}, options: CallOptions = {}): Promise<Region[]> {
    return this.reads.regions(regionsQuery(req), options);
  }

  // --- circuit writes ---

  createPhysicalConnection(req: CreatePhysicalConnectionRequest, options: CallOptions = {}): Promise<CreatePhysicalConnectionResult> {
    return this.circuits.create(req, options);
  }

  confirmPhysicalConnection(req: PhysicalConnectionWrite, options: CallOptions = {}): Promise<WriteResult> {
    return this.circuits.confirm(req, options);
  }

  enablePhysicalConnection(req: EnablePhysicalConnectionRequest, options: CallOptions = {}): Promise<WriteResult> {
    return this.circuits.enable(req, options);
  }

  cancelPhysicalConnection(req: PhysicalConnectionWrite, options: CallOptions = {}): Promise<WriteResult> {
    return this.circuits.cancel(req, options);
  }

  terminatePhysicalConnection(req: PhysicalConnectionWrite, options: CallOptions = {}): Promise<WriteResult> {
    return this.circuits.terminate(req, options);
  }

  deletePhysicalConnection(req: PhysicalConnectionWrite, options: CallOptions = {}): Promise<WriteResult> {
    return this.circuits.delete(req, options);
  }

  /** The circuit is sent as `InstanceId` and the token as `Token`. */
  recoverPhysicalConnection(req: RecoverPhysicalConnectionRequest, options: CallOptions = {}): Promise<WriteResult> {
    return this.circuits.recover(req, options);
  }

  modifyPhysicalConnectionAttribute(req: ModifyPhysicalConnectionAttributeRequest, options: CallOptions = {}): Promise<WriteResult> {
    return this.circuits.modifyAttribute(req, options);
  }

  // --- VBR writes ---

  createVirtualBorderRouter(req: CreateVirtualBorderRouterRequest, options: CallOptions = {}): Promise<CreateVirtualBorderRouterResult> {
    return this.vbrWrites.create(req, options);
  }

  deleteVirtualBorderRouter(req: VbrWrite, options: CallOptions = {}): Promise<WriteResult> {
    return this.vbrWrites.delete(req, options);
  }

  terminateVirtualBorderRouter(req: VbrWrite, options: CallOptions = {}): Promise<WriteResult> {
    return this.vbrWrites.terminate(req, options);
  }

  recoverVirtualBorderRouter(req: VbrWrite, options: CallOptions = {}): Promise<WriteResult> {
    return this.vbrWrites.recover(req, options);
  }

  /** `AssociatedPhysicalConnections` travels as ONE JSON-encoded string parameter. */
  modifyVirtualBorderRouterAttribute(req: ModifyVirtualBorderRouterAttributeRequest, options: CallOptions = {}): Promise<WriteResult> {
    return this.vbrWrites.modifyAttribute(req, options);
  }

  // --- MACsec keys (no idempotency token upstream: `clientToken` is null) ---

  associateMacSecKey(req: AssociateMacSecKeyRequest, options: CallOptions = {}): Promise<WriteResult> {
    return this.macsec.associate(req, options);
  }

  disassociateMacSecKey(req: DisassociateMacSecKeyRequest, options: CallOptions = {}): Promise<WriteResult> {
    return this.macsec.disassociate(req, options);
  }

  // --- shared-port virtual connections (deleted with deletePhysicalConnection on their id) ---

  /** The token travels as `Token`. */
  createVirtualPhysicalConnection(
    req: CreateVirtualPhysicalConnectionRequest,
    options: CallOptions = {},
  ): Promise<CreateVirtualPhysicalConnectionResult> {
    return this.vpconns.create(req, options);
  }

  /** One page; pass its `nextToken` back for the next one (null on the last). */
  async listVirtualPhysicalConnections(req: ListVirtualPhysicalConnectionsRequest, options: CallOptions = {}): Promise<TokenPage<VirtualPhysicalConnection>> {
    return this.reads.virtualPhysicalConnections(vpconnListQuery(req), options);
  }
}
