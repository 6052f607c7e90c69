/**
 * Trusted documents over real HTTP (gateway and embedded emulator): the committed manifest of
 * operations/*.graphql plus a second client app's manifest; hashes by POST and GET, in Apollo's
 * `extensions.persistedQuery` and GraphQL over HTTP's `documentId`; the refusals, which cost no
 * upstream call and never parse the text; the development playground; the start-up refusal.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError } from '../../../src/server/config';
import { metricValue } from '../reliability/support';
import { startTestGateway, terminableConnectionId, type HttpResult, type TestGateway } from './support';

const MANIFEST = resolve(__dirname, '..', '..', '..', 'operations', 'persisted-documents.json');
const SHIPPED = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;

/** The shipped manifest's hash of the operation named `name`. */
function hashOf(name: string): string {
  const found = Object.entries(SHIPPED).find(([, text]) => new RegExp(`^(query|mutation) ${name}\\b`).test(text));
  if (found === undefined) throw new Error(`no ${name} in ${MANIFEST}`);
  return found[0];
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const ADMIN = 'query AdminRegions { regions { regionId } }';
const FREE_TEXT = '{ regions { regionId } }';

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

const codes = (res: HttpResult): unknown[] => (res.json<Body>().errors ?? []).map((e) => e.extensions?.['code']);
const persisted = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
const get = (t: TestGateway, search: Record<string, string>, headers: Record<string, string> = {}) =>
  t.http('GET', `/graphql?${new URLSearchParams(search).toString()}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });

/** The test's own free-text reads (finding a circuit) go through the development playground's exemption. */
function withFreeText(t: TestGateway): TestGateway {
  return { ...t, graphql: (body, headers = {}) => t.graphql(body, { 'x-gateway-playground': '1', ...headers }) };
}

let dir: string;
let adminManifest: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'trusted-documents-'));
  adminManifest = join(dir, 'admin.json');
  writeFileSync(adminManifest, JSON.stringify({ [sha256(ADMIN)]: ADMIN }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('GATEWAY_TRUSTED_DOCUMENTS_ONLY=true with two manifests (one per client app)', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startTestGateway({ GATEWAY_TRUSTED_DOCUMENTS: `${MANIFEST}, ${adminManifest}`, GATEWAY_TRUSTED_DOCUMENTS_ONLY: 'true' });
  });
  afterAll(() => t.close());

  it('runs a manifest document named by extensions.persistedQuery (POST), under the manifest\'s operation name', async () => {
    const res = await t.graphql({ ...persisted(hashOf('Regions')), variables: { language: 'EN_US' } }, { 'x-request-id': 'trusted-post' });
    expect(res.status).toBe(200);
    expect(res.json<{ data: { regions: unknown[] } }>().data.regions.length).toBeGreaterThan(0);
    const line = t.logs.find((l) => l.msg === 'request' && l['requestId'] === 'trusted-post');
    expect(line).toEqual([expect.objectContaining({ operationName: 'Regions', operationType: 'query', statusCode: 200 })]);
    const metrics = (await t.http('GET', '/metrics')).text;
    expect(metricValue(metrics, 'gateway_graphql_requests_total', { operation: 'Regions', outcome: 'success' })).toBeGreaterThan(0);
  });

  it('runs one by GET, with its variables', async () => {
    const id = await terminableConnectionId(withFreeText(t));
    const res = await get(t, { extensions: JSON.stringify(persisted(hashOf('TerminationPreflight')).extensions), variables: JSON.stringify({ id }) });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ data: { physicalConnection: expect.objectContaining({ id, terminationCheck: { terminable: true, blockers: [] } }) } });
  });

  it('runs one named by GraphQL over HTTP\'s documentId, POST and GET, "sha256:" prefixed or bare', async () => {
    const hash = hashOf('Regions');
    for (const res of [
      await t.graphql({ documentId: `sha256:${hash}` }),
      await t.graphql({ documentId: hash }),
      await get(t, { documentId: `sha256:${hash}` }),
    ]) {
      expect(res.status).toBe(200);
      expect(res.json<{ data: { regions: unknown[] } }>().data.regions.length).toBeGreaterThan(0);
    }
  });

  it('runs the second manifest\'s documents too', async () => {
    const res = await t.graphql({ documentId: `sha256:${sha256(ADMIN)}` });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ data: { regions: expect.arrayContaining([{ regionId: 'cn-hangzhou' }]) } });
  });

  it('runs a trusted mutation, audited under its manifest name; by GET it is 405', async () => {
    const id = await terminableConnectionId(withFreeText(t));
    const hash = hashOf('TerminatePhysicalConnection');
    const viaGet = await get(t, { documentId: `sha256:${hash}`, variables: JSON.stringify({ input: { physicalConnectionId: id } }) });
    expect(viaGet.status).toBe(405);
    const res = await t.graphql({ documentId: `sha256:${hash}`, variables: { input: { physicalConnectionId: id } } }, { 'x-request-id': 'trusted-terminate' });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({
      data: { terminatePhysicalConnection: expect.objectContaining({ physicalConnection: expect.objectContaining({ id, status: 'TERMINATING' }) }) },
    });
    const audit = t.logs.find((l) => l['audit'] === 'mutation' && l['requestId'] === 'trusted-terminate');
    expect(audit).toEqual([expect.objectContaining({ operationName: 'TerminatePhysicalConnection', outcome: 'OK' })]);
  });

  it('still applies CSRF prevention and variable coercion to a trusted document', async () => {
    const extensions = JSON.stringify(persisted(hashOf('Regions')).extensions);
    const noPreflight = await t.http('GET', `/graphql?${new URLSearchParams({ extensions }).toString()}`);
    expect(noPreflight.status).toBe(400);
    expect(noPreflight.text).toMatch(/CSRF/);
    const badVariable = await t.graphql({ ...persisted(hashOf('Regions')), variables: { language: 'KLINGON' } });
    expect(badVariable.status).toBe(400);
    expect(codes(badVariable)).toEqual(['BAD_USER_INPUT']);
  });

  it('accepts the hash with the document\'s exact text, and refuses it with any other text', async () => {
    const hash = hashOf('Regions');
    const exact = await t.graphql({ ...persisted(hash), query: SHIPPED[hash] });
    expect(exact.status).toBe(200);
    const before = await t.upstreamCalls();
    const other = await t.graphql({ ...persisted(hash), query: '{ physicalConnections { totalCount } }' });
    expect(other.status).toBe(400);
    expect(codes(other)).toEqual(['BAD_REQUEST']);
    expect(await t.upstreamCalls()).toBe(before);
  });

  it('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND (400), with or without its text, and sends nothing upstream', async () => {
    const before = await t.upstreamCalls();
    for (const res of [
      await t.graphql(persisted(sha256(FREE_TEXT))),
      await t.graphql({ ...persisted(sha256(FREE_TEXT)), query: FREE_TEXT }),
      await get(t, { documentId: `sha256:${'0'.repeat(64)}` }),
    ]) {
      expect(res.status).toBe(400);
      expect(res.json()).toEqual({ errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', retryable: false } }] });
    }
    expect(await t.upstreamCalls()).toBe(before);
  });

  it('refuses a malformed hash as BAD_REQUEST', async () => {
    for (const body of [{ documentId: 'md5:0cc175b9c0f1b6a831c399e269772661' }, { extensions: { persistedQuery: { version: 2, sha256Hash: hashOf('Regions') } } }]) {
      const res = await t.graphql(body);
      expect(res.status).toBe(400);
      expect(codes(res)).toEqual(['BAD_REQUEST']);
    }
  });

  it('refuses query text with TRUSTED_DOCUMENT_REQUIRED (400) before parsing it, POST and GET, and counts it', async () => {
    const before = await t.upstreamCalls();
    for (const res of [
      await t.graphql({ query: FREE_TEXT }),
      // Neither a parse error nor a document-guard limit: the text is never looked at.
      await t.graphql({ query: '{{{{' }),
      await t.graphql({ query: `{ regions ${'@skip(if: false) '.repeat(40)}{ regionId } }` }),
      await get(t, { query: FREE_TEXT }),
    ]) {
      expect(res.status).toBe(400);
      expect(res.json()).toEqual({
        errors: [{ message: expect.stringMatching(/^This gateway runs only trusted documents/), extensions: { code: 'TRUSTED_DOCUMENT_REQUIRED', retryable: false } }],
      });
    }
    expect(await t.upstreamCalls()).toBe(before);
    const metrics = (await t.http('GET', '/metrics')).text;
    expect(metricValue(metrics, 'gateway_trusted_documents_total', { outcome: 'required' })).toBeGreaterThanOrEqual(4);
    expect(metricValue(metrics, 'gateway_graphql_errors_total', { code: 'TRUSTED_DOCUMENT_REQUIRED' })).toBeGreaterThanOrEqual(4);
    expect(metricValue(metrics, 'gateway_trusted_documents_total', { outcome: 'trusted' })).toBeGreaterThan(0);
  });

  it('keeps the development playground working: its requests carry x-gateway-playground', async () => {
    const res = await t.graphql({ query: FREE_TEXT }, { 'x-gateway-playground': '1' });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ data: { regions: expect.arrayContaining([{ regionId: 'cn-hangzhou' }]) } });
  });
});

describe('trusted documents without _ONLY', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startTestGateway({ GATEWAY_TRUSTED_DOCUMENTS: MANIFEST });
  });
  afterAll(() => t.close());

  it('runs hashes and query text alike, counting the text so a rollout can watch it go to zero', async () => {
    expect((await t.graphql(persisted(hashOf('Regions')))).status).toBe(200);
    expect((await t.graphql({ query: FREE_TEXT })).status).toBe(200);
    const metrics = (await t.http('GET', '/metrics')).text;
    expect(metricValue(metrics, 'gateway_trusted_documents_total', { outcome: 'free_text' })).toBe(1);
    expect(metricValue(metrics, 'gateway_trusted_documents_total', { outcome: 'trusted' })).toBe(1);
  });

  it('never falls back to the text sent with an unknown hash', async () => {
    const res = await t.graphql({ ...persisted(sha256(FREE_TEXT)), query: FREE_TEXT });
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });
});

describe('GATEWAY_TRUSTED_DOCUMENTS_ONLY in production', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startTestGateway({
      NODE_ENV: 'production',
      GATEWAY_AUTH_MODE: 'none',
      GATEWAY_PLAYGROUND: 'true',
      GATEWAY_TRUSTED_DOCUMENTS: MANIFEST,
      GATEWAY_TRUSTED_DOCUMENTS_ONLY: 'true',
    });
  });
  afterAll(() => t.close());

  it('lets no query text through, the playground header included, even with the playground switched on', async () => {
    const res = await t.graphql({ query: FREE_TEXT }, { 'x-gateway-playground': '1' });
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['TRUSTED_DOCUMENT_REQUIRED']);
    expect((await t.graphql(persisted(hashOf('Regions')))).status).toBe(200);
  });
});

it('refuses to start on a bad manifest: a ConfigError (exit code 2) naming the variable and each file', async () => {
  const edited = join(dir, 'edited.json');
  writeFileSync(edited, JSON.stringify({ [sha256(ADMIN)]: ADMIN.replace('regionId', 'localName') }));
  const missing = join(dir, 'missing.json');
  const started = startTestGateway({ GATEWAY_TRUSTED_DOCUMENTS: `${edited},${missing},${MANIFEST}`, GATEWAY_MAX_DEPTH: '2' });
  await expect(started).rejects.toThrow(ConfigError);
  const error = (await started.catch((e: unknown) => e)) as ConfigError;
  const [first, second, ...shipped] = error.problems;
  expect(first).toEqual({
    variable: 'GATEWAY_TRUSTED_DOCUMENTS',
    message: expect.stringMatching(new RegExp(`^${edited}: document [0-9a-f]{12}: the key is not the sha256 of the document`)),
  });
  expect(second).toEqual({ variable: 'GATEWAY_TRUSTED_DOCUMENTS', message: `${missing}: cannot be read (ENOENT)` });
  // GATEWAY_MAX_DEPTH=2 is below what the console's documents need: better refused now than on every request.
  // At most five problems per file are spelled out, then one line counts the rest.
  const summary = shipped.at(-1);
  if (shipped.length > 5) {
    expect(summary).toEqual({ variable: 'GATEWAY_TRUSTED_DOCUMENTS', message: expect.stringMatching(new RegExp(`^${MANIFEST}: and \\d+ more problems$`)) });
    shipped.pop();
  }
  expect(shipped.length).toBeGreaterThan(0);
  expect(shipped.length).toBeLessThanOrEqual(5);
  for (const problem of shipped) {
    expect(problem).toEqual({
      variable: 'GATEWAY_TRUSTED_DOCUMENTS',
      message: expect.stringMatching(new RegExp(`^${MANIFEST}: document [0-9a-f]{12} is over a limit \\(depth\\)`)),
    });
  }
});
