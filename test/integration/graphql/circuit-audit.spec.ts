/**
 * The circuit lifecycle mutations through the whole runtime (real HTTP, JWT): a `vpc:read` token
 * is refused every one of them before anything is sent, and each mutation's audit line tells the
 * real outcome: the subject, the input, and the write with its RequestId and token (or the code).
 */
import { print, type DocumentNode } from 'graphql';
import { SignJWT } from 'jose';
import { DEMO_IDS } from '../../../src/emulator/domain';
import {
  CancelCircuitDocument,
  ConfirmCircuitDocument,
  CreateCircuitDocument,
  DeleteCircuitDocument,
  EnableCircuitDocument,
  RecoverCircuitDocument,
  UpdateCircuitDocument,
} from '../../generated/graphql';
import { startTestGateway, type TestGateway } from '../server/support';

const SECRET = 'circuit-audit-secret-with-at-least-32-bytes';

function token(scope: string): Promise<string> {
  return new SignJWT({ scope })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('operator@example.com')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(SECRET));
}

/** [mutation field, document, input, the upstream write's data-source method, the circuit it names (null: created)]. */
const MUTATIONS: ReadonlyArray<[string, DocumentNode, Record<string, unknown>, string, string | null]> = [
  ['createPhysicalConnection', CreateCircuitDocument, { accessPointId: 'ap-cn-hangzhou-test-A', lineOperator: 'CT', name: 'audited' }, 'createPhysicalConnection', null],
  ['confirmPhysicalConnection', ConfirmCircuitDocument, { physicalConnectionId: DEMO_IDS.allocated }, 'confirmPhysicalConnection', DEMO_IDS.allocated],
  ['enablePhysicalConnection', EnableCircuitDocument, { physicalConnectionId: DEMO_IDS.confirmed }, 'enablePhysicalConnection', DEMO_IDS.confirmed],
  ['cancelPhysicalConnection', CancelCircuitDocument, { physicalConnectionId: DEMO_IDS.initial }, 'cancelPhysicalConnection', DEMO_IDS.initial],
  ['recoverPhysicalConnection', RecoverCircuitDocument, { physicalConnectionId: DEMO_IDS.sharedTerminatedRecoverable }, 'recoverPhysicalConnection', DEMO_IDS.sharedTerminatedRecoverable],
  ['deletePhysicalConnection', DeleteCircuitDocument, { physicalConnectionId: DEMO_IDS.canceled }, 'deletePhysicalConnection', DEMO_IDS.canceled],
  ['updatePhysicalConnection', UpdateCircuitDocument, { physicalConnectionId: DEMO_IDS.allocated, name: 'audited' }, 'modifyPhysicalConnection', DEMO_IDS.allocated],
];

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ GATEWAY_AUTH_MODE: 'jwt', GATEWAY_JWT_SECRET: SECRET });
});
afterAll(() => t.close());
beforeEach(() => t.control.reset());

function auditLine(requestId: string | string[] | undefined) {
  const lines = t.logs.find((line) => line['audit'] === 'mutation' && line['requestId'] === requestId);
  expect(lines).toHaveLength(1);
  return lines[0];
}

it.each(MUTATIONS)('%s needs vpc:write: a vpc:read token gets 403 FORBIDDEN and nothing is sent', async (_field, document, input) => {
  const res = await t.graphql({ query: print(document), variables: { input } }, { authorization: `Bearer ${await token('vpc:read')}` });
  expect(res.status).toBe(403);
  expect(res.json<{ errors: { extensions: unknown }[] }>().errors[0]?.extensions).toEqual({
    code: 'FORBIDDEN',
    retryable: false,
    requiredScope: 'vpc:write',
  });
  expect(await t.upstreamCalls()).toBe(0);
});

it.each(MUTATIONS)('%s: the audit line names the subject, the input and the write with its RequestId and token', async (field, document, input, method, circuit) => {
  const res = await t.graphql(
    { query: print(document), variables: { input: { ...input, clientToken: `audit-${field}` } } },
    { authorization: `Bearer ${await token('vpc:read vpc:write')}` },
  );
  expect(res.status).toBe(200);
  const payload = res.json<{ data: Record<string, { requestId: string; physicalConnectionId?: string }> }>().data[field];
  const resourceId = circuit ?? payload?.physicalConnectionId;
  expect(auditLine(res.headers['x-request-id'])).toMatchObject({
    subject: 'operator@example.com',
    outcome: 'OK',
    fields: [{ name: field, args: { input: { ...input, clientToken: `audit-${field}` } } }],
    upstreamRequestId: payload?.requestId,
    clientToken: `audit-${field}`,
    writes: [{ method, regionId: 'cn-hangzhou', resourceId, clientToken: `audit-${field}`, upstreamRequestId: payload?.requestId, outcome: 'success' }],
  });
});

it('a refusal from the fresh read: the audit line has its code and no write', async () => {
  const res = await t.graphql(
    { query: print(ConfirmCircuitDocument), variables: { input: { physicalConnectionId: DEMO_IDS.initial } } },
    { authorization: `Bearer ${await token('vpc:read vpc:write')}` },
  );
  expect(auditLine(res.headers['x-request-id'])).toMatchObject({ outcome: 'PHYSICAL_CONNECTION_INVALID_STATE', writes: [] });
});

it('a refusal of the upstream: the audit line has the code, and the write its upstream code and RequestId', async () => {
  await t.control.addFault({ action: 'DeletePhysicalConnection', type: 'error', httpStatus: 400, code: 'Forbidden.VBRExists', times: 1 });
  const res = await t.graphql(
    { query: print(DeleteCircuitDocument), variables: { input: { physicalConnectionId: DEMO_IDS.canceled, clientToken: 'audit-refused' } } },
    { authorization: `Bearer ${await token('vpc:read vpc:write')}` },
  );
  const error = res.json<{ errors: { extensions: { upstream: { requestId: string } } }[] }>().errors[0];
  expect(auditLine(res.headers['x-request-id'])).toMatchObject({
    outcome: 'VBRS_ATTACHED',
    clientToken: 'audit-refused',
    writes: [
      {
        method: 'deletePhysicalConnection',
        resourceId: DEMO_IDS.canceled,
        outcome: 'Forbidden.VBRExists',
        clientToken: 'audit-refused',
        upstreamRequestId: error?.extensions.upstream.requestId,
      },
    ],
  });
});
