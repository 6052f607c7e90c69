/**
 * Who may see and act on a VBR: its owner and the owner of its circuit (who may be another
 * account). Anyone else gets the operation's not-found error, exactly as for a missing VBR.
 */
import type { ApiError } from '../../api-error';
import type { CircuitRecord, VbrRecord } from '../seed';
import { requireRegion, type OperationContext } from './context';

export interface VbrAccess {
  vbr: VbrRecord;
  circuit: CircuitRecord;
  isVbrOwner: boolean;
  isCircuitOwner: boolean;
}

export function accessVbr(ctx: OperationContext, notFound: () => ApiError): VbrAccess {
  const regionId = requireRegion(ctx, ['VbrId']);
  const vbr = ctx.store.vbrInRegion(regionId, ctx.params.required('VbrId'));
  if (!vbr) throw notFound();
  const circuit = ctx.store.circuitOf(vbr);
  const isVbrOwner = vbr.OwnerId === ctx.accountId;
  const isCircuitOwner = circuit.OwnerId === ctx.accountId;
  if (!isVbrOwner && !isCircuitOwner) throw notFound();
  return { vbr, circuit, isVbrOwner, isCircuitOwner };
}
