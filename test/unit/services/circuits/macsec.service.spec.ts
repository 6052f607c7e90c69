/**
 * The MACsec service: its pure rules (order, codes, messages), and, against the in-process
 * emulator through a real data source, what the emulator cannot produce on its own, injected by
 * wrapping that data source: a read after the call that lags or finds nothing.
 */
import type { PhysicalConnection } from '../../../../src/datasources/models';
import type { VpcDataSourceApi } from '../../../../src/datasources/types';
import { DEMO_IDS } from '../../../../src/emulator/domain';
import { macsecService } from '../../../../src/services/circuits/macsec.service';
import { REGION, tampered, UPSTREAM_REQUEST_ID, useCircuitService } from '../support/service';

const CKN = 'AB'.repeat(16);
const key = (ckn: string, status: string) => ({ ckn, cipherSuite: 'GCM-AES-128', startOn: null, status });

describe('evaluate: the rules, in the order the upstream checks them', () => {
  const circuit = (extra: Partial<PhysicalConnection> = {}) => ({
    id: 'pc-1',
    status: 'ENABLED' as const,
    businessStatus: 'NORMAL' as const,
    macsecKeys: [key(CKN, 'Associated')],
    ...extra,
  });

  it('nothing blocks a key the ENABLED, unlocked circuit has (any case of its CKN in the data)', () => {
    expect(macsecService.evaluate({ circuit: circuit(), ckn: CKN })).toEqual([]);
    expect(macsecService.evaluate({ circuit: circuit({ macsecKeys: [key(CKN.toLowerCase(), 'Disassociated')] }), ckn: CKN })).toEqual([]);
    // An absent business status is left to the upstream.
    expect(macsecService.evaluate({ circuit: circuit({ businessStatus: null }), ckn: CKN })).toEqual([]);
  });

  it('lists every blocker with its detail and the message its error carries', () => {
    const blockers = macsecService.evaluate({ circuit: circuit({ status: 'TERMINATED', businessStatus: 'SECURITY_LOCKED', macsecKeys: [] }), ckn: CKN });
    expect(blockers).toEqual([
      {
        code: 'PHYSICAL_CONNECTION_NOT_ENABLED',
        message: 'Physical connection pc-1 is TERMINATED; only ENABLED connections can have MACsec keys disassociated.',
        currentStatus: 'TERMINATED',
        businessStatus: null,
      },
      {
        code: 'RESOURCE_LOCKED',
        message: 'Physical connection pc-1 is SECURITY_LOCKED; the lock must be lifted before it can have MACsec keys disassociated.',
        currentStatus: null,
        businessStatus: 'SECURITY_LOCKED',
      },
      { code: 'MACSEC_KEY_NOT_FOUND', message: `Physical connection pc-1 has no MACsec key ${CKN}.`, currentStatus: null, businessStatus: null },
    ]);
  });
});

describe('execute: once the upstream accepted, a success whatever the read after it does', () => {
  const { upstream, context } = useCircuitService();
  const MACSEC = DEMO_IDS.enabledWithMacsec;
  const IN_USE = 'A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90';
  const SPARE = '0F1E2D3C4B5A69788796A5B4C3D2E1F00F1E2D3C4B5A69788796A5B4C3D2E1F0';

  /** Once the call went through, fresh reads of the circuit answer `read` instead. */
  function readAfterWrite(ds: VpcDataSourceApi, read: (before: PhysicalConnection) => PhysicalConnection | null): VpcDataSourceApi {
    let before: PhysicalConnection | null = null;
    let written = false;
    return tampered(ds, {
      disassociateMacsecKey: async (...args) => {
        const result = await ds.disassociateMacsecKey(...args);
        written = true;
        return result;
      },
      freshPhysicalConnection: async (regionId, id) => {
        if (written && before !== null) return read(before);
        before = await ds.freshPhysicalConnection(regionId, id);
        return before;
      },
    });
  }

  it('a lagging read (the key as the call found it): the key as the call left it, and a warning', async () => {
    const ctx = context(readAfterWrite(upstream.main.forRequest(), (before) => before));
    const result = await macsecService.execute(ctx, { regionId: REGION, physicalConnectionId: MACSEC, ckn: IN_USE });
    expect(result).toMatchObject({ requestId: UPSTREAM_REQUEST_ID, clientToken: null });
    expect(result.physicalConnection.macsecKeys.map((k) => [k.ckn, k.status])).toEqual([
      [IN_USE, 'Disassociated'],
      // Which key the upstream put in use instead is not guessed.
      [SPARE, 'Disassociated'],
    ]);
    const warnings = ctx.logger.entries.filter((entry) => entry.level === 'warn');
    expect(warnings.map((w) => w.msg)).toEqual(['post-disassociation read lags the accepted call; answering the expected key state']);
    expect(warnings[0]?.obj).toMatchObject({ physicalConnectionId: MACSEC, ckn: IN_USE, upstreamRequestId: result.requestId, requestId: 'req-service' });
  });

  it('a read that finds nothing: the pre-read circuit with the deleted key left out', async () => {
    const ctx = context(readAfterWrite(upstream.main.forRequest(), () => null));
    const result = await macsecService.execute(ctx, { regionId: REGION, physicalConnectionId: MACSEC, ckn: SPARE });
    expect(result.physicalConnection.macsecKeys.map((k) => [k.ckn, k.status])).toEqual([[IN_USE, 'Associated']]);
    expect(ctx.logger.entries.filter((entry) => entry.level === 'warn').map((w) => w.msg)).toEqual([
      'post-disassociation read found no circuit; answering from the pre-read',
    ]);
  });

  it('a read that is up to date is answered as it is, without a warning', async () => {
    const ctx = context();
    const result = await macsecService.execute(ctx, { regionId: REGION, physicalConnectionId: MACSEC, ckn: IN_USE });
    expect(result.physicalConnection.macsecKeys.map((k) => [k.ckn, k.status])).toEqual([
      [IN_USE, 'Disassociated'],
      [SPARE, 'Associated'],
    ]);
    expect(ctx.logger.entries.filter((entry) => entry.level === 'warn')).toEqual([]);
    expect(ctx.logger.entries.find((entry) => entry.msg === 'MACsec key disassociation accepted')?.obj).toMatchObject({ subject: 'tester', ckn: IN_USE });
  });
});
