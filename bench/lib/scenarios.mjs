// The four scenarios of issue 6: their GraphQL documents, the request bodies they cycle through,
// and what each costs upstream, counted from the gateway's implementation:
// - `calls`: upstream calls of one request (the target: never a function of the item count);
// - `k`: SEQUENTIAL upstream round trips of one request (what the 20 ms bound divides by). A
//   batched VBR walk is page 1 (it tells the total), then every other page concurrently: that is
//   2 round trips whenever there is more than one page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, isLeafType } from 'graphql';
import { ROOT } from './processes.mjs';

const PAGE = 50;

/** Every scalar (and enum) field of PhysicalConnection, read from schema.graphql. */
export function circuitScalarFields() {
  const schema = buildSchema(readFileSync(path.join(ROOT, 'schema.graphql'), 'utf8'));
  const fields = schema.getType('PhysicalConnection').getFields();
  return Object.values(fields)
    .filter((f) => isLeafType(getNamedType(f.type)) && f.args.length === 0)
    .map((f) => f.name);
}

export const documents = (scalars) => ({
  detail: `query Detail($id: ID!) { physicalConnection(id: $id) { ${scalars.join(' ')} } }`,
  consoleList: 'query ConsoleList { physicalConnections(first: 50) { nodes { id status vbrs { id status } } } }',
  checks:
    'query Checks($ids: [ID!]!) { physicalConnections(first: 20, filter: { ids: $ids }) { nodes { id status terminationCheck { terminable blockers { code vbrIds } } } } }',
  terminate:
    'mutation Terminate($input: TerminatePhysicalConnectionInput!) { terminatePhysicalConnection(input: $input) { requestId clientToken physicalConnection { id status } } }',
  /** What the bare-Apollo fixtures are captured with: a superset of every scenario's selection. */
  fixtures: `query Fixtures($ids: [ID!], $first: Int) { physicalConnections(first: $first, filter: { ids: $ids }) { nodes { ${scalars.join(' ')} vbrs { id status } terminationCheck { terminable blockers { code vbrIds } } } } }`,
});

const body = (query, variables) => JSON.stringify(variables === undefined ? { query } : { query, variables });
const pages = (items) => Math.max(1, Math.ceil(items / PAGE));
/** A batched VBR walk: page 1, then the rest at once. */
const walkRoundTrips = (items) => (pages(items) > 1 ? 2 : 1);

function cycle(bodies) {
  let i = 0;
  return () => bodies[i++ % bodies.length];
}

/**
 * @param seed what bench/lib/seed.mjs loaded: listed ids, reserved spares, VBRs per circuit
 * @param terminable a shared supply of circuits to terminate (scenario 4 only)
 */
export function buildScenarios(seed, docs, terminable) {
  const vbrsOf = (ids) => ids.reduce((n, id) => n + (seed.vbrsByCircuit.get(id) ?? 0), 0);
  const checkIds = [...seed.listed.slice(0, 15), ...seed.reserved];
  const listVbrs = vbrsOf(seed.listed);
  const checkVbrs = vbrsOf(checkIds);

  const detail = {
    id: 1,
    name: 'physicalConnection(id) { all scalar fields }',
    calls: 1,
    callsRule: '1',
    k: 1,
    bodies: seed.listed.map((id) => body(docs.detail, { id })),
  };
  const consoleList = {
    id: 2,
    name: 'physicalConnections(first: 50) { nodes { id status vbrs { id status } } }',
    calls: 1 + pages(listVbrs),
    callsRule: `1 + ${pages(listVbrs)} VBR pages (${listVbrs} VBRs)`,
    k: 1 + walkRoundTrips(listVbrs),
    bodies: [body(docs.consoleList)],
  };
  const checks = {
    id: 3,
    name: 'terminationCheck of 20 circuits (physicalConnections filter ids)',
    calls: 1 + pages(checkVbrs),
    callsRule: `1 + ${pages(checkVbrs)} VBR page (${checkVbrs} VBRs)`,
    k: 1 + walkRoundTrips(checkVbrs),
    bodies: [body(docs.checks, { ids: checkIds })],
  };
  // The terminate path: fresh circuit + fresh VBR attachments concurrently, terminate, fresh read.
  const terminate = { calls: 4, k: 3 };
  const reads = [detail, consoleList, checks];
  // 100 reads (the three read scenarios in turn; scenario 1 rotating over the circuits), 1 terminate.
  const slots = Array.from({ length: 100 }, (_, i) => reads[i % 3]);
  const meanOver = (pick) => (slots.reduce((n, s) => n + pick(s), 0) + pick(terminate)) / 101;
  const readBodies = reads.map((s) => cycle(s.bodies));
  let slot = 0;
  let tokens = 0;
  const mixed = {
    id: 4,
    name: 'mixed: 100 reads (scenarios 1-3 in turn) per 1 terminate',
    calls: meanOver((s) => s.calls),
    callsRule: `mean over the mix (terminate: ${terminate.calls})`,
    k: meanOver((s) => s.k),
    terminates: () => tokens,
    next: () => {
      const at = slot++ % 101;
      if (at === 100) {
        const id = terminable.next();
        if (id !== null) {
          tokens++;
          return body(docs.terminate, { input: { physicalConnectionId: id, clientToken: `bench-${id}` } });
        }
      }
      return (readBodies[at % 3] ?? readBodies[0])();
    },
  };
  for (const s of reads) s.next = cycle(s.bodies);
  return [detail, consoleList, checks, mixed];
}

/** Hands out each spare circuit once; null when the supply is exhausted (reported, not hidden). */
export function supply(ids) {
  let i = 0;
  return {
    next: () => (i < ids.length ? ids[i++] : null),
    used: () => i,
    exhausted: () => i >= ids.length,
  };
}
