/**
 * `PhysicalConnection.virtualPhysicalConnections`: the shared-port virtual connections a circuit
 * hosts, from the request's per-circuit loader (one ListVirtualPhysicalConnections walk per
 * circuit and request). A field of its own resolver class, beside physical-connection.resolver.ts.
 */
import type { PhysicalConnection as PhysicalConnectionModel, VirtualPhysicalConnection as VirtualPhysicalConnectionModel } from '../datasources/models';
import type { GatewayContext } from '../schema/context';
import { mapErrors } from '../schema/map-error';
import { Ctx, FieldResolver, Resolver, Root } from '../schema/type-graphql';
import { PhysicalConnection } from '../schema/types/physical-connection';
import { VirtualPhysicalConnection } from '../schema/types/virtual-physical-connection';

@Resolver(() => PhysicalConnection)
export class VpconnResolver {
  @FieldResolver(() => [VirtualPhysicalConnection], {
    nullable: true,
    description:
      'The shared-port virtual connections (vpconns) this circuit hosts, all pages; empty for a shared circuit (it hosts none, and costs no upstream call). Each one blocks terminating the circuit. Null only when they could not be loaded; the `errors` entry with this path says why.',
  })
  async virtualPhysicalConnections(
    @Root() pc: PhysicalConnectionModel,
    @Ctx() context: GatewayContext,
  ): Promise<VirtualPhysicalConnectionModel[]> {
    if (pc.productType === 'VIRTUAL_PHYSICAL_CONNECTION') return [];
    return mapErrors({ regionId: pc.regionId, physicalConnectionId: pc.id }, () =>
      context.dataSource.vpconnsOfPhysicalConnection(pc.regionId, pc.id),
    );
  }
}
