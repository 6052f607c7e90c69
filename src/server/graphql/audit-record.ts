/**
 * What the audit line of a mutation says: the Apollo plugin assembles the record (resolved
 * arguments, formatted errors), `recordWrites` captures what each upstream write returned.
 * Invariants: one line per mutation attempt, written once (`writeAuditLine`); logged arguments are
 * bounded (MAX_ARGS_JSON); a client that hung up gets its line when its operation has settled.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getArgumentValues,
  getOperationAST,
  Kind,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { UpstreamError } from '../../datasources/errors';
import type { WriteResult } from '../../datasources/models';
import type { VpcDataSourceApi, VpcDataSourceWrites } from '../../datasources/types';
import type { GatewayLogger } from '../../schema/context';
import { MAX_LOGGED_OPERATION_NAME, type AuditRecord, type RequestState, type ServerContext, type WriteRecord } from '../plugins/request-state';

const MAX_ARGS_JSON = 4096;

/** Arguments as logged: bounded, so a huge variables object cannot flood the audit log. */
function bounded(args: Record<string, unknown>): Record<string, unknown> {
  const json = JSON.stringify(args);
  return json.length <= MAX_ARGS_JSON ? args : { truncated: true, bytes: json.length };
}

/**
 * Records one upstream write in `writes`: pending first (so a write whose caller hung up is still
 * listed), then its RequestId and ClientToken, or the data-source error code it failed with.
 */
async function audited<T extends WriteResult>(
  writes: WriteRecord[],
  method: string,
  regionId: string,
  resourceId: string | null,
  clientToken: string | undefined,
  call: () => Promise<T>,
  createdId?: (result: T) => string,
): Promise<T> {
  const record: WriteRecord = { method, regionId, resourceId: resourceId ?? '', clientToken: clientToken ?? null, upstreamRequestId: null, outcome: 'pending' };
  writes.push(record);
  try {
    const result = await call();
    record.upstreamRequestId = result.requestId;
    record.clientToken = result.clientToken ?? record.clientToken;
    if (createdId !== undefined) record.resourceId = createdId(result);
    record.outcome = 'success';
    return result;
  } catch (error) {
    record.outcome = error instanceof UpstreamError ? error.code : error instanceof Error ? error.name : 'unknown';
    if (error instanceof UpstreamError) {
      record.upstreamRequestId = error.requestId;
      record.clientToken = error.clientToken ?? record.clientToken;
    }
    throw error;
  }
}

/**
 * Wraps the request's data source so every write's result lands in `writes`. Reads pass through
 * (the prototype chain); every method of `VpcDataSourceWrites` is wrapped here (a write added
 * there without an audit entry is a type error).
 */
export function recordWrites(dataSource: VpcDataSourceApi, writes: WriteRecord[]): VpcDataSourceApi {
  const wrapped: VpcDataSourceWrites = {
    terminatePhysicalConnection: (regionId, id, options) =>
      audited(writes, 'terminatePhysicalConnection', regionId, id, options?.clientToken, () =>
        dataSource.terminatePhysicalConnection(regionId, id, options),
      ),
    createVbr: (regionId, spec, options) =>
      audited(writes, 'createVbr', regionId, null, options?.clientToken, () => dataSource.createVbr(regionId, spec, options), (r) => r.vbrId),
    modifyVbr: (regionId, id, changes, options) =>
      audited(writes, 'modifyVbr', regionId, id, options?.clientToken, () => dataSource.modifyVbr(regionId, id, changes, options)),
    terminateVbr: (regionId, id, options) =>
      audited(writes, 'terminateVbr', regionId, id, options?.clientToken, () => dataSource.terminateVbr(regionId, id, options)),
    recoverVbr: (regionId, id, options) =>
      audited(writes, 'recoverVbr', regionId, id, options?.clientToken, () => dataSource.recoverVbr(regionId, id, options)),
    deleteVbr: (regionId, id, options) =>
      audited(writes, 'deleteVbr', regionId, id, options?.clientToken, () => dataSource.deleteVbr(regionId, id, options)),
    disassociateMacsecKey: (regionId, id, ckn) =>
      audited(writes, 'disassociateMacsecKey', regionId, id, undefined, () => dataSource.disassociateMacsecKey(regionId, id, ckn)),
    createPhysicalConnection: (regionId, attributes, options) =>
      audited(
        writes,
        'createPhysicalConnection',
        regionId,
        null,
        options?.clientToken,
        () => dataSource.createPhysicalConnection(regionId, attributes, options),
        (result) => result.physicalConnectionId,
      ),
    confirmPhysicalConnection: (regionId, id, options) =>
      audited(writes, 'confirmPhysicalConnection', regionId, id, options?.clientToken, () =>
        dataSource.confirmPhysicalConnection(regionId, id, options),
      ),
    enablePhysicalConnection: (regionId, id, options) =>
      audited(writes, 'enablePhysicalConnection', regionId, id, options?.clientToken, () =>
        dataSource.enablePhysicalConnection(regionId, id, options),
      ),
    cancelPhysicalConnection: (regionId, id, options) =>
      audited(writes, 'cancelPhysicalConnection', regionId, id, options?.clientToken, () =>
        dataSource.cancelPhysicalConnection(regionId, id, options),
      ),
    recoverPhysicalConnection: (regionId, id, options) =>
      audited(writes, 'recoverPhysicalConnection', regionId, id, options?.clientToken, () =>
        dataSource.recoverPhysicalConnection(regionId, id, options),
      ),
    deletePhysicalConnection: (regionId, id, options) =>
      audited(writes, 'deletePhysicalConnection', regionId, id, options?.clientToken, () =>
        dataSource.deletePhysicalConnection(regionId, id, options),
      ),
    modifyPhysicalConnection: (regionId, id, changes, options) =>
      audited(writes, 'modifyPhysicalConnection', regionId, id, options?.clientToken, () =>
        dataSource.modifyPhysicalConnection(regionId, id, changes, options),
      ),
  };
  return Object.assign(Object.create(dataSource) as VpcDataSourceApi, wrapped);
}

