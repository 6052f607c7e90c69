/**
 * AssociateMacSecKey and DisassociateMacSecKey (docs/emulator-seed.md#macsec-keys): up to three
 * CKN/CAK pairs on the caller's dedicated circuit, which must be Enabled and Normal; at most one
 * pair in use (Associated or AssociatedFailed) at a time.
 *
 * Invariants: neither takes an idempotency token, so both are logged as untokened writes; the CAK
 * is stored but never echoed (not in a response, a message or a snapshot).
 */
import { portErrors } from '../errors';
import { isValidCkn, isValidMacsecHex, MAX_MACSEC_KEYS } from '../rules';
import { MACSEC_CIPHER_SUITES, type CircuitRecord, type MacsecCipherSuite, type SeedMacsecKey } from '../seed';
import { circuitTime } from '../state/time';
import { accepted, requireRegion, type OperationContext, type OperationDefinition } from './context';

/** The caller's circuit named by `PhysicalConnectionId`, if it can carry keys now. */
function keyCircuit(ctx: OperationContext, regionId: string): CircuitRecord {
  const id = ctx.params.required('PhysicalConnectionId');
  const circuit = ctx.store.ownedCircuit(ctx.accountId, regionId, id);
  if (!circuit) throw portErrors.circuitNotFound(id);
  // [I] A shared circuit has no port of its own: refused like a circuit in the wrong state.
  if (circuit.ProductType !== 'PhysicalConnection' || circuit.Status !== 'Enabled' || circuit.BusinessStatus !== 'Normal') {
    throw portErrors.circuitIncorrectStatus(id);
  }
  return circuit;
}

/** A CKN or CAK of the suite's length; upper-cased, as the API stores it. */
function hexParam(ctx: OperationContext, name: 'Ckn' | 'Cak', suite: MacsecCipherSuite): string {
  const value = ctx.params.required(name);
  if (!isValidMacsecHex(value, suite)) throw portErrors.illegalParam(name);
  return value.toUpperCase();
}

/** The key that took effect last (`StartOn`); keys without one count as oldest. */
function latest(keys: readonly SeedMacsecKey[]): SeedMacsecKey | undefined {
  return keys.reduce<SeedMacsecKey | undefined>((best, key) => (best === undefined || (key.StartOn ?? '') > (best.StartOn ?? '') ? key : best), undefined);
}

/**
 * A new pair, or an existing one (then its suite and CAK become the request's), becomes the one in
 * use and the one in use before becomes Disassociated. [I] The pair already in use with the same
 * suite and CAK: success, nothing changes. An AssociatedFailed pair renegotiates: Associated.
 */
function associate(ctx: OperationContext) {
  const regionId = requireRegion(ctx, ['PhysicalConnectionId', 'CipherSuite', 'Ckn', 'Cak']);
  const suite = ctx.params.requiredOneOf('CipherSuite', MACSEC_CIPHER_SUITES, () => portErrors.illegalParam('CipherSuite'));
  const ckn = hexParam(ctx, 'Ckn', suite);
  const cak = hexParam(ctx, 'Cak', suite);
  const circuit = keyCircuit(ctx, regionId);
  const keys = circuit.MacsecKeys;
  const existing = keys.find((key) => key.Ckn === ckn);
  if (existing === undefined && keys.length >= MAX_MACSEC_KEYS) throw portErrors.macsecQuota();
  if (existing?.Status === 'Associated' && existing.CipherSuite === suite && existing.Cak === cak) return accepted(ctx);

  const startOn = circuitTime(ctx.now);
  for (const key of keys) if (key !== existing) key.Status = 'Disassociated';
  if (existing === undefined) {
    keys.push({ Ckn: ckn, Cak: cak, CipherSuite: suite, StartOn: startOn, Status: 'Associated' });
  } else {
    Object.assign(existing, { Cak: cak, CipherSuite: suite, StartOn: startOn, Status: 'Associated' });
  }
  return accepted(ctx);
}

/**
 * The documented two-step: the pair in use becomes Disassociated and the pair that took effect
 * most recently among the others takes over (Associated); a Disassociated pair is deleted. So
 * clearing a circuit takes one call per Disassociated pair, then two for the last one.
 */
function disassociate(ctx: OperationContext) {
  const regionId = requireRegion(ctx, ['PhysicalConnectionId', 'Ckn']);
  const raw = ctx.params.required('Ckn');
  if (!isValidCkn(raw)) throw portErrors.illegalParam('Ckn');
  const ckn = raw.toUpperCase();
  const circuit = keyCircuit(ctx, regionId);
  const key = circuit.MacsecKeys.find((candidate) => candidate.Ckn === ckn);
  if (key === undefined) throw portErrors.macsecKeyNotFound(ckn);
  const others = circuit.MacsecKeys.filter((candidate) => candidate !== key);
  if (key.Status === 'Disassociated') {
    circuit.MacsecKeys = others;
    return accepted(ctx);
  }
  key.Status = 'Disassociated';
  const next = latest(others);
  if (next !== undefined) Object.assign(next, { Status: 'Associated', StartOn: circuitTime(ctx.now) });
  return accepted(ctx);
}

export const macsecOperations: Record<string, OperationDefinition> = {
  AssociateMacSecKey: { run: associate, untokenedWrite: true },
  DisassociateMacSecKey: { run: disassociate, untokenedWrite: true },
};
