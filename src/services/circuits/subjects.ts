/**
 * What the circuit rules look at, and how a preview loads it from the request's batched reads
 * (never a fresh read: a list of 50 circuits costs O(pages), docs/graphql.md#relations-are-batched).
 */
import type { PhysicalConnection } from '../../datasources/models';
import type { GatewayContext } from '../../schema/context';
import { mapErrors } from '../../schema/map-error';

/** The circuit itself, as far as a circuit action's rules look. */
export interface CircuitSubject {
  circuit: Pick<PhysicalConnection, 'id' | 'status' | 'businessStatus' | 'productType' | 'virtualPhysicalConnectionCount' | 'macsecKeys'>;
}

/** A subject whose rules also look at the VBRs on the circuit (every status, every account). */
export interface CircuitWithVbrsSubject extends CircuitSubject {
  attachedVbrIds: readonly string[];
}

export async function loadCircuit(_context: GatewayContext, circuit: PhysicalConnection): Promise<CircuitSubject> {
  return { circuit };
}

export async function loadCircuitWithVbrs(context: GatewayContext, circuit: PhysicalConnection): Promise<CircuitWithVbrsSubject> {
  const vbrs = await mapErrors({ regionId: circuit.regionId, physicalConnectionId: circuit.id }, () =>
    context.dataSource.vbrsOfPhysicalConnection(circuit.regionId, circuit.id),
  );
  return { circuit, attachedVbrIds: vbrs.map((vbr) => vbr.id) };
}
