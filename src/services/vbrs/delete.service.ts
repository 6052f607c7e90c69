/**
 * deleteVbr: UNCONFIRMED, ACTIVE or TERMINATED -> DELETING -> gone; another account's VBR only
 * while it is UNCONFIRMED. Router interfaces and BGP groups on the VBR are the upstream's check
 * (no read shows them): OPERATION_CONFLICT with `reason` ROUTER_INTERFACES or BGP_GROUPS.
 */
import { deleteBlockers } from './rules';
import { transitionService } from './transition';

export const deleteVbrService = transitionService({
  action: 'DELETE',
  leadsTo: ['DELETING'],
  evaluate: deleteBlockers,
  write: (dataSource, regionId, vbrId, options) => dataSource.deleteVbr(regionId, vbrId, options),
});
