/** terminateVbr: ACTIVE -> TERMINATING -> TERMINATED, the circuit owner only. */
import { terminateBlockers } from './rules';
import { transitionService } from './transition';

export const terminateVbrService = transitionService({
  action: 'TERMINATE',
  leadsTo: ['TERMINATING', 'TERMINATED'],
  evaluate: terminateBlockers,
  write: (dataSource, regionId, vbrId, options) => dataSource.terminateVbr(regionId, vbrId, options),
});
