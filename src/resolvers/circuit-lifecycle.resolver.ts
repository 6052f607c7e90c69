/**
 * The circuit's state transitions besides terminate (terminate.resolver.ts): confirm, enable,
 * cancel, recover, delete. Each validates its arguments (nothing is sent on bad input), then hands
 * the decision to its service (src/services/circuits/).
 */
import type { PhysicalConnection } from '../datasources/models';
import type { GatewayContext } from '../schema/context';
import {
  CancelPhysicalConnectionInput,
  ConfirmPhysicalConnectionInput,
  DeletePhysicalConnectionInput,
  EnablePhysicalConnectionInput,
  RecoverPhysicalConnectionInput,
} from '../schema/inputs';
import { Arg, Ctx, Mutation, Resolver } from '../schema/type-graphql';
import {
  CancelPhysicalConnectionPayload,
  ConfirmPhysicalConnectionPayload,
  DeletePhysicalConnectionPayload,
  EnablePhysicalConnectionPayload,
  RecoverPhysicalConnectionPayload,
} from '../schema/types/payloads';
import { cancelService } from '../services/circuits/cancel.service';
import type { CircuitWriteResult } from '../services/circuits/circuit-write';
import { confirmService } from '../services/circuits/confirm.service';
import { deleteService } from '../services/circuits/delete.service';
import { enableService } from '../services/circuits/enable.service';
import { recoverService } from '../services/circuits/recover.service';
import { circuitWriteArgs } from './validation';

const INPUT = 'The circuit and an optional idempotency token.';

@Resolver()
export class CircuitLifecycleResolver {
  @Mutation(() => ConfirmPhysicalConnectionPayload, {
    description: 'Confirms an ALLOCATED circuit (the step before enabling it): CONFIRMED at once. Idempotent per clientToken.',
  })
  async confirmPhysicalConnection(
    @Arg('input', () => ConfirmPhysicalConnectionInput, { description: INPUT }) input: ConfirmPhysicalConnectionInput,
    @Ctx() context: GatewayContext,
  ): Promise<CircuitWriteResult<PhysicalConnection>> {
    return confirmService.execute(context, circuitWriteArgs(input, context));
  }

  @Mutation(() => EnablePhysicalConnectionPayload, {
    description:
      'Enables a CONFIRMED circuit (billing starts). Asynchronous: the circuit shows CONFIRMED until it is ENABLED. An ENABLED circuit is refused without a clientToken (PHYSICAL_CONNECTION_INVALID_STATE) and handed to the upstream with one (a replay). Idempotent per clientToken.',
  })
  async enablePhysicalConnection(
    @Arg('input', () => EnablePhysicalConnectionInput, { description: INPUT }) input: EnablePhysicalConnectionInput,
    @Ctx() context: GatewayContext,
  ): Promise<CircuitWriteResult<PhysicalConnection>> {
    return enableService.execute(context, circuitWriteArgs(input, context));
  }

  @Mutation(() => CancelPhysicalConnectionPayload, {
    description: 'Cancels a circuit application in INITIAL, APPROVED, ALLOCATED or CONFIRMED: CANCELED at once. Idempotent per clientToken.',
  })
  async cancelPhysicalConnection(
    @Arg('input', () => CancelPhysicalConnectionInput, { description: INPUT }) input: CancelPhysicalConnectionInput,
    @Ctx() context: GatewayContext,
  ): Promise<CircuitWriteResult<PhysicalConnection>> {
    return cancelService.execute(context, circuitWriteArgs(input, context));
  }

  @Mutation(() => RecoverPhysicalConnectionPayload, {
    description:
      'Brings a TERMINATED shared circuit (productType VIRTUAL_PHYSICAL_CONNECTION) back in service: ENABLED. A dedicated circuit cannot be recovered. Idempotent per clientToken.',
  })
  async recoverPhysicalConnection(
    @Arg('input', () => RecoverPhysicalConnectionInput, { description: INPUT }) input: RecoverPhysicalConnectionInput,
    @Ctx() context: GatewayContext,
  ): Promise<CircuitWriteResult<PhysicalConnection>> {
    return recoverService.execute(context, circuitWriteArgs(input, context));
  }

  @Mutation(() => DeletePhysicalConnectionPayload, {
    description:
      'Deletes a circuit in ALLOCATED, CONFIRMED, REJECTED, CANCELED, ALLOCATION_FAILED or TERMINATED that has no VBRs (any status, any account) and hosts no vpconns. The circuit is gone at once. Idempotent per clientToken (a retry after the circuit is gone is replayed by the upstream).',
  })
  async deletePhysicalConnection(
    @Arg('input', () => DeletePhysicalConnectionInput, { description: INPUT }) input: DeletePhysicalConnectionInput,
    @Ctx() context: GatewayContext,
  ): Promise<CircuitWriteResult<PhysicalConnection | null> & { physicalConnectionId: string }> {
    const args = circuitWriteArgs(input, context);
    return { physicalConnectionId: args.physicalConnectionId, ...(await deleteService.execute(context, args)) };
  }
}