function mutationFields(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  validated: boolean,
): AuditRecord['fields'] {
  const mutationType = schema.getMutationType();
  const fields: AuditRecord['fields'] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const definition = mutationType?.getFields()[selection.name.value];
    let args: Record<string, unknown> | null = null;
    // Coercion is only meaningful (and safe) on a document that passed validation.
    if (validated && definition !== undefined) {
      try {
        args = bounded(getArgumentValues(definition, selection, variables));
      } catch {
        args = null;
      }
    }
    fields.push({ name: selection.name.value, args });
  }
  return fields;
}

function codesOf(errors: readonly GraphQLFormattedError[] | undefined): string[] {
  return (errors ?? []).map((e) => {
    const code = e.extensions?.['code'];
    return typeof code === 'string' ? code : 'UNKNOWN';
  });
}

function upstreamRequestIdOf(errors: readonly GraphQLFormattedError[] | undefined): string | null {
  for (const error of errors ?? []) {
    const upstream = error.extensions?.['upstream'];
    if (typeof upstream === 'object' && upstream !== null) {
      const id = (upstream as Record<string, unknown>)['requestId'];
      if (typeof id === 'string') return id;
    }
  }
  return null;
}

function clientTokenOf(fields: AuditRecord['fields']): string | null {
  for (const field of fields) {
    const input = field.args?.['input'];
    if (typeof input === 'object' && input !== null) {
      const token = (input as Record<string, unknown>)['clientToken'];
      if (typeof token === 'string') return token;
    }
  }
  return null;
}

export function auditRecordPlugin(): ApolloServerPlugin<ServerContext> {
  return {
    requestDidStart: async () => ({
      willSendResponse: async ({ document, operation, request, response, contextValue, schema }) => {
        if (document === undefined) return;
        const op = operation ?? getOperationAST(document, request.operationName);
        if (op === null || op === undefined || op.operation !== 'mutation') return;
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        const fields = mutationFields(schema, op, request.variables ?? {}, operation !== undefined);
        const codes = codesOf(errors);
        const state = contextValue.http;
        const write = state.writes[0];
        state.audit = {
          operationName: op.name?.value ?? null,
          fields,
          outcome: codes[0] ?? 'OK',
          errorCodes: codes,
          upstreamRequestId: write?.upstreamRequestId ?? upstreamRequestIdOf(errors),
          clientToken: write?.clientToken ?? clientTokenOf(fields),
        };
        // No response will finish for a client that hung up, so no onResponse: the line is due now.
        if (state.abort.signal.aborted) writeAuditLine(state, contextValue.logger, null);
      },
    }),
  };
}

/**
 * Writes the audit line once the record exists, and only once. `httpStatus` null: the client hung
 * up before it was answered (`clientDisconnected`), or the shutdown deadline cut the connection
 * (`cutByShutdown`); the record still says what became of the mutation, since it is only assembled
 * once the operation, and any write in it, settled.
 */
export function writeAuditLine(state: RequestState, log: GatewayLogger, httpStatus: number | null): void {
  if (state.audit === null || state.audited) return;
  state.audited = true;
  log.info(
    {
      audit: 'mutation',
      subject: state.auth?.subject ?? null,
      httpStatus,
      clientDisconnected: httpStatus === null && !state.cutByShutdown,
      ...(state.cutByShutdown ? { cutByShutdown: true } : {}),
      ...state.audit,
      operationName: state.audit.operationName?.slice(0, MAX_LOGGED_OPERATION_NAME) ?? null,
      writes: state.writes,
    },
    'mutation attempt',
  );
}
