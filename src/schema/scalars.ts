/**
 * Custom scalars. Upstream times come in two spellings (circuits with `Z`, VBRs without); the
 * data source turns both into `Date`, and `DateTime` prints them as RFC 3339 UTC strings.
 *
 * graphql-scalars' `DateTime` serializes to a `Date` object (left for the transport to stringify),
 * which makes in-process execution results differ from HTTP ones; its `DateTimeISO` always yields
 * a string. Hence `DateTimeISO`'s behaviour under the conventional name.
 */
import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';

export const DateTimeScalar = new GraphQLScalarType({
  ...GraphQLDateTimeISO.toConfig(),
  name: 'DateTime',
  description: 'An RFC 3339 date-time in UTC with milliseconds, e.g. `2021-08-24T07:30:58.000Z`.',
});
