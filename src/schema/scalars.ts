/**
 * Custom scalars. Upstream times come in two spellings (circuits with `Z`, VBRs without); the
 * data source turns both into `Date`, and this scalar prints them as RFC 3339 UTC.
 */
import { GraphQLDateTime } from 'graphql-scalars';

export const DateTimeScalar = GraphQLDateTime;
