/**
 * Disassociating a MACsec key (docs/graphql.md#macsec-keys-and-shared-port-connections): the
 * rules, the fresh preconditions, the write and the read after it, in one place.
 *
 * Invariants: preconditions from one fresh read (the circuit carries its keys); the upstream takes
 * no idempotency token, so there is no replay rule and no token: the data source never resends
 * the call once it may have acted, and a client unsure of the outcome reads the keys instead of
 * retrying blindly (a second call on a key the first one took out of use deletes it). Once the
 * upstream accepted, the answer is a success (the key's expected state when the read after it
 * lags, fails or finds nothing).
 */
import type { BusinessStatus, MacsecKey, PhysicalConnection, PhysicalConnectionStatus } from '../../datasources/models';
import type { GatewayContext } from '../../schema/context';
import {
  lockedMessage,
  MacsecKeyNotFoundError,
  macsecKeyNotFoundMessage,
  notEnabledMessage,
  PhysicalConnectionNotEnabledError,
  PhysicalConnectionNotFoundError,
  ResourceLockedError,
  type GatewayError,
} from '../../schema/errors';
import { mapErrors, type ErrorScope } from '../../schema/map-error';
import type { Blocker, LifecycleService } from '../lifecycle';
import { causeOf, sendUntokenedWrite } from '../write';

/** How the precondition messages end: "only ENABLED connections can <purpose>". */
const PURPOSE = 'have MACsec keys disassociated';
const NEEDS_ENABLED = `only ENABLED connections can ${PURPOSE}`;

/** Validated arguments (the resolver checked them; nothing here re-validates). */
export interface DisassociateMacsecKeyInput {
  regionId: string;
  physicalConnectionId: string;
  /** Upper-cased, as the upstream spells CKNs. */
  ckn: string;
  /** The argument the region came from, named by BAD_USER_INPUT for an unknown region; default `regionId`. */
  regionField?: string;
}

export interface DisassociateMacsecKeyResult {
  physicalConnection: PhysicalConnection;
  requestId: string;
  /** The upstream takes none. */
  clientToken: null;
}

/** A key of a circuit, as the rules need it (a preview has both from the circuit already loaded). */
export interface MacsecKeySubject {
  circuit: Pick<PhysicalConnection, 'id' | 'status' | 'businessStatus' | 'macsecKeys'>;
  ckn: string;
}

export interface MacsecBlocker extends Blocker<'PHYSICAL_CONNECTION_NOT_ENABLED' | 'RESOURCE_LOCKED' | 'MACSEC_KEY_NOT_FOUND'> {
  currentStatus: PhysicalConnectionStatus | null;
  businessStatus: BusinessStatus | null;
}

const keyOf = (circuit: MacsecKeySubject['circuit'], ckn: string): MacsecKey | undefined =>
  circuit.macsecKeys.find((key) => key.ckn?.toUpperCase() === ckn);

const isDisassociated = (key: MacsecKey): boolean => key.status?.toLowerCase() === 'disassociated';

/** Pure: every blocker, in the order the upstream checks them (the circuit, then the key). */
function evaluate({ circuit: pc, ckn }: MacsecKeySubject): MacsecBlocker[] {
  const none = { currentStatus: null, businessStatus: null };
  const blockers: MacsecBlocker[] = [];
  if (pc.status !== 'ENABLED') {
    blockers.push({ ...none, code: 'PHYSICAL_CONNECTION_NOT_ENABLED', message: notEnabledMessage(pc.id, pc.status, NEEDS_ENABLED), currentStatus: pc.status });
  }
  // The docs require BusinessStatus Normal; an absent one is left to the upstream.
  if (pc.businessStatus === 'FINANCIAL_LOCKED' || pc.businessStatus === 'SECURITY_LOCKED') {
    blockers.push({ ...none, code: 'RESOURCE_LOCKED', message: lockedMessage(pc.id, pc.businessStatus, PURPOSE), businessStatus: pc.businessStatus });
  }
  if (keyOf(pc, ckn) === undefined) {
    blockers.push({ ...none, code: 'MACSEC_KEY_NOT_FOUND', message: macsecKeyNotFoundMessage(pc.id, ckn) });
  }
  return blockers;
}

