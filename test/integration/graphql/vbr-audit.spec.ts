/**
 * The VBR mutations through the whole runtime (HTTP, JWT scopes, the audit plugin, the embedded
 * emulator): each needs `vpc:write` (refused before any upstream call), and each attempt leaves
 * one audit line telling the real outcome of its write.
 */
import { SignJWT } from 'jose';
import { DEMO_IDS } from '../../../src/emulator/domain';
import { startTestGateway, type LogLine, type TestGateway } from '../server/support';

const SECRET = 'integration-test-secret-for-vbr-audit-32-bytes!';

function token(scope: string): Promise<string> {
  return new SignJWT({ scope })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('carol@example.com')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(SECRET));
}

const MUTATIONS: Record<string, { query: string; input: Record<string, unknown> }> = {
  createVbr: {
    query: 'mutation M($input: CreateVbrInput!) { createVbr(input: $input) { requestId clientToken vbrId vbr { id status } } }',
    input: {
      physicalConnectionId: DEMO_IDS.enabledReadyToTerminate[0],
      vlanId: 700,
      localGatewayIp: '10.70.0.1',
      peerGatewayIp: '10.70.0.2',
      peeringSubnetMask: '255.255.255.252',
    },
  },
  updateVbr: {
    query: 'mutation M($input: UpdateVbrInput!) { updateVbr(input: $input) { requestId clientToken vbr { id name } } }',
    input: { vbrId: DEMO_IDS.vbrs.active, name: 'audited-name' },
  },
  terminateVbr: {
    query: 'mutation M($input: TerminateVbrInput!) { terminateVbr(input: $input) { requestId clientToken vbr { id status } } }',
    input: { vbrId: DEMO_IDS.vbrs.active },
  },
  recoverVbr: {
    query: 'mutation M($input: RecoverVbrInput!) { recoverVbr(input: $input) { requestId clientToken vbr { id status } } }',
    input: { vbrId: DEMO_IDS.vbrs.terminatedRecoverable },
  },
  deleteVbr: {
    query: 'mutation M($input: DeleteVbrInput!) { deleteVbr(input: $input) { requestId clientToken vbrId vbr { id status } } }',
    input: { vbrId: DEMO_IDS.vbrs.activeIpv6 },
  },
};

const UPSTREAM_WRITE: Record<string, string> = {
  createVbr: 'CreateVirtualBorderRouter',
  updateVbr: 'ModifyVirtualBorderRouterAttribute',
  terminateVbr: 'TerminateVirtualBorderRouter',
  recoverVbr: 'RecoverVirtualBorderRouter',
  deleteVbr: 'DeleteVirtualBorderRouter',
};

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ GATEWAY_AUTH_MODE: 'jwt', GATEWAY_JWT_SECRET: SECRET });
});
afterAll(() => t.close());
beforeEach(() => t.control.reset());

const auditOf = (requestId: unknown): LogLine[] => t.logs.find((line) => line['audit'] === 'mutation' && line['requestId'] === requestId);

it.each(Object.keys(MUTATIONS))('%s needs vpc:write: a vpc:read token is refused before any upstream call', async (name) => {
  const { query, input } = MUTATIONS[name] ?? { query: '', input: {} };
  const res = await t.graphql({ query, variables: { input } }, { authorization: `Bearer ${await token('vpc:read')}` });
  expect(res.status).toBe(403);
  expect(res.json<{ errors: { extensions: unknown }[] }>().errors[0]?.extensions).toEqual({ code: 'FORBIDDEN', retryable: false, requiredScope: 'vpc:write' });
  expect(await t.upstreamCalls()).toBe(0);
});

it.each(Object.keys(MUTATIONS))('%s is audited with its write: method, resource, RequestId, token, outcome', async (name) => {
  const { query, input } = MUTATIONS[name] ?? { query: '', input: {} };
  const res = await t.graphql({ query, variables: { input: { ...input, clientToken: `audit-${name}` } } }, { authorization: `Bearer ${await token('vpc:write')}` });
  const body = res.json<{ data: Record<string, { requestId: string; clientToken: string; vbrId?: string }>; errors?: unknown }>();
  expect(body.errors).toBeUndefined();
  const payload = body.data[name];
  const resourceId = payload?.vbrId ?? input['vbrId'];
  const [audit, ...more] = auditOf(res.headers['x-request-id']);
  expect(more).toEqual([]);
  expect(audit).toMatchObject({
    subject: 'carol@example.com',
    outcome: 'OK',
    upstreamRequestId: payload?.requestId,
    clientToken: `audit-${name}`,
    writes: [{ method: name === 'updateVbr' ? 'modifyVbr' : name, regionId: 'cn-hangzhou', resourceId, outcome: 'success', upstreamRequestId: payload?.requestId, clientToken: `audit-${name}` }],
  });
  const events = await t.control.events();
  expect(events.map((event) => [event.action, event.resourceId])).toEqual([[UPSTREAM_WRITE[name], resourceId]]);
});

it('audits a refusal with its code: a local one has no write, an upstream one has the refused write', async () => {
  const writer = `Bearer ${await token('vpc:write')}`;
  const local = await t.graphql({ query: MUTATIONS['deleteVbr']?.query, variables: { input: { vbrId: DEMO_IDS.vbrs.tenantActive } } }, { authorization: writer });
  expect(auditOf(local.headers['x-request-id'])[0]).toMatchObject({ outcome: 'ACCOUNT_NOT_ALLOWED', errorCodes: ['ACCOUNT_NOT_ALLOWED'], writes: [] });

  await t.control.addFault({ action: 'DeleteVirtualBorderRouter', type: 'error', httpStatus: 400, code: 'DependencyViolation.BgpGroup', times: 1 });
  const upstream = await t.graphql({ query: MUTATIONS['deleteVbr']?.query, variables: { input: { vbrId: DEMO_IDS.vbrs.active, clientToken: 'bgp-1' } } }, { authorization: writer });
  expect(auditOf(upstream.headers['x-request-id'])[0]).toMatchObject({
    outcome: 'OPERATION_CONFLICT',
    clientToken: 'bgp-1',
    writes: [{ method: 'deleteVbr', resourceId: DEMO_IDS.vbrs.active, outcome: 'DependencyViolation.BgpGroup', clientToken: 'bgp-1' }],
  });
});
