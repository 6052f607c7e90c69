/**
 * The executable schema, built from the decorated classes. Built once per process and shared
 * (building walks all metadata; the result is immutable); nothing is written to disk here:
 * `emit.ts` writes `schema.graphql`.
 */
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { RESOLVERS } from '../resolvers';
import { DateTimeScalar } from '../schema/scalars';
import { buildSchema } from '../schema/type-graphql';

let cached: Promise<GraphQLSchema> | undefined;

const ROOT_DESCRIPTIONS = {
  query: 'Reads: Express Connect circuits, their VBRs and the regions of the VPC API. Every `regionId` argument defaults to the gateway default region.',
  mutation: 'Writes: the lifecycle actions of circuits and VBRs, MACsec keys and the decommission workflow, each with its preconditions checked first and, where the upstream takes one, an idempotency token.',
} as const;

/**
 * type-graphql has no option to describe the root types, so the built schema gets them here: a
 * property set on two objects, once per process.
 */
function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) query.description ??= ROOT_DESCRIPTIONS.query;
  if (mutation) mutation.description ??= ROOT_DESCRIPTIONS.mutation;
  return schema;
}

export function buildGatewaySchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [...RESOLVERS],
    emitSchemaFile: false,
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  }).then(describeRootTypes, (error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

/** The SDL as committed in `schema.graphql`: sorted, so diffs show real changes only. */
export function printGatewaySchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
