// The ceiling for any Apollo-based gateway: the same HTTP integration as the gateway (Fastify +
// @as-integrations/fastify + Apollo Server 5), the same schema (schema.graphql), and resolvers
// that return the very JSON the gateway returned for the same data, from memory. No upstream, no
// auth, no limits, no metrics, no logging: whatever the gateway spends beyond this is its own.
//
// BARE_APOLLO_FIXTURES names a JSON file written by the harness (bench/lib/fixtures.mjs):
// `{ circuits: { [id]: <PhysicalConnection as the gateway answered it> }, listed: [id...], spareTemplate }`.
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify from 'fastify';

const fixtures = JSON.parse(readFileSync(process.env.BARE_APOLLO_FIXTURES ?? '', 'utf8'));
const typeDefs = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
const circuits = new Map(Object.entries(fixtures.circuits));

function connection(nodes, totalCount) {
  const edges = nodes.map((node, i) => ({ cursor: Buffer.from(`v1:${i}`).toString('base64url'), node }));
  return {
    nodes,
    edges,
    totalCount,
    pageInfo: { hasNextPage: nodes.length < totalCount, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

const resolvers = {
  Query: {
    physicalConnection: (_, { id }) => circuits.get(id) ?? null,
    physicalConnections: (_, { first, filter }) => {
      const ids = filter?.ids ?? fixtures.listed;
      const nodes = ids.slice(0, first ?? 20).map((id) => circuits.get(id)).filter(Boolean);
      return connection(nodes, filter?.ids ? nodes.length : circuits.size);
    },
  },
  Mutation: {
    terminatePhysicalConnection: (_, { input }) => ({
      requestId: 'bare-apollo',
      clientToken: input.clientToken ?? 'bare-apollo',
      // Spares are all alike: the captured template stands for any of them.
      physicalConnection: {
        ...(circuits.get(input.physicalConnectionId) ?? { ...fixtures.spareTemplate, id: input.physicalConnectionId }),
        status: 'TERMINATING',
      },
    }),
  },
};

const app = Fastify({ logger: false });
const apollo = new ApolloServer({
  typeDefs,
  resolvers,
  introspection: false,
  // The gateway's Apollo configuration (src/server/app.ts), without its own plugins: no landing
  // page, no per-field cache-control instrumentation. Both servers pay the same Apollo costs.
  plugins: [fastifyApolloDrainPlugin(app), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
});
await apollo.start();
await app.register(fastifyApollo(apollo), { path: '/graphql', method: ['GET', 'POST'] });
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
const { port } = app.server.address();
process.stderr.write(`bare apollo listening on http://127.0.0.1:${port}\n`);

const stop = () => app.close().then(() => process.exit(0), () => process.exit(1));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
