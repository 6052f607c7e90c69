/**
 * Applying for a new circuit (CreatePhysicalConnection): it starts INITIAL and the provider's
 * back office walks it to ALLOCATED (or REJECTED). Nothing to preview and no fresh precondition:
 * nothing exists yet, and the one rule, the account's quota of circuits not yet enabled, is the
 * upstream's count (QUOTA_EXCEEDED). A retry with the same token is replayed upstream: the same
 * circuit id, no second circuit.
 */
import type { PhysicalConnection } from '../../datasources/models';
import type { NewPhysicalConnection } from '../../datasources/types';
import type { GatewayContext } from '../../schema/context';
import type { LifecycleService } from '../lifecycle';
import { sendWrite } from '../write';
import { asReadAfter, readAfter, type CircuitWriteResult } from './circuit-write';

export interface CreateInput {
  regionId: string;
  attributes: NewPhysicalConnection;
  /** The caller's token; null to generate one. */
  clientToken: string | null;
  /** The argument the region came from, named by BAD_USER_INPUT for an unknown region; default `regionId`. */
  regionField?: string;
}

export interface CreateResult extends CircuitWriteResult<PhysicalConnection | null> {
  physicalConnectionId: string;
}

const answer = asReadAfter('creation');

async function execute(context: GatewayContext, input: CreateInput): Promise<CreateResult> {
  const { regionId, attributes } = input;
  const { result, clientToken } = await sendWrite(
    context,
    {
      callerToken: input.clientToken,
      scope: { regionId, regionField: input.regionField ?? 'regionId', inputPath: 'input' },
      action: 'creation',
      logFields: { accessPointId: attributes.accessPointId },
    },
    (token) => context.dataSource.createPhysicalConnection(regionId, attributes, { clientToken: token }),
  );
  const { physicalConnectionId: id } = result;
  const correlation = { physicalConnectionId: id, regionId, clientToken, upstreamRequestId: result.requestId, requestId: context.requestId };
  context.logger.info({ ...correlation, subject: context.auth.subject }, 'physical connection creation accepted');
  const after = await readAfter(context.dataSource, regionId, id);
  const physicalConnection = answer(after, null, (message, fields = {}) => context.logger.warn({ ...correlation, ...fields }, message));
  return { physicalConnectionId: id, physicalConnection, requestId: result.requestId, clientToken };
}

/** Only `execute`: a create has no resource to load or evaluate before it exists. */
export const createService = { execute } satisfies Pick<LifecycleService<never, never, never, CreateInput, CreateResult>, 'execute'>;
