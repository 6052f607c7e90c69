/** recoverVbr: TERMINATED -> RECOVERING -> ACTIVE, the circuit owner only, on an ENABLED circuit, its VLAN still free. */
import { recoverBlockers } from './rules';
import { transitionService } from './transition';

export const recoverVbrService = transitionService({
  action: 'RECOVER',
  leadsTo: ['RECOVERING', 'ACTIVE'],
  evaluate: recoverBlockers,
  write: (dataSource, regionId, vbrId, options) => dataSource.recoverVbr(regionId, vbrId, options),
});
