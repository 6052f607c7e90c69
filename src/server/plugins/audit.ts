/**
 * The audit trail: one `audit` log line for every mutation attempt, whatever became of it
 * (executed, refused by a precondition, by a scope, by a limit, or by authentication), with the
 * caller's subject, the mutation input, the outcome code, the upstream RequestId and the
 * ClientToken. Enough to answer "who terminated pc-... and did it happen" from the logs alone.
 *
 * The Apollo plugin assembles the record (it knows the resolved arguments and the formatted
 * errors); the data source wrapper captures what each upstream write returned, independently of
 * what the client chose to select; the Fastify hook writes the line at response time, and also
 * covers requests refused before Apollo's plugins ran (401, CSRF, batching). A client that hung up
 * gets its line too, once, with what really became of its mutation (a write already sent runs on
 * without it: src/datasources/write-signal.ts).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  getArgumentValues,
  getOperationAST,
  Kind,
  parse,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { UpstreamError } from '../../datasources/errors';
import type { VpcDataSourceApi } from '../../datasources/types';
import type { GatewayLogger } from '../../resolvers/context';
import type { AuditRecord, RequestState, ServerContext, WriteRecord } from '../request-state';

const MAX_ARGS_JSON = 4096;

/** Arguments as logged: bounded, so a huge variables object cannot flood the audit log. */
function bounded(args: Record<string, unknown>): Record<string, unknown> {
  const json = JSON.stringify(args);
  return json.length <= MAX_ARGS_JSON ? args : { truncated: true, bytes: json.length };
}

/** Wraps the request's data source so every write's result lands in `writes`. */
export function recordWrites(dataSource: VpcDataSourceApi, writes: WriteRecord[]): VpcDataSourceApi {
  return {
    physicalConnection: (...a) => dataSource.physicalConnection(...a),
    vbrsOfPhysicalConnection: (...a) => dataSource.vbrsOfPhysicalConnection(...a),
    vbr: (...a) => dataSource.vbr(...a),
    physicalConnections: (...a) => dataSource.physicalConnections(...a),
    vbrs: (...a) => dataSource.vbrs(...a),
    regions: (...a) => dataSource.regions(...a),
    freshPhysicalConnection: (...a) => dataSource.freshPhysicalConnection(...a),
    freshVbrAttachments: (...a) => dataSource.freshVbrAttachments(...a),
    async terminatePhysicalConnection(regionId, id, options) {
      const record: WriteRecord = {
        method: 'terminatePhysicalConnection',
        regionId,
        resourceId: id,
        clientToken: options?.clientToken ?? null,
        upstreamRequestId: null,
        outcome: 'pending',
      };
      writes.push(record);
      try {
        const result = await dataSource.terminatePhysicalConnection(regionId, id, options);
        record.upstreamRequestId = result.requestId;
        record.clientToken = result.clientToken ?? record.clientToken;
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
    },
  };
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

export function auditPlugin(): ApolloServerPlugin<ServerContext> {
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
 * The GraphQL document texts of a refused request (JSON body, batch array, GET query). A
 * text/plain body is read as JSON only when `decodeText` (it is a CSRF refusal's only trace).
 */
function documentTexts(request: FastifyRequest, decodeText: boolean): string[] {
  let body: unknown = request.body;
  if (typeof body === 'string') {
    if (!decodeText) return [body];
    try {
      body = JSON.parse(body);
    } catch {
      return [];
    }
  }
  const candidates = [...(Array.isArray(body) ? body : [body]), request.query];
  const texts: string[] = [];
  for (const candidate of candidates.slice(0, 10)) {
    const query = typeof candidate === 'object' && candidate !== null ? (candidate as Record<string, unknown>)['query'] : undefined;
    if (typeof query === 'string') texts.push(query);
  }
  return texts;
}

/**
 * The mutation fields of a request refused before Apollo ran it; null when it held no mutation.
 *
 * A caller that did not authenticate gets nothing of its document parsed (auth.ts answers 401
 * first so that an unknown caller costs no parsing; this hook must not parse it afterwards
 * either): the word `mutation` anywhere in it makes it an attempt, audited without field names.
 * That can only over-report (a mutation cannot be written without the keyword).
 */
function refusedMutation(request: FastifyRequest, maxTokens: number): Pick<AuditRecord, 'operationName' | 'fields'> | null {
  if (request.gateway.auth === null) {
    return documentTexts(request, false).some((text) => text.includes('mutation')) ? { operationName: null, fields: [] } : null;
  }
  const mutations: OperationDefinitionNode[] = [];
  for (const text of documentTexts(request, true)) {
    try {
      for (const d of parse(text, { maxTokens }).definitions) {
        if (d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation') mutations.push(d);
      }
    } catch {
      // Not a document: nothing of it could have been a mutation attempt.
    }
  }
  if (mutations.length === 0) return null;
  return {
    operationName: mutations[0]?.name?.value ?? null,
    fields: mutations.flatMap((op) =>
      op.selectionSet.selections.filter((s) => s.kind === Kind.FIELD).map((s) => ({ name: s.name.value, args: null })),
    ),
  };
}

/**
 * Writes the audit line once the record exists, and only once. `httpStatus` null: the client hung
 * up before it was answered (`clientDisconnected`); the record still says what became of the
 * mutation, since it is only assembled once the operation, and any write in it, settled.
 */
function writeAuditLine(state: RequestState, log: GatewayLogger, httpStatus: number | null): void {
  if (state.audit === null || state.audited) return;
  state.audited = true;
  log.info(
    {
      audit: 'mutation',
      subject: state.auth?.subject ?? null,
      httpStatus,
      clientDisconnected: httpStatus === null,
      ...state.audit,
      writes: state.writes,
    },
    'mutation attempt',
  );
}

/**
 * Writes the audit line of a mutation attempt: when the response has been sent, or, for a client
 * that hung up (Fastify then never runs `onResponse`: the response never finishes), as soon as
 * the record is complete: at once if Apollo already assembled it, else when Apollo does
 * (`auditPlugin`), after the operation and its write settled.
 */
export function registerAuditLog(app: FastifyInstance, graphqlPath: string, maxTokens: number): void {
  app.addHook('onRequest', async (request) => {
    const state = request.gateway;
    state.abort.signal.addEventListener('abort', () => writeAuditLine(state, request.log, null), { once: true });
  });

  app.addHook('onResponse', async (request, reply) => {
    const state = request.gateway;
    if (request.routeOptions.url !== graphqlPath || state.servedPlayground) return;
    if (state.audit === null && reply.statusCode >= 400) {
      const mutation = refusedMutation(request, maxTokens);
      if (mutation === null) return;
      state.audit = {
        ...mutation,
        outcome: state.rejectedWith ?? `HTTP_${reply.statusCode}`,
        // The code the client was answered with, as for a mutation that reached Apollo.
        errorCodes: state.rejectedWith === null ? [] : [state.rejectedWith],
        upstreamRequestId: null,
        clientToken: null,
      };
    }
    writeAuditLine(state, request.log, reply.statusCode);
  });
}
