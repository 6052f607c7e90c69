/**
 * `Vbr.availableActions`: each VBR action's own rules (the services' `evaluate`) applied to one
 * subject loaded once from this request's batched reads. A preview: the mutation checks again with
 * fresh reads, and the upstream has the last word.
 */
import type { Vbr } from '../../datasources/models';
import type { GatewayContext } from '../../schema/context';
import { VBR_ACTIONS, type VbrAction } from '../../schema/errors';
import type { ActionBlockerModel, VbrAvailableAction } from '../../schema/types/available-action';
import { deleteVbrService } from './delete.service';
import { recoverVbrService } from './recover.service';
import { loadVbrSubject, type VbrSubject } from './subject';
import { terminateVbrService } from './terminate.service';
import { updateVbrService } from './update.service';

const RULES: Readonly<Record<VbrAction, (subject: VbrSubject) => ActionBlockerModel[]>> = {
  TERMINATE: terminateVbrService.evaluate,
  RECOVER: recoverVbrService.evaluate,
  DELETE: deleteVbrService.evaluate,
  UPDATE: updateVbrService.evaluate,
};

export async function vbrAvailableActions(context: GatewayContext, vbr: Vbr): Promise<VbrAvailableAction[]> {
  const subject = await loadVbrSubject(context, vbr);
  return VBR_ACTIONS.map((action) => {
    const blockers = RULES[action](subject);
    return { action, allowed: blockers.length === 0, blockers };
  });
}
