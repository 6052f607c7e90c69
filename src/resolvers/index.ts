/** Every resolver class, in the order the schema builder registers them. */
import { MacsecResolver } from './macsec.resolver';
import { CircuitAttributesResolver } from './circuit-attributes.resolver';
import { CircuitLifecycleResolver } from './circuit-lifecycle.resolver';
import { PhysicalConnectionResolver } from './physical-connection.resolver';
import { RegionResolver } from './region.resolver';
import { TerminateResolver } from './terminate.resolver';
import { VbrLifecycleResolver } from './vbr-lifecycle.resolver';
import { VbrResolver } from './vbr.resolver';
import { VpconnResolver } from './vpconn.resolver';

export const RESOLVERS = [
  PhysicalConnectionResolver,
  VbrResolver,
  RegionResolver,
  TerminateResolver,
  VbrLifecycleResolver,
  VpconnResolver,
  MacsecResolver,
  CircuitLifecycleResolver,
  CircuitAttributesResolver,
] as const;
