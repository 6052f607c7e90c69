/**
 * The embedded Alibaba Cloud VPC (2016-04-28) emulator: a real HTTP server the official SDKs
 * cannot tell from the real endpoint. Start it with `startEmulator()`; see docs/emulator.md.
 */
import type { Server } from 'node:http';
import { Authenticator, type AccessKeyPair } from './http/auth';
import type { EmulatorDomain } from './contract';
import { CallCounters } from './control/counters';
import { DEFAULT_ACCESS_KEY, DEFAULT_FLOW_CONTROL, DEFAULT_TRANSITION_MS } from './defaults';
import { createDomain, demoSeed, generateSeed, loadSeedFile, parseSeed } from './domain';
import type { Seed } from './domain/seed';
import { FaultStore } from './control/faults';
import { FlowControl, type FlowControlSetting } from './control/flow-control';
import { DEFAULT_LIMITS, type RequestLimits } from './http/request';
import { listen } from './http/server';

export interface EmulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: an ephemeral port (read it back from `RunningEmulator.port`). */
  port?: number;
  /** Accepted key pairs; default one pair, `DEFAULT_ACCESS_KEY`. */
  accessKeys?: readonly AccessKeyPair[];
  /** A seed or the path of a seed JSON file; default `demoSeed()`. Ignored when `domain` is given. */
  seed?: Seed | string;
  /** How long each transient state lasts; default 5000. Ignored when `domain` is given. */
  transitionMs?: number;
  /** Milliseconds since the epoch; drives signature timestamps and the domain's transitions. */
  now?: () => number;
  /** A prebuilt domain (tests of the protocol layer inject a fake). */
  domain?: EmulatorDomain;
  /** Random source in [0, 1) for fault `probability`; inject one for deterministic tests. */
  random?: () => number;
  /**
   * Alibaba's flow control: at most `calls` requests per sliding `windowMs` per account, region and
   * action, `Throttling.User` beyond; default `DEFAULT_FLOW_CONTROL` (300 per 60 s); `off` disables it.
   */
  flowControl?: FlowControlSetting;
  /** Request bounds; defaults `DEFAULT_LIMITS`. */
  limits?: Partial<RequestLimits>;
  /** Sees every non-ApiError the domain throws (answered 500 InternalError). No logging otherwise. */
  onInternalError?: (error: unknown) => void;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>` */
  url: string;
  host: string;
  port: number;
  domain: EmulatorDomain;
  /** The listening HTTP server: lets a harness observe requests (the test suite's leak scan does). */
  server: Server;
  /** Closes the listener and every open (keep-alive) connection. Idempotent. */
  stop(): Promise<void>;
}

function resolveSeed(seed: Seed | string | undefined): Seed {
  if (seed === undefined) return demoSeed();
  return typeof seed === 'string' ? loadSeedFile(seed) : seed;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const now = options.now ?? Date.now;
  const domain =
    options.domain ??
    createDomain({
      seed: resolveSeed(options.seed),
      transitionMs: options.transitionMs ?? DEFAULT_TRANSITION_MS,
      now,
    });
  const auth = new Authenticator({ keys: options.accessKeys ?? [DEFAULT_ACCESS_KEY], now });
  const host = options.host ?? '127.0.0.1';
  const server = await listen(
    {
      domain,
      auth,
      counters: new CallCounters(),
      faults: new FaultStore(options.random),
      flowControl: new FlowControl(options.flowControl ?? DEFAULT_FLOW_CONTROL, now),
      seeds: { parse: parseSeed, generate: generateSeed },
      limits: { ...DEFAULT_LIMITS, ...options.limits },
      ...(options.onInternalError ? { onInternalError: options.onInternalError } : {}),
    },
    host,
    options.port ?? 0,
  );
  return { url: server.url, host: server.host, port: server.port, server: server.server, domain, stop: server.stop };
}

export { ApiError, commonErrors } from './api-error';
export type { AccessKeyPair } from './http/auth';
export { JsonInteger } from './contract';
export type { DomainOptions, EmulatorDomain, OperationRequest } from './contract';
export type { FaultSpec, FaultType } from './control/faults';
export type { FlowControlSetting, FlowControlSnapshot, FlowControlWindow } from './control/flow-control';
export type { WriteEvent } from './domain/state/write-log';
export type { RequestLimits } from './http/request';
export { API_VERSION } from './http/api-handler';
export { DEFAULT_ACCESS_KEY, DEFAULT_FLOW_CONTROL, DEFAULT_TRANSITION_MS } from './defaults';
export { DEFAULT_ACCOUNT_ID } from './contract';
