/**
 * An in-memory `VpcDataSourceApi` for resolver unit tests (argument handling, relations, field
 * errors): records every call and can be told to fail any method. What the upstream decides
 * (terminate refusals, ClientToken replays) is tested against the emulator instead
 * (test/unit/services, test/integration/graphql).
 */
import { UpstreamError, type UpstreamErrorInit } from '../../../../src/datasources/errors';
import type {
  Page,
  PhysicalConnection,
  Region,
  Vbr,
  VbrAttachment,
  VirtualPhysicalConnection,
  WriteResult,
} from '../../../../src/datasources/models';
import type { CreatePhysicalConnectionResult } from '../../../../src/datasources/operations/requests';
import type {
  NewPhysicalConnection,
  PageRequest,
  PhysicalConnectionChanges,
  PhysicalConnectionFilter,
  RegionsOptions,
  VbrChanges,
  VbrCreateSpec,
  VbrFilter,
  VpcDataSourceApi,
  WriteOptions,
} from '../../../../src/datasources/types';
import { attachmentOf } from './fixtures';

type Method = keyof VpcDataSourceApi;

export interface Call {
  method: Method;
  args: unknown[];
}

export function upstreamError(init: Partial<UpstreamErrorInit> & Pick<UpstreamErrorInit, 'kind' | 'code'>): UpstreamError {
  return new UpstreamError({
    httpStatus: 400,
    requestId: 'REQ-FAKE-0001',
    hostId: 'vpc.aliyuncs.com',
    action: 'TerminatePhysicalConnection',
    message: `${init.code} (fake)`,
    retryable: false,
    ...init,
  });
}

function pageOf<T>(items: T[], page: PageRequest): Page<T> {
  const start = (page.pageNumber - 1) * page.pageSize;
  return {
    items: items.slice(start, start + page.pageSize),
    totalCount: items.length,
    pageNumber: page.pageNumber,
    pageSize: page.pageSize,
    requestId: `REQ-PAGE-${page.pageNumber}`,
  };
}

export class FakeDataSource implements VpcDataSourceApi {
  readonly calls: Call[] = [];
  private readonly connections: PhysicalConnection[];
  private readonly vbrList: Vbr[];
  private readonly failures = new Map<Method, unknown>();
  regionList: Region[] = [{ regionId: 'cn-hangzhou', localName: 'China (Hangzhou)', regionEndpoint: 'vpc.aliyuncs.com' }];

  constructor(connections: PhysicalConnection[] = [], vbrs: Vbr[] = []) {
    this.connections = connections.map((pc) => ({ ...pc }));
    this.vbrList = vbrs.map((vbr) => ({ ...vbr }));
  }

  fail(method: Method, error: unknown): this {
    this.failures.set(method, error);
    return this;
  }

  callsOf(method: Method): Call[] {
    return this.calls.filter((call) => call.method === method);
  }

  private async enter(method: Method, args: unknown[]): Promise<void> {
    this.calls.push({ method, args });
    await Promise.resolve();
    if (this.failures.has(method)) throw this.failures.get(method);
  }

  private find(regionId: string, id: string): PhysicalConnection | null {
    const pc = this.connections.find((candidate) => candidate.id === id && candidate.regionId === regionId);
    return pc === undefined ? null : { ...pc };
  }

  async physicalConnection(regionId: string, id: string): Promise<PhysicalConnection | null> {
    await this.enter('physicalConnection', [regionId, id]);
    return this.find(regionId, id);
  }

  async vbrsOfPhysicalConnection(regionId: string, physicalConnectionId: string): Promise<Vbr[]> {
    await this.enter('vbrsOfPhysicalConnection', [regionId, physicalConnectionId]);
    return this.vbrList.filter((vbr) => vbr.regionId === regionId && vbr.physicalConnectionId === physicalConnectionId);
  }

  async vbr(regionId: string, id: string): Promise<Vbr | null> {
    await this.enter('vbr', [regionId, id]);
    return this.vbrList.find((vbr) => vbr.regionId === regionId && vbr.id === id) ?? null;
  }

