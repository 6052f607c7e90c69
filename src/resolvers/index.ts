/** Every resolver class, in the order the schema builder registers them. */
import { PhysicalConnectionResolver } from './physical-connection.resolver';
import { RegionResolver } from './region.resolver';
import { TerminateResolver } from './terminate.resolver';
import { VbrLifecycleResolver } from './vbr-lifecycle.resolver';
import { VbrResolver } from './vbr.resolver';

export const RESOLVERS = [PhysicalConnectionResolver, VbrResolver, RegionResolver, TerminateResolver, VbrLifecycleResolver] as const;
