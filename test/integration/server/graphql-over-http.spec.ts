/**
 * The GraphQL-over-HTTP conformance audit of the `graphql-http` package, run against the real
 * gateway. Every MUST passes; the SHOULD/MAY warnings that remain are listed in ACCEPTED with the
 * reason (also in docs/runtime.md), and any other warning fails the test so a change is noticed.
 */
import { serverAudits, type AuditResult } from 'graphql-http';
import { Agent, fetch as undiciFetch } from 'undici';
import { startTestGateway, type TestGateway } from './support';

/**
 * Warnings accepted on purpose: with the legacy `Accept: application/json` the spec suggests 200
 * for a document that does not parse or validate and for variables that do not coerce. Apollo
 * Server answers 400 there (the request never executed, and a 4xx keeps such refusals visible to
 * HTTP-level monitoring and never cached as a success). Clients that accept
 * application/graphql-response+json get exactly what the spec requires (the MUST audits).
 */
const ACCEPTED: Record<string, string> = {
  '572B': 'SHOULD use 200 on document parsing failure with application/json: Apollo answers 400',
  FDE2: 'SHOULD use 200 on document validation failure with application/json: Apollo answers 400',
  '7B9B': 'SHOULD use 200 on variable coercion failure with application/json: Apollo answers 400',
};

describe('GraphQL over HTTP audit (graphql-http serverAudits)', () => {
  let t: TestGateway;
  const agent = new Agent({ keepAliveTimeout: 1000 });
  const results: AuditResult[] = [];

  beforeAll(async () => {
    t = await startTestGateway();
    const audits = serverAudits({
      url: `${t.url}/graphql`,
      fetchFn: (input: string, init?: Parameters<typeof undiciFetch>[1]) => undiciFetch(input, { ...init, dispatcher: agent }),
    });
    for (const audit of audits) results.push(await audit.fn());
  });

  afterAll(async () => {
    await agent.close();
    await t.close();
  });

  it('passes every MUST', () => {
    const failures = results.filter((r) => r.status === 'error').map((r) => `${r.id} ${r.name}: ${"reason" in r ? r.reason : ""}`);
    expect(failures).toEqual([]);
  });

  it('has no SHOULD/MAY warning besides the accepted ones', () => {
    const unexpected = results
      .filter((r) => r.status === 'warn' && !Object.hasOwn(ACCEPTED, r.id))
      .map((r) => `${r.id} ${r.name}: ${"reason" in r ? r.reason : ""}`);
    expect(unexpected).toEqual([]);
    expect(results.filter((r) => r.status === 'ok').length).toBeGreaterThan(20);
  });
});