/** The error the mutation throws for a blocker: same code, message and details. */
function refusal(physicalConnectionId: string, ckn: string, blocker: MacsecBlocker): GatewayError {
  switch (blocker.code) {
    case 'PHYSICAL_CONNECTION_NOT_ENABLED':
      return new PhysicalConnectionNotEnabledError(physicalConnectionId, blocker.currentStatus, undefined, undefined, NEEDS_ENABLED);
    case 'RESOURCE_LOCKED':
      return new ResourceLockedError(physicalConnectionId, blocker.businessStatus, undefined, undefined, PURPOSE);
    case 'MACSEC_KEY_NOT_FOUND':
      return new MacsecKeyNotFoundError(physicalConnectionId, ckn);
  }
}

/** The upstream's refusals of the same conditions, worded for this action (map-error words them for terminate). */
function refine(physicalConnectionId: string) {
  return (mapped: GatewayError, reason: unknown): GatewayError => {
    if (mapped instanceof PhysicalConnectionNotEnabledError) {
      return new PhysicalConnectionNotEnabledError(physicalConnectionId, mapped.extensions.currentStatus, mapped.extensions.upstream, reason, NEEDS_ENABLED);
    }
    if (mapped instanceof ResourceLockedError) {
      return new ResourceLockedError(physicalConnectionId, mapped.extensions.businessStatus, mapped.extensions.upstream, reason, PURPOSE);
    }
    return mapped;
  };
}

/**
 * What the call leaves when the read after it cannot tell: a Disassociated key deleted, a key in
 * use Disassociated (which other key the upstream put in use instead is its choice: not guessed).
 */
function expectedAfter(pc: PhysicalConnection, ckn: string): PhysicalConnection {
  const key = keyOf(pc, ckn);
  if (key === undefined) return pc;
  const macsecKeys = isDisassociated(key)
    ? pc.macsecKeys.filter((k) => k !== key)
    : pc.macsecKeys.map((k) => (k === key ? { ...k, status: 'Disassociated' } : k));
  return { ...pc, macsecKeys };
}

/** The read after the call lags when it still shows the key as the call found it. */
function lags(before: PhysicalConnection, after: PhysicalConnection, ckn: string): boolean {
  const was = keyOf(before, ckn);
  const now = keyOf(after, ckn);
  return was !== undefined && now !== undefined && now.status?.toLowerCase() === was.status?.toLowerCase();
}

async function execute(context: GatewayContext, input: DisassociateMacsecKeyInput): Promise<DisassociateMacsecKeyResult> {
  const { regionId, physicalConnectionId: id, ckn } = input;
  const scope: ErrorScope = { regionId, physicalConnectionId: id, regionField: input.regionField ?? 'regionId', ckn };
  const { dataSource } = context;

  // Fresh: a decision before a write takes nothing from a cache.
  const pc = await mapErrors(scope, () => dataSource.freshPhysicalConnection(regionId, id));
  if (pc === null) throw new PhysicalConnectionNotFoundError(id, regionId);
  const [blocker] = evaluate({ circuit: pc, ckn });
  if (blocker !== undefined) throw refusal(id, ckn, blocker);

  const result = await sendUntokenedWrite(
    context,
    { scope, action: 'disassociateMacsecKey', logFields: { physicalConnectionId: id, ckn }, refine: refine(id) },
    () => dataSource.disassociateMacsecKey(regionId, id, ckn),
  );
  const correlation = { physicalConnectionId: id, regionId, ckn, upstreamRequestId: result.requestId, requestId: context.requestId };
  context.logger.info({ ...correlation, subject: context.auth.subject }, 'MACsec key disassociation accepted');

  let after: PhysicalConnection | null = null;
  try {
    after = await dataSource.freshPhysicalConnection(regionId, id);
    if (after === null) context.logger.warn(correlation, 'post-disassociation read found no circuit; answering from the pre-read');
  } catch (error) {
    context.logger.warn({ ...correlation, cause: causeOf(error) }, 'post-disassociation read failed; answering from the pre-read');
  }
  if (after !== null && lags(pc, after, ckn)) {
    context.logger.warn(correlation, 'post-disassociation read lags the accepted call; answering the expected key state');
    after = expectedAfter(after, ckn);
  }
  return { physicalConnection: after ?? expectedAfter(pc, ckn), requestId: result.requestId, clientToken: null };
}

export const macsecService = {
  /** The key and its circuit come with the circuit's own read: nothing more to load. */
  load: async (_context: GatewayContext, subject: MacsecKeySubject): Promise<MacsecKeySubject> => subject,
  evaluate,
  execute,
} satisfies LifecycleService<MacsecKeySubject, MacsecKeySubject, MacsecBlocker, DisassociateMacsecKeyInput, DisassociateMacsecKeyResult>;