  async physicalConnections(
    regionId: string,
    filter: PhysicalConnectionFilter,
    page: PageRequest,
  ): Promise<Page<PhysicalConnection>> {
    await this.enter('physicalConnections', [regionId, filter, page]);
    const matches = this.connections.filter(
      (pc) =>
        pc.regionId === regionId &&
        (filter.ids === undefined || filter.ids.includes(pc.id)) &&
        (filter.statuses === undefined || filter.statuses.includes(pc.status)),
    );
    return pageOf(matches, page);
  }

  async vbrs(regionId: string, filter: VbrFilter, page: PageRequest): Promise<Page<Vbr>> {
    await this.enter('vbrs', [regionId, filter, page]);
    const matches = this.vbrList.filter(
      (vbr) =>
        vbr.regionId === regionId &&
        (filter.ids === undefined || filter.ids.includes(vbr.id)) &&
        (filter.physicalConnectionIds === undefined ||
          (vbr.physicalConnectionId !== null && filter.physicalConnectionIds.includes(vbr.physicalConnectionId))),
    );
    return pageOf(matches, page);
  }

  async regions(options?: RegionsOptions): Promise<Region[]> {
    await this.enter('regions', options === undefined ? [] : [options]);
    return this.regionList;
  }

  async freshPhysicalConnection(regionId: string, id: string): Promise<PhysicalConnection | null> {
    await this.enter('freshPhysicalConnection', [regionId, id]);
    return this.find(regionId, id);
  }

  async freshVbrAttachments(regionId: string, physicalConnectionId: string): Promise<VbrAttachment[]> {
    await this.enter('freshVbrAttachments', [regionId, physicalConnectionId]);
    return this.vbrList
      .filter((vbr) => vbr.regionId === regionId && vbr.physicalConnectionId === physicalConnectionId)
      .map((vbr) => attachmentOf(vbr));
  }

  async freshVbr(regionId: string, id: string): Promise<Vbr | null> {
    await this.enter('freshVbr', [regionId, id]);
    return this.vbrList.find((vbr) => vbr.regionId === regionId && vbr.id === id) ?? null;
  }

  /** Every VBR of the fake is this account's (ownership rules are tested against the emulator). */
  async ownVbr(regionId: string, id: string): Promise<Vbr | null> {
    await this.enter('ownVbr', [regionId, id]);
    return this.vbrList.find((vbr) => vbr.regionId === regionId && vbr.id === id) ?? null;
  }

  /** The VBR writes are recorded and accepted without effect; their rules are tested against the emulator. */
  async createVbr(regionId: string, spec: VbrCreateSpec, options?: WriteOptions): Promise<WriteResult & { vbrId: string }> {
    await this.enter('createVbr', [regionId, spec, options]);
    return { requestId: 'REQ-CREATE-VBR-1', clientToken: options?.clientToken ?? null, vbrId: 'vbr-fake1' };
  }

  async modifyVbr(regionId: string, id: string, changes: VbrChanges, options?: WriteOptions): Promise<WriteResult> {
    await this.enter('modifyVbr', [regionId, id, changes, options]);
    return { requestId: 'REQ-MODIFY-VBR-1', clientToken: options?.clientToken ?? null };
  }

  async terminateVbr(regionId: string, id: string, options?: WriteOptions): Promise<WriteResult> {
    await this.enter('terminateVbr', [regionId, id, options]);
    return { requestId: 'REQ-TERMINATE-VBR-1', clientToken: options?.clientToken ?? null };
  }

  async recoverVbr(regionId: string, id: string, options?: WriteOptions): Promise<WriteResult> {
    await this.enter('recoverVbr', [regionId, id, options]);
    return { requestId: 'REQ-RECOVER-VBR-1', clientToken: options?.clientToken ?? null };
  }

  async deleteVbr(regionId: string, id: string, options?: WriteOptions): Promise<WriteResult> {
    await this.enter('deleteVbr', [regionId, id, options]);
    return { requestId: 'REQ-DELETE-VBR-1', clientToken: options?.clientToken ?? null };
  }

