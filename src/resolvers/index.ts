/** Every resolver class, in the order the schema builder registers them. */
import { CircuitAttributesResolver } from './circuit-attributes.resolver';
import { CircuitLifecycleResolver } from './circuit-lifecycle.resolver';
import { PhysicalConnectionResolver } from './physical-connection.resolver';
import { RegionResolver } from './region.resolver';
import { TerminateResolver } from './terminate.resolver';
import { VbrResolver } from './vbr.resolver';

export const RESOLVERS = [
  PhysicalConnectionResolver,
  VbrResolver,
  RegionResolver,
  TerminateResolver,
  CircuitLifecycleResolver,
  CircuitAttributesResolver,
] as const;
