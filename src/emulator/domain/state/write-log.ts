/**
 * The log of executed writes (`GET /_emulator/events`): one entry per write that ran and succeeded.
 * Invariants: a ClientToken replay, a refusal and a DryRun add nothing; only the latest `capacity`
 * entries are kept, in a plain array (only ever listed, never looked up: docs/emulator.md#how-it-is-built).
 */
export interface WriteEvent {
  /** 1, 2, 3, ... since the last reset; a gap in a listing means older entries were dropped. */
  seq: number;
  /** ISO 8601, on the domain's clock. */
  at: string;
  action: string;
  accountId: string;
  regionId: string | null;
  /** The circuit or VBR the write named or created (a created vpconn: its id, not the host's). */
  resourceId: string | null;
  clientToken: string | null;
  /** The RequestId the write answered with (a later replay of its token returns the same one). */
  requestId: string;
}

export const DEFAULT_WRITE_LOG_CAPACITY = 10_000;

/** Where each write names its resource: the response for a Create (the new id), else the request. */
const RESOURCE_PARAMS = ['VirtualPhysicalConnection', 'PhysicalConnectionId', 'VbrId', 'InstanceId'] as const;

export class WriteLog {
  private readonly entries: WriteEvent[] = [];
  private nextSeq = 1;

  constructor(private readonly capacity = DEFAULT_WRITE_LOG_CAPACITY) {}

  record(write: {
    action: string;
    accountId: string;
    requestId: string;
    now: number;
    params: (name: string) => string | undefined;
    /** Absent for a write that takes no token (`clientToken` null). */
    tokenName?: string;
    body: Record<string, unknown>;
  }): void {
    const fromParams = RESOURCE_PARAMS.map((name) => write.params(name)).find((v) => v !== undefined);
    const fromBody = RESOURCE_PARAMS.map((name) => write.body[name]).find((v) => typeof v === 'string');
    const requestId = write.body['RequestId'];
    this.entries.push({
      seq: this.nextSeq++,
      at: new Date(write.now).toISOString(),
      action: write.action,
      accountId: write.accountId,
      regionId: write.params('RegionId') ?? null,
      resourceId: (typeof fromBody === 'string' ? fromBody : undefined) ?? fromParams ?? null,
      clientToken: write.tokenName === undefined ? null : (write.params(write.tokenName) ?? null),
      requestId: typeof requestId === 'string' ? requestId : write.requestId,
    });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  list(): WriteEvent[] {
    return this.entries.map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries.length = 0;
    this.nextSeq = 1;
  }
}
