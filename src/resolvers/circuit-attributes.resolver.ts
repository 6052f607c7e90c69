/**
 * The circuit mutations that take attributes: `createPhysicalConnection` and
 * `updatePhysicalConnection`. Every attribute is validated here with the data source's rules
 * (Alibaba's documented ones), named `input.<field>`, before anything is sent.
 */
import { validation as rules } from '../datasources';
import type { PhysicalConnection } from '../datasources/models';
import type { NewPhysicalConnection, PhysicalConnectionChanges } from '../datasources/types';
import type { GatewayContext } from '../schema/context';
import { BadUserInputError } from '../schema/errors';
import { CreatePhysicalConnectionInput, UpdatePhysicalConnectionInput } from '../schema/inputs';
import { Arg, Ctx, Mutation, Resolver } from '../schema/type-graphql';
import { CreatePhysicalConnectionPayload, UpdatePhysicalConnectionPayload } from '../schema/types/payloads';
import type { CircuitWriteResult } from '../services/circuits/circuit-write';
import { createService, type CreateResult } from '../services/circuits/create.service';
import { updateService } from '../services/circuits/update.service';
import { check, circuitWriteArgs, resolveRegionId, validateOptional } from './validation';

const circuitCode = (value: unknown, field: string): string => rules.text(value, field, 128);
const peerLocation = (value: unknown, field: string): string => rules.text(value, field, 256);
const portType = (value: unknown, field: string): string => rules.oneOf(value, field, rules.PORT_TYPES);

/** The attributes both mutations take, each validated when given. */
function sharedAttributes(input: CreatePhysicalConnectionInput | UpdatePhysicalConnectionInput) {
  return {
    name: validateOptional(rules.resourceName, input.name, 'input.name'),
    description: validateOptional(rules.resourceDescription, input.description, 'input.description'),
    circuitCode: validateOptional(circuitCode, input.circuitCode, 'input.circuitCode'),
    peerLocation: validateOptional(peerLocation, input.peerLocation, 'input.peerLocation'),
    portType: validateOptional(portType, input.portType, 'input.portType'),
    redundantPhysicalConnectionId: validateOptional(rules.physicalConnectionId, input.redundantPhysicalConnectionId, 'input.redundantPhysicalConnectionId'),
  };
}

/** Only the attributes given: an absent one is not sent (the upstream leaves it as it is). */
function given<T extends object>(attributes: T): Partial<T> {
  return Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

@Resolver()
export class CircuitAttributesResolver {
  @Mutation(() => CreatePhysicalConnectionPayload, {
    description:
      'Applies for a new circuit: INITIAL, then the provider reviews and allocates it (APPROVED, ALLOCATING, ALLOCATED) or rejects it. Refused with QUOTA_EXCEEDED when the account has too many circuits not yet enabled. Idempotent per clientToken (the same circuit id again).',
  })
  async createPhysicalConnection(
    @Arg('input', () => CreatePhysicalConnectionInput, { description: 'The new circuit and an optional idempotency token.' })
    input: CreatePhysicalConnectionInput,
    @Ctx() context: GatewayContext,
  ): Promise<CreateResult> {
    const regionId = resolveRegionId(input.regionId, context, 'input.regionId');
    const clientToken = validateOptional(rules.clientToken, input.clientToken, 'input.clientToken') ?? null;
    const attributes: NewPhysicalConnection = {
      accessPointId: check(rules.genericId, input.accessPointId, 'input.accessPointId'),
      lineOperator: input.lineOperator,
      ...given({
        ...sharedAttributes(input),
        bandwidth: validateOptional(
          (value, field) => rules.oneOfNumbers(value, field, rules.SHARED_CIRCUIT_BANDWIDTHS),
          input.bandwidth,
          'input.bandwidth',
        ),
        resourceGroupId: validateOptional(rules.genericId, input.resourceGroupId, 'input.resourceGroupId'),
      }),
    };
    return createService.execute(context, { regionId, clientToken, attributes, regionField: 'input.regionId' });
  }

  @Mutation(() => UpdatePhysicalConnectionPayload, {
    description:
      'Changes a circuit\'s attributes: any in INITIAL, APPROVED, ALLOCATED, CONFIRMED, ENABLED or REJECTED; the spec (portType, bandwidth, redundantPhysicalConnectionId) only in INITIAL, ENABLED or REJECTED. A REJECTED circuit goes back to INITIAL (review). Idempotent per clientToken.',
  })
  async updatePhysicalConnection(
    @Arg('input', () => UpdatePhysicalConnectionInput, { description: 'The circuit, the changes and an optional idempotency token.' })
    input: UpdatePhysicalConnectionInput,
    @Ctx() context: GatewayContext,
  ): Promise<CircuitWriteResult<PhysicalConnection | null>> {
    const args = circuitWriteArgs(input, context);
    const changes: PhysicalConnectionChanges = given({
      ...sharedAttributes(input),
      lineOperator: input.lineOperator ?? undefined,
      bandwidth: validateOptional((value, field) => rules.integer(value, field, 2, 10_240), input.bandwidth, 'input.bandwidth'),
      downDelayTime: validateOptional(rules.downDelayTime, input.downDelayTime, 'input.downDelayTime'),
    });
    if (Object.keys(changes).length === 0) throw new BadUserInputError('input', 'input must set at least one attribute to change.');
    if (changes.redundantPhysicalConnectionId === args.physicalConnectionId) {
      throw new BadUserInputError('input.redundantPhysicalConnectionId', 'input.redundantPhysicalConnectionId must be another circuit.');
    }
    return updateService.execute(context, { ...args, changes });
  }
}
