/**
 * Start/stop the emulator around a jest suite, plus a tiny client for its control endpoints.
 *
 *   const emu = useEmulator({ transitionMs: 50 });          // beforeAll starts, afterAll stops
 *   beforeEach(() => emu.control.reset());                   // fresh demo seed, counters, faults
 *   it('...', async () => {
 *     const res = await emu.client().call('DescribeRegions', {});   // signed V3 client, default key
 *     expect((await emu.control.calls()).byAction.DescribeRegions).toBe(1);
 *   });
 *
 * Clients from `emu.client()` are closed in afterAll. Options may be a function, evaluated in
 * beforeAll (handy when they depend on something built in another beforeAll).
 *
 * Flow control is off unless a suite asks for it (`useEmulator({ flowControl: { calls: 20,
 * windowMs: 2_000 } })`): suites send hundreds of calls of one action a minute, and only the flow
 * control suites are about the quota.
 */
import { Agent, request } from 'undici';
import {
  startEmulator,
  type EmulatorOptions,
  type FaultSpec,
  type FlowControlSnapshot,
  type RunningEmulator,
  type WriteEvent,
} from '../../src/emulator';
import { tapUpstreamCredentials } from './log-capture';
import { SignedClient, type SignedClientOptions } from './signed-client';

export interface CallCounts {
  total: number;
  byAction: Record<string, number>;
}

export interface FaultView extends FaultSpec {
  id: string;
  remaining: number | null;
  hits: number;
}

export class ControlClient {
  private readonly agent = new Agent({ keepAliveTimeout: 1000 });

  constructor(private readonly baseUrl: string) {}

  /** Any control call; resolves with status and parsed JSON body (for testing the endpoints). */
  async raw(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const res = await request(`${this.baseUrl}/_emulator${path}`, {
      method: method as 'GET',
      dispatcher: this.agent,
      // The emulator takes a POST only as JSON, a bodiless one included (docs/emulator.md).
      ...(method === 'POST' || body !== undefined ? { headers: { 'content-type': 'application/json' } } : {}),
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.body.text();
    return { status: res.statusCode, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  private async ok<T>(method: string, path: string, body?: unknown, expected = 200): Promise<T> {
    const res = await this.raw(method, path, body);
    if (res.status !== expected) {
      throw new Error(`${method} /_emulator${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    return res.body as T;
  }

  /** Back to the emulator's seed (or the given one); counters, faults and nonces cleared. */
  async reset(body?: { seed?: unknown; generate?: unknown }): Promise<void> {
    await this.ok('POST', '/reset', body);
  }
  calls(): Promise<CallCounts> {
    return this.ok('GET', '/calls');
  }
  async clearCalls(): Promise<void> {
    await this.ok('DELETE', '/calls');
  }
  state<T = Record<string, unknown>>(): Promise<T> {
    return this.ok('GET', '/state');
  }
  /** The writes that actually ran since the last reset (no replays, refusals or DryRuns). */
  async events(): Promise<WriteEvent[]> {
    return (await this.ok<{ events: WriteEvent[] }>('GET', '/events')).events;
  }
  async addFault(spec: FaultSpec): Promise<string> {
    return (await this.ok<{ id: string }>('POST', '/faults', spec, 201)).id;
  }
  async faults(): Promise<FaultView[]> {
    return (await this.ok<{ faults: FaultView[] }>('GET', '/faults')).faults;
  }
  async clearFaults(): Promise<void> {
    await this.ok('DELETE', '/faults');
  }
  flowControl(): Promise<FlowControlSnapshot> {
    return this.ok('GET', '/flow-control');
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

export interface EmulatorFixture {
  /** The running emulator (only inside tests/hooks after beforeAll). */
  readonly emulator: RunningEmulator;
  readonly url: string;
  readonly control: ControlClient;
  /** A signed client for this emulator (default: V3, default key pair); closed in afterAll. */
  client(options?: Omit<SignedClientOptions, 'url'>): SignedClient;
}

export function useEmulator(options: EmulatorOptions | (() => EmulatorOptions) = {}): EmulatorFixture {
  let running: RunningEmulator | undefined;
  let control: ControlClient | undefined;
  const clients: SignedClient[] = [];
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useEmulator: the emulator is not running (use it inside tests/hooks)');
    return value;
  };

  beforeAll(async () => {
    running = await startEmulator({ flowControl: 'off', ...(typeof options === 'function' ? options() : options) });
    tapUpstreamCredentials(running.server);
    control = new ControlClient(running.url);
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await control?.close();
    await running?.stop();
  });

  return {
    get emulator() {
      return started(running);
    },
    get url() {
      return started(running).url;
    },
    get control() {
      return started(control);
    },
    client(clientOptions = {}) {
      const client = new SignedClient({ url: started(running).url, ...clientOptions });
      clients.push(client);
      return client;
    },
  };
}
