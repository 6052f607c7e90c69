/**
 * The 17 typed operations (`backend.api`), a public entry point of the data source: every method
 * validates its whole request before anything is sent (`BadInputError`), then runs the trusted
 * read (read-operations.ts) or the write (circuit-writes.ts, vbr-writes.ts).
 *
 * Invariants: writes always carry an idempotency token and, once sent, are no longer cancelled by
 * `options.signal` (docs/datasource.md#writes-and-cancellation); reads share identical concurrent
 * calls (and the optional cache) unless called with `{ fresh: true }`.
 */
import type { PhysicalConnection, Region, Vbr, VbrAttachment, WriteResult } from '../models';
import { CircuitWrites } from './circuit-writes';
import type { ReadOperations } from './read-operations';
import { attachmentListQuery, circuitListQuery, regionsQuery, vbrListQuery } from './read-queries';
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
import { VbrWrites } from './vbr-writes';
import type { Writer } from './writer';

export class VpcApi {
  private readonly circuits: CircuitWrites;
  private readonly vbrWrites: VbrWrites;

  constructor(
    private readonly reads: ReadOperations,
    writer: Writer,
  ) {
    this.circuits = new CircuitWrites(writer);
    this.vbrWrites = new VbrWrites(writer);
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
}