  /** Accepts every call (the rules are the upstream's: tested against the emulator). */
  async terminatePhysicalConnection(regionId: string, id: string, options?: WriteOptions): Promise<WriteResult> {
    await this.enter('terminatePhysicalConnection', [regionId, id, options]);
    const pc = this.connections.find((candidate) => candidate.id === id && candidate.regionId === regionId);
    if (pc !== undefined) pc.status = 'TERMINATING';
    return { requestId: 'REQ-TERMINATE-1', clientToken: options?.clientToken ?? null };
  }

  /** Vpconns the fake lists for their host (`parentPhysicalConnectionId`). */
  vpconnList: VirtualPhysicalConnection[] = [];

  async vpconnsOfPhysicalConnection(regionId: string, physicalConnectionId: string): Promise<VirtualPhysicalConnection[]> {
    await this.enter('vpconnsOfPhysicalConnection', [regionId, physicalConnectionId]);
    return this.vpconnList.filter((v) => v.regionId === regionId && v.parentPhysicalConnectionId === physicalConnectionId);
  }

  async freshVpconns(regionId: string, physicalConnectionId: string): Promise<VirtualPhysicalConnection[]> {
    await this.enter('freshVpconns', [regionId, physicalConnectionId]);
    return this.vpconnList.filter((v) => v.regionId === regionId && v.parentPhysicalConnectionId === physicalConnectionId);
  }

  /** Accepts every call and drops the key (the upstream's two-step rule is tested against the emulator). */
  async disassociateMacsecKey(regionId: string, physicalConnectionId: string, ckn: string): Promise<WriteResult> {
    await this.enter('disassociateMacsecKey', [regionId, physicalConnectionId, ckn]);
    const pc = this.connections.find((candidate) => candidate.id === physicalConnectionId && candidate.regionId === regionId);
    if (pc !== undefined) pc.macsecKeys = pc.macsecKeys.filter((key) => key.ckn !== ckn);
    return { requestId: 'REQ-DISASSOCIATE-1', clientToken: null };
  }

  async createPhysicalConnection(regionId: string, attributes: NewPhysicalConnection, options?: WriteOptions): Promise<CreatePhysicalConnectionResult> {
    await this.enter('createPhysicalConnection', [regionId, attributes, options]);
    return { requestId: 'REQ-CREATE-1', clientToken: options?.clientToken ?? null, physicalConnectionId: 'pc-fakecreated0001' };
  }

  async confirmPhysicalConnection(regionId: string, id: string, options?: WriteOptions): Promise<WriteResult> {
    return this.accept('confirmPhysicalConnection', [regionId, id, options], options);
  }

  async enablePhysicalConnection(regionId: string, id: string, options?: WriteOptions): Promise<WriteResult> {
    return this.accept('enablePhysicalConnection', [regionId, id, options], options);
  }

  async cancelPhysicalConnection(regionId: string, id: string, options?: WriteOptions): Promise<WriteResult> {
    return this.accept('cancelPhysicalConnection', [regionId, id, options], options);
  }

  async recoverPhysicalConnection(regionId: string, id: string, options?: WriteOptions): Promise<WriteResult> {
    return this.accept('recoverPhysicalConnection', [regionId, id, options], options);
  }

  async deletePhysicalConnection(regionId: string, id: string, options?: WriteOptions): Promise<WriteResult> {
    return this.accept('deletePhysicalConnection', [regionId, id, options], options);
  }

  async modifyPhysicalConnection(regionId: string, id: string, changes: PhysicalConnectionChanges, options?: WriteOptions): Promise<WriteResult> {
    return this.accept('modifyPhysicalConnection', [regionId, id, changes, options], options);
  }

  /** Records a write and accepts it without changing anything. */
  private async accept(method: Method, args: unknown[], options: WriteOptions | undefined): Promise<WriteResult> {
    await this.enter(method, args);
    return { requestId: `REQ-${method}`, clientToken: options?.clientToken ?? null };
  }

  setVbrs(physicalConnectionId: string, vbrs: Vbr[]): void {
    for (let index = this.vbrList.length - 1; index >= 0; index -= 1) {
      if (this.vbrList[index]?.physicalConnectionId === physicalConnectionId) this.vbrList.splice(index, 1);
    }
    this.vbrList.push(...vbrs);
  }
}
