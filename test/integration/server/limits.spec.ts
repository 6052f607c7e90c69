/**
 * Every limit refuses before execution: a clear error, and not one upstream call (the emulator's
 * counters prove it).
 */
import { startTestGateway, type HttpResult, type TestGateway } from './support';

interface ErrorBody {
  data?: unknown;
  errors: { message: string; extensions?: Record<string, unknown> }[];
}

const TERMINATE = (alias = '') =>
  `${alias}terminatePhysicalConnection(input: { physicalConnectionId: "pc-bp1vdhldsun7av8bppxx" }) { clientToken }`;

describe('request limits', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startTestGateway({ GATEWAY_BODY_LIMIT_BYTES: '16384', GATEWAY_MAX_DEPTH: '8', GATEWAY_MAX_ALIASES: '5' });
  });
  afterAll(() => t.close());
  beforeEach(() => t.control.reset());

  async function expectRefused(res: HttpResult, status: number, message: RegExp): Promise<ErrorBody> {
    expect(res.status).toBe(status);
    const body = res.json<ErrorBody>();
    expect(body.data ?? null).toBeNull();
    expect(body.errors.length).toBeGreaterThanOrEqual(1);
    expect(body.errors.map((e) => e.message).join('\n')).toMatch(message);
    expect(await t.upstreamCalls()).toBe(0);
    return body;
  }

  it('refuses a query deeper than GATEWAY_MAX_DEPTH', async () => {
    // physicalConnection -> vbrs -> physicalConnection -> ... : 10 levels.
    const deep = '{ physicalConnection(id: "pc-bp1vdhldsun7av8bppxx") { vbrs { physicalConnection { vbrs { physicalConnection { vbrs { physicalConnection { vbrs { physicalConnection { id } } } } } } } } } }';
    const body = await expectRefused(await t.graphql({ query: deep }), 400, /depth limit of 8 exceeded, found 10/);
    expect(body.errors[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' });
  });

  it('refuses an alias bomb', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: regions { regionId }`).join(' ');
    const body = await expectRefused(await t.graphql({ query: `{ ${aliases} }` }), 400, /Aliases limit of 5 exceeded/);
    expect(body.errors[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases' });
  });

  it('refuses a document over the token limit while parsing', async () => {
    const ids = Array.from({ length: 2100 }, () => '"a"').join(' ');
    const query = `{ physicalConnections(filter: { ids: [${ids}] }) { totalCount } }`;
    const body = await expectRefused(await t.graphql({ query }), 400, /Document contains more tha[nt] 2000 tokens/);
    expect(body.errors[0]?.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses too many directives with one limit error, unknown directives included', async () => {
    const fields = Array.from({ length: 30 }, (_, i) => `f${i}: __typename @include(if: true)`).join(' ');
    const known = await expectRefused(await t.graphql({ query: `{ ${fields} }` }), 400, /Directives limit of 20 exceeded, found 30/);
    expect(known.errors).toHaveLength(1);
    // graphql-cop's "directive overloading" probe: it flags a server that answers 10 errors.
    const cop = await t.graphql({ query: 'query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }' });
    const message = 'Directive "@aa" is repeated 10 times at one location; a directive may appear once per location.';
    const body = await expectRefused(cop, 400, /is repeated 10 times at one location/);
    expect(body.errors).toEqual([
      { message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'directives', retryable: false } },
    ]);
    // Within the limit, unknown directives are what they are.
    const few = await expectRefused(await t.graphql({ query: '{ __typename @aa @bb }' }), 400, /Unknown directive "@aa"/);
    expect(few.errors).toHaveLength(2);
    // A console toggling a dozen fields is fine.
    const columns = ['id', 'status', 'name', 'description', 'bandwidth', 'accessPointId', 'lineOperator', 'spec', 'portType', 'circuitCode', 'creationTime', 'enabledTime'];
    const toggles = columns.map((c) => `${c} @include(if: true)`).join(' ');
    const consoleList = await t.graphql({ query: `{ physicalConnections(first: 2) { nodes { ${toggles} } } }` });
    expect(consoleList.status).toBe(200);
    expect(consoleList.json<{ errors?: unknown }>().errors).toBeUndefined();
  });

  it('refuses a field repeated past GATEWAY_MAX_REPEATED_FIELDS before graphql-js compares the pairs', async () => {
    // graphql-cop's "field duplication" probe.
    const cop = await t.graphql({ query: `query cop { ${'__typename \n'.repeat(500)}} ` });
    const body = await expectRefused(cop, 400, /Repeated field limit of 5 exceeded: "__typename" is selected 500 times/);
    expect(body.errors).toHaveLength(1);
    // Refused again, not remembered: only documents that passed skip the check next time.
    const again = await t.graphql({ query: `query cop { ${'__typename \n'.repeat(500)}} ` });
    await expectRefused(again, 400, /Repeated field limit of 5 exceeded/);
    // 150 named fragments selecting the same field: the same pairwise work, refused too.
    const fragments = Array.from({ length: 150 }, (_, i) => `fragment F${i} on Query { regions { regionId } }`).join(' ');
    const spreads = Array.from({ length: 150 }, (_, i) => `...F${i}`).join(' ');
    await expectRefused(await t.graphql({ query: `{ ${spreads} } ${fragments}` }), 400, /"regions" is selected 150 times in one selection set, counting its fragments/);
    expect(body.errors[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'repeatedFields' });
    // Same key, different arguments: OverlappingFieldsCanBeMerged would compare ~20 000 pairs.
    const conflicting = Array.from({ length: 200 }, (_, i) => `physicalConnections(first: ${i + 1}) { totalCount }`).join(' ');
    await expectRefused(await t.graphql({ query: `{ ${conflicting} }` }), 400, /"physicalConnections" is selected 200 times/);
    // Five is fine.
    const ok = await t.graphql({ query: '{ __typename __typename __typename __typename __typename }' });
    expect(ok.status).toBe(200);
  });

  it('counts __typename aliases against GATEWAY_MAX_ALIASES', async () => {
    // graphql-cop's "alias overloading" probe: 101 aliases of __typename.
    const aliases = Array.from({ length: 101 }, (_, i) => `alias${i}:__typename \n`).join('');
    const body = await expectRefused(await t.graphql({ query: `query cop { ${aliases} }` }), 400, /Aliases limit of 5 exceeded, found 101/);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases' });
  });

  it('refuses a body over GATEWAY_BODY_LIMIT_BYTES with 413', async () => {
    const padding = 'x'.repeat(20_000);
    const res = await t.graphql({ query: '{ regions { regionId } }', variables: { padding } });
    const body = await expectRefused(res, 413, /larger than 16384 bytes/);
    expect(body.errors[0]?.extensions?.['code']).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a batch array (HTTP batching is off)', async () => {
    const res = await t.graphql([{ query: '{ regions { regionId } }' }, { query: '{ regions { regionId } }' }]);
    await expectRefused(res, 400, /batching/i);
  });

  it('refuses two mutation fields in one operation', async () => {
    const res = await t.graphql({ query: `mutation { ${TERMINATE('first: ')} ${TERMINATE('second: ')} }` });
    const body = await expectRefused(res, 400, /at most 1 mutation field\(s\); found 2/);
    expect(body.errors[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'mutationFields' });
    // Hidden behind a fragment is still two.
    const viaFragment = await t.graphql({
      query: `mutation { ...Both } fragment Both on Mutation { ${TERMINATE('a: ')} ${TERMINATE('b: ')} }`,
    });
    await expectRefused(viaFragment, 400, /found 2/);
  });

  it('refuses a mutation over GET with 405', async () => {
    const query = encodeURIComponent(`mutation { ${TERMINATE()} }`);
    const res = await t.http('GET', `/graphql?query=${query}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    await expectRefused(res, 405, /GET requests only support query operations, not mutation/);
  });

  it('refuses a text/plain POST as a possible CSRF', async () => {
    const res = await t.http('POST', '/graphql', {
      body: JSON.stringify({ query: `mutation { ${TERMINATE()} }` }),
      headers: { 'content-type': 'text/plain' },
    });
    await expectRefused(res, 400, /Cross-Site Request Forgery/);
    // A mutation attempt, even a refused one, leaves an audit line.
    const audit = t.logs.find((l) => l['audit'] === 'mutation' && l['requestId'] === res.headers['x-request-id']);
    expect(audit[0]).toMatchObject({ outcome: 'HTTP_400', fields: [{ name: 'terminatePhysicalConnection', args: null }] });
  });

  it('refuses a form-encoded POST (415) and malformed JSON (400)', async () => {
    const form = await t.http('POST', '/graphql', {
      body: 'query=%7B%20regions%20%7B%20regionId%20%7D%20%7D',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const body = await expectRefused(form, 415, /Unsupported Content-Type/);
    expect(body.errors[0]?.extensions?.['code']).toBe('UNSUPPORTED_MEDIA_TYPE');
    const broken = await t.http('POST', '/graphql', { body: '{"query": ', headers: { 'content-type': 'application/json' } });
    await expectRefused(broken, 400, /not valid JSON/);
  });

  it('refuses a GET query without a preflight header as a possible CSRF, and serves it with one', async () => {
    const query = encodeURIComponent('{ regions { regionId } }');
    await expectRefused(await t.http('GET', `/graphql?query=${query}`), 400, /Cross-Site Request Forgery/);
    const ok = await t.http('GET', `/graphql?query=${query}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(ok.status).toBe(200);
    expect(ok.json<{ data: { regions: unknown[] } }>().data.regions.length).toBeGreaterThan(0);
  });

  it('still serves an ordinary query within every limit', async () => {
    const res = await t.graphql({
      query: '{ physicalConnections(first: 5) { nodes { id vbrs { id physicalConnection { id } } terminationCheck { terminable } } } }',
    });
    expect(res.status).toBe(200);
    expect(res.json<{ errors?: unknown }>().errors).toBeUndefined();
  });
});
