// The gateway minus its upstream: the built gateway's HTTP app exactly as `startGateway` assembles
// it (Fastify, Apollo, the schema and resolvers, limits, auth, metrics, logging, audit), with the
// per-request data source replaced by one answering from memory. The models are the gateway's own,
// loaded once at start-up through the real data source from the emulator (IN_MEMORY_EMULATOR_URL).
//
// Measured beside the real gateway and bare Apollo, it splits the gateway's CPU per request into
// "GraphQL layer and runtime" (this process) and "upstream calls" (the rest).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('reflect-metadata');
const { createVpcBackend } = require('../dist/datasources');
const { loadConfig } = require('../dist/server/config');
const { buildGatewaySchema } = require('../dist/graphql/build-schema');
const { buildApp } = require('../dist/server/app');
const { finalizePosture } = require('../dist/server/posture');
const { GatewayMetrics } = require('../dist/server/metrics');
const { Readiness } = require('../dist/server/readiness');
const { createAuthenticator } = require('../dist/server/auth/authenticator');
const { createLogger } = require('../dist/server/logger');
const { InFlight } = require('../dist/shared/in-flight');

const REGION = 'cn-hangzhou';
const SPARE = /^pc-bp1spare/;

async function loadModels() {
  const real = createVpcBackend({
    endpoint: process.env.IN_MEMORY_EMULATOR_URL,
    credentials: { accessKeyId: 'LTAIEmulatorAccessKey', accessKeySecret: 'EmulatorAccessKeySecret' },
  });
  try {
    const ds = real.forRequest();
    const page = { pageNumber: 1, pageSize: 50 };
    const listed = await ds.physicalConnections(REGION, {}, page);
    const reserved = await ds.physicalConnections(REGION, { ids: (process.env.IN_MEMORY_RESERVED ?? '').split(',') }, page);
    const circuits = [...listed.items, ...reserved.items];
    const vbrs = new Map(await Promise.all(circuits.map(async (pc) => [pc.id, await ds.vbrsOfPhysicalConnection(REGION, pc.id)])));
    return { listed, byId: new Map(circuits.map((pc) => [pc.id, pc])), vbrs, spareTemplate: reserved.items[0] };
  } finally {
    await real.close();
  }
}

function memoryDataSource(models) {
  const circuit = (id) => models.byId.get(id) ?? (SPARE.test(id) ? { ...models.spareTemplate, id } : null);
  const page = (items) => ({ items, totalCount: items.length, pageNumber: 1, pageSize: 50, requestId: 'in-memory' });
  return {
    physicalConnection: async (_region, id) => circuit(id),
    vbrsOfPhysicalConnection: async (_region, id) => models.vbrs.get(id) ?? [],
    vbr: async () => null,
    physicalConnections: async (_region, filter) =>
      filter?.ids ? page(filter.ids.map(circuit).filter(Boolean)) : models.listed,
    vbrs: async () => page([]),
    regions: async () => [],
    freshPhysicalConnection: async (_region, id) => circuit(id),
    freshVbrAttachments: async (_region, id) => (models.vbrs.get(id) ?? []).map((v) => ({ vbrId: v.id })),
    terminatePhysicalConnection: async (_region, _id, options) => ({ requestId: 'in-memory', clientToken: options?.clientToken ?? 'in-memory' }),
  };
}

const models = await loadModels();
const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', VPC_UPSTREAM_MODE: 'emulator' });
const logger = createLogger(config.logLevel);
const metrics = new GatewayMetrics();
const readiness = new Readiness(async () => undefined, { onChange: (ready) => metrics.setReady(ready) });
const dataSource = memoryDataSource(models);
const app = await buildApp({
  config,
  posture: finalizePosture(config, 'emulator'),
  schema: await buildGatewaySchema(),
  backend: { forRequest: () => dataSource },
  logger,
  metrics,
  readiness,
  authenticator: createAuthenticator('none', config.auth),
  playgroundAssets: null,
  operations: new InFlight(),
});
readiness.markSchemaReady();
await app.listen({ host: '127.0.0.1', port: 0 });
process.stderr.write(`gateway (in-memory data source) listening on http://127.0.0.1:${app.server.address().port}\n`);

const stop = () => app.close().then(() => process.exit(0), () => process.exit(1));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
