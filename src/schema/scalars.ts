/**
 * Custom scalars. `DateTime` always serializes to an RFC 3339 UTC string (graphql-scalars'
 * `DateTimeISO` under the conventional name; why: docs/graphql.md#types).
 */
import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';

export const DateTimeScalar = new GraphQLScalarType({
  ...GraphQLDateTimeISO.toConfig(),
  name: 'DateTime',
  description: 'An RFC 3339 date-time in UTC with milliseconds, e.g. `2021-08-24T07:30:58.000Z`.',
});
