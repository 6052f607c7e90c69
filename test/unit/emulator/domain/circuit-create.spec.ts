import { DEMO_ACCOUNTS, DEMO_IDS } from '../../../../src/emulator/domain';
import { harness, HZ, TRANSITION_MS } from './harness';

const create = (extra: Record<string, string> = {}) => ({
  RegionId: HZ,
  AccessPointId: 'ap-cn-hangzhou-yh-B',
  LineOperator: 'CT',
  ...extra,
});

describe('CreatePhysicalConnection and the back office', () => {
  it('creates an Initial circuit that reaches Allocated by itself, one step per transitionMs', () => {
    const h = harness();
    const body = h.call('CreatePhysicalConnection', create({ Name: 'hz-new-line', PortType: '40GBase-LR', 'Tag.1.Key': 'env', 'Tag.1.Value': 'dev' }));
    const id = body.PhysicalConnectionId as string;
    expect(id).toMatch(/^pc-bp1[a-z0-9]{17}$/);
    expect(body.RequestId).toEqual(expect.any(String));
    expect(h.circuit(id)).toMatchObject({
      Status: 'Initial',
      Name: 'hz-new-line',
      AccessPointId: 'ap-cn-hangzhou-yh-B',
      LineOperator: 'CT',
      PortType: '40GBase-LR',
      Spec: '40G',
      Bandwidth: 40000,
      ProductType: 'PhysicalConnection',
      BusinessStatus: 'Normal',
      Type: 'VPC',
      CreationTime: '2025-02-01T00:00:00Z',
      Tags: { tags: [{ Key: 'env', Value: 'dev' }] },
    });
    h.advance(TRANSITION_MS - 1);
    expect(h.circuit(id)?.Status).toBe('Initial');
    h.advance(1);
    expect(h.circuit(id)?.Status).toBe('Approved');
    h.advance(TRANSITION_MS);
    expect(h.circuit(id)?.Status).toBe('Allocating');
    h.advance(TRANSITION_MS);
    expect(h.circuit(id)?.Status).toBe('Allocated');
    h.advance(TRANSITION_MS * 10);
    expect(h.circuit(id)?.Status).toBe('Allocated');
  });

  it('applies every overdue step at once after a long pause', () => {
    const h = harness();
    const id = h.call('CreatePhysicalConnection', create()).PhysicalConnectionId as string;
    h.advance(TRANSITION_MS * 100);
    expect(h.circuit(id)?.Status).toBe('Allocated');
  });

  it('reaches Enabled through the API alone: Allocated -> Confirm -> Enable (async)', () => {
    const h = harness();
    const id = h.call('CreatePhysicalConnection', create()).PhysicalConnectionId as string;
    h.advance(3 * TRANSITION_MS);
    h.call('ConfirmPhysicalConnection', { RegionId: HZ, PhysicalConnectionId: id });
    expect(h.circuit(id)?.Status).toBe('Confirmed');
    h.call('EnablePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: id });
    expect(h.circuit(id)?.Status).toBe('Confirmed');
    h.advance(TRANSITION_MS);
    expect(h.circuit(id)).toMatchObject({ Status: 'Enabled', EnabledTime: '2025-02-01T00:00:04Z' });
  });

  it('validates every parameter with the documented codes, creating nothing', () => {
    const h = harness();
    const before = h.domain.snapshot().PhysicalConnections.length;
    const cases: Array<[Record<string, string>, number, string]> = [
      [{ AccessPointId: 'ap-cn-hangzhou-yh-B', LineOperator: 'CT' }, 400, 'MissingParameter'],
      [{ RegionId: HZ, LineOperator: 'CT' }, 400, 'MissingParameter'],
      [{ RegionId: HZ, AccessPointId: 'ap-cn-hangzhou-yh-B' }, 400, 'MissingParameter'],
      [create({ RegionId: 'mars-north-1' }), 404, 'InvalidRegionId.NotFound'],
      [create({ LineOperator: 'ct' }), 400, 'InvalidLineOperator.Malformd'],
      [create({ Type: 'VBR' }), 400, 'InvalidType.Malformd'],
      [create({ PortType: '25GBase-LR' }), 400, 'InvalidPortType.Malformd'],
      [create({ bandwidth: '70' }), 400, 'InvalidBandwidth'],
      [create({ bandwidth: '1e3' }), 400, 'InvalidBandwidth'],
      [create({ Name: '1starts-with-digit' }), 400, 'InvalidName.Malformed'],
      [create({ Name: 'has space' }), 400, 'InvalidName.Malformed'],
      [create({ Description: 'http://example.com' }), 400, 'InvalidDescription.Malformed'],
      [create({ CircuitCode: 'bad code!' }), 400, 'InvalidCircuitCode.Malformed'],
      [create({ PeerLocation: 'line\nbreak' }), 400, 'InvalidPeerLocation.Malformd'],
      [create({ AccessPointId: 'ap-cn-shanghai-nh-A' }), 400, 'InvalidAccessPointId.NotEnabled'],
      [create({ AccessPointId: 'not-an-ap' }), 400, 'InvalidParameter'],
      [create({ 'Tag.1.Value': 'orphan' }), 400, 'MissingParameter'],
      [create({ 'Tag.1.Key': 'aliyun:reserved' }), 400, 'InvalidParameter'],
      [create({ 'Tag.21.Key': 'too-many' }), 400, 'InvalidParameter'],
      [create({ ResourceGroupId: 'group-1' }), 400, 'InvalidParameter'],
      [create({ RedundantPhysicalConnectionId: 'pc-bp1doesnotexist0000' }), 400, 'InvalidRedundantPhysicalConnectionId.NotFound'],
      [create({ RedundantPhysicalConnectionId: DEMO_IDS.partnerHostingPort }), 400, 'InvalidRedundantPhysicalConnection'],
      [create({ RedundantPhysicalConnectionId: DEMO_IDS.initial }), 400, 'InvalidRedundantPhysicalConnectionStatus'],
    ];
    for (const [params, status, code] of cases) {
      const error = h.fail('CreatePhysicalConnection', params);
      expect({ params, status: error.httpStatus, code: error.code }).toEqual({ params, status, code });
    }
    expect(h.domain.snapshot().PhysicalConnections).toHaveLength(before);
  });

  it('names the missing parameter, RegionId first', () => {
    const h = harness();
    expect(h.fail('CreatePhysicalConnection', {}).message).toBe(
      'The input parameter "RegionId" that is mandatory for processing this request is not supplied.',
    );
    expect(h.fail('CreatePhysicalConnection', { RegionId: HZ, LineOperator: 'CT' }).message).toContain('"AccessPointId"');
  });

  it('accepts a redundant circuit that is the caller’s and Allocated/Confirmed/Enabled', () => {
    const h = harness();
    const id = h.call('CreatePhysicalConnection', create({ RedundantPhysicalConnectionId: DEMO_IDS.enabledWithVbrs }))
      .PhysicalConnectionId as string;
    expect(h.circuit(id)?.RedundantPhysicalConnectionId).toBe(DEMO_IDS.enabledWithVbrs);
  });

  it('refuses a sixth not-yet-Enabled circuit on one access point with QuotaExceeded.pConnPerAP', () => {
    const h = harness();
    // The demo account already has one not-yet-Enabled circuit (Initial) on ap-cn-hangzhou-yh-B.
    for (let i = 0; i < 4; i++) h.call('CreatePhysicalConnection', create());
    const error = h.fail('CreatePhysicalConnection', create());
    expect(error).toMatchObject({ httpStatus: 400, code: 'QuotaExceeded.pConnPerAP', message: 'Physical connection count per ap quota exceed.' });
    // Another access point, or another account, is not affected.
    expect(h.call('CreatePhysicalConnection', create({ AccessPointId: 'ap-cn-hangzhou-yh-Z' })).PhysicalConnectionId).toBeDefined();
    expect(h.call('CreatePhysicalConnection', create(), DEMO_ACCOUNTS.tenant).PhysicalConnectionId).toBeDefined();
  });

  it('frees quota once a circuit is Enabled', () => {
    const h = harness();
    const ids = [0, 1, 2, 3].map(() => h.call('CreatePhysicalConnection', create()).PhysicalConnectionId as string);
    h.advance(3 * TRANSITION_MS);
    const first = ids[0] as string;
    h.call('ConfirmPhysicalConnection', { RegionId: HZ, PhysicalConnectionId: first });
    h.call('EnablePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: first });
    expect(h.fail('CreatePhysicalConnection', create()).code).toBe('QuotaExceeded.pConnPerAP');
    h.advance(TRANSITION_MS);
    expect(h.call('CreatePhysicalConnection', create()).PhysicalConnectionId).toBeDefined();
  });
});

describe('ConfirmPhysicalConnection', () => {
  it('moves Allocated to Confirmed', () => {
    const h = harness();
    h.call('ConfirmPhysicalConnection', { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.allocated });
    expect(h.circuit(DEMO_IDS.allocated)?.Status).toBe('Confirmed');
  });

  it.each([
    ['Initial', DEMO_IDS.initial],
    ['Allocating', DEMO_IDS.allocating],
    ['Confirmed', DEMO_IDS.confirmed],
    ['Enabled', DEMO_IDS.enabledReadyToTerminate[0]],
  ])('refuses %s with IncorrectStatus.PhysicalConnection', (_status, id) => {
    const error = harness().fail('ConfirmPhysicalConnection', { RegionId: HZ, PhysicalConnectionId: id });
    expect(error).toMatchObject({
      httpStatus: 400,
      code: 'IncorrectStatus.PhysicalConnection',
      message: 'The specified PhysicalConnectionId is not in Allocated state.',
    });
  });

  it('answers the documented 400 InvalidPhysicalConnectionId.NotFound for an unknown circuit', () => {
    const error = harness().fail('ConfirmPhysicalConnection', { RegionId: HZ, PhysicalConnectionId: 'pc-bp1nope000000000000' });
    expect(error).toMatchObject({ httpStatus: 400, code: 'InvalidPhysicalConnectionId.NotFound' });
  });
});

describe('EnablePhysicalConnection', () => {
  it('is asynchronous, refuses a second call while pending with OperationConflict', () => {
    const h = harness();
    const params = { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.confirmed };
    h.call('EnablePhysicalConnection', params);
    expect(h.fail('EnablePhysicalConnection', params)).toMatchObject({ httpStatus: 400, code: 'OperationConflict' });
    expect(h.fail('CancelPhysicalConnection', params).code).toBe('OperationConflict');
    expect(h.fail('DeletePhysicalConnection', params).code).toBe('OperationConflict');
    h.advance(TRANSITION_MS);
    expect(h.circuit(DEMO_IDS.confirmed)?.Status).toBe('Enabled');
  });

  it('succeeds as a no-op on an Enabled circuit', () => {
    const h = harness();
    const id = DEMO_IDS.enabledWithVbrs;
    const before = h.circuit(id);
    expect(h.call('EnablePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: id, ByPassSp: 'true' }).RequestId).toBeDefined();
    expect(h.circuit(id)).toEqual(before);
  });

  it.each([
    ['Initial', DEMO_IDS.initial],
    ['Allocated', DEMO_IDS.allocated],
    ['Terminated', DEMO_IDS.terminated],
    ['Canceled', DEMO_IDS.canceled],
  ])('refuses %s with Forbidden.NotAllowedInState', (_status, id) => {
    const error = harness().fail('EnablePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: id });
    expect(error).toMatchObject({ httpStatus: 400, code: 'Forbidden.NotAllowedInState', message: 'The request does not allow in this state.' });
  });

  it('refuses a malformed ByPassSp', () => {
    const error = harness().fail('EnablePhysicalConnection', { RegionId: HZ, PhysicalConnectionId: DEMO_IDS.confirmed, ByPassSp: 'yes' });
    expect(error).toMatchObject({ httpStatus: 400, code: 'InvalidParameter' });
  });
});
