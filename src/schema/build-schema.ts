/**
 * The executable schema, built from the decorated classes. Built once per process and shared
 * (building walks all metadata; the result is immutable); nothing is written to disk here:
 * `emit.ts` writes `schema.graphql`.
 */
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { RESOLVERS } from '../resolvers';
import { DateTimeScalar } from './scalars';
import { buildSchema } from './type-graphql';

let cached: Promise<GraphQLSchema> | undefined;

export function buildGatewaySchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [...RESOLVERS],
    emitSchemaFile: false,
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  }).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

/** The SDL as committed in `schema.graphql`: sorted, so diffs show real changes only. */
export function printGatewaySchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
