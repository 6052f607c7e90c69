/**
 * Pending-order (reservation) data over real HTTP: the emulator, like the VPC API, returns it only
 * for IncludeReservationData=true, so these fields are only real if every circuit read asks for it.
 * A seed circuit with a pending renewal, read through the data source's read paths and through
 * GraphQL.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import type { Seed } from '../../../src/emulator/domain';
import { useGateway } from './support/gateway';

const gw = useGateway();

const RESERVATION = {
  ReservationOrderType: 'RENEW',
  ReservationActiveTime: '2027-02-25T11:01:04Z',
  ReservationInternetChargeType: 'PayByBandwidth',
};
let reservedId = '';
let plainId = '';
let regionId = '';

beforeEach(async () => {
  await gw.emu.control.reset();
  const seed = await gw.emu.control.state<Seed>();
  const [reserved, plain] = seed.PhysicalConnections.filter((pc) => pc.Status === 'Enabled');
  if (!reserved || !plain || reserved.RegionId !== plain.RegionId) throw new Error('the demo seed has no two Enabled circuits in one region');
  Object.assign(reserved, RESERVATION);
  reservedId = reserved.PhysicalConnectionId;
  plainId = plain.PhysicalConnectionId;
  regionId = reserved.RegionId;
  await gw.emu.control.reset({ seed });
});

const expected = {
  hasReservationData: true,
  reservationOrderType: 'RENEW',
  reservationActiveTime: new Date('2027-02-25T11:01:04Z'),
  reservationInternetChargeType: 'PayByBandwidth',
};
const none = { hasReservationData: false, reservationOrderType: null, reservationActiveTime: null, reservationInternetChargeType: null };

it('the data source: by-id loader, list and fresh read carry the pending order; a circuit without one says so', async () => {
  const ds = gw.backend().forRequest();
  const [reserved, plain] = await Promise.all([ds.physicalConnection(regionId, reservedId), ds.physicalConnection(regionId, plainId)]);
  expect(reserved).toMatchObject(expected);
  expect(plain).toMatchObject(none);
  const list = await ds.physicalConnections(regionId, { ids: [reservedId] }, { pageNumber: 1, pageSize: 10 });
  expect(list.items).toEqual([expect.objectContaining(expected)]);
  expect(await ds.freshPhysicalConnection(regionId, reservedId)).toMatchObject(expected);
});

it('GraphQL: physicalConnection exposes hasReservationData and the reservation fields', async () => {
  const document = parse(`
    query Reservation($id: ID!, $regionId: String) {
      physicalConnection(id: $id, regionId: $regionId) {
        id hasReservationData reservationOrderType reservationActiveTime reservationInternetChargeType
      }
    }
  `) as TypedDocumentNode<{ physicalConnection: Record<string, unknown> | null }, { id: string; regionId: string }>;
  const { data, errors } = await gw.run(document, { id: reservedId, regionId });
  expect(errors).toBeUndefined();
  expect(data?.physicalConnection).toEqual({
    id: reservedId,
    hasReservationData: true,
    reservationOrderType: 'RENEW',
    reservationActiveTime: '2027-02-25T11:01:04.000Z',
    reservationInternetChargeType: 'PayByBandwidth',
  });
});
