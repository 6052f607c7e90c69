// What the bare-Apollo ceiling serves: the gateway's own answers for the benchmark data, captured
// once through the gateway, so both servers produce the same JSON for the same documents.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postGraphQL } from './load.mjs';

async function nodes(url, query, variables) {
  const { status, json } = await postGraphQL(url, JSON.stringify({ query, variables }));
  if (status !== 200 || json.errors) throw new Error(`fixture capture failed: ${status} ${JSON.stringify(json.errors ?? json).slice(0, 500)}`);
  return json.data.physicalConnections.nodes;
}

/** Writes the fixture file and returns its path. */
export async function captureFixtures(gatewayUrl, docs, seed) {
  const circuits = {};
  const listed = await nodes(gatewayUrl, docs.fixtures, { first: 50 });
  const reserved = await nodes(gatewayUrl, docs.fixtures, { first: 20, ids: seed.reserved });
  for (const pc of [...listed, ...reserved]) circuits[pc.id] = pc;
  const file = path.join(os.tmpdir(), `vpc-bench-fixtures-${process.pid}.json`);
  writeFileSync(file, JSON.stringify({ circuits, listed: seed.listed, spareTemplate: reserved[0] }));
  return file;
}
