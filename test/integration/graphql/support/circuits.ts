/**
 * The circuit lifecycle through the GraphQL API (support/gateway.ts): each action's mutation as a
 * console sends it, the same write sent straight to the emulator (to check that it agrees with
 * the gateway's rules), and what the emulator recorded.
 */
import type { GraphQLFormattedError } from 'graphql';
import type { VpcApi } from '../../../../src/datasources';
import type { WriteResult } from '../../../../src/datasources/models';
import type { Seed } from '../../../../src/emulator/domain';
import type { PhysicalConnectionAction } from '../../../../src/schema/errors';
import {
  CancelCircuitDocument,
  ConfirmCircuitDocument,
  DeleteCircuitDocument,
  EnableCircuitDocument,
  RecoverCircuitDocument,
  TerminatePhysicalConnectionDocument,
  UpdateCircuitDocument,
} from '../../../generated/graphql';
import type { GatewayFixture } from './gateway';

export const REGION = 'cn-hangzhou';
export const UPSTREAM_REQUEST_ID = expect.stringMatching(/^[0-9A-F-]{36}$/) as unknown as string;
/** The token the gateway generates when the caller gives none. */
export const GENERATED_TOKEN = expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown as string;

export interface ActionInput {
  physicalConnectionId: string;
  regionId?: string;
  clientToken?: string;
}

export interface MutationOutcome {
  /** The mutation's payload; null when it failed. */
  payload: Record<string, unknown> | null;
  errors: readonly GraphQLFormattedError[] | undefined;
}

/** What UPDATE changes when a test only needs some update: an attribute any updatable status allows. */
export const SOME_UPDATE = { name: 'renamed-by-test' } as const;

/** Each action's mutation, with the arguments a console sends (UPDATE: `SOME_UPDATE` unless given). */
export async function circuitMutation(
  gw: GatewayFixture,
  action: PhysicalConnectionAction,
  input: ActionInput & Record<string, unknown>,
): Promise<MutationOutcome> {
  const outcome = (payload: object | null | undefined, errors: readonly GraphQLFormattedError[] | undefined): MutationOutcome => ({
    payload: (payload ?? null) as Record<string, unknown> | null,
    errors,
  });
  switch (action) {
    case 'CONFIRM': {
      const { data, errors } = await gw.run(ConfirmCircuitDocument, { input });
      return outcome(data?.confirmPhysicalConnection, errors);
    }
    case 'ENABLE': {
      const { data, errors } = await gw.run(EnableCircuitDocument, { input });
      return outcome(data?.enablePhysicalConnection, errors);
    }
    case 'CANCEL': {
      const { data, errors } = await gw.run(CancelCircuitDocument, { input });
      return outcome(data?.cancelPhysicalConnection, errors);
    }
    case 'TERMINATE': {
      const { data, errors } = await gw.run(TerminatePhysicalConnectionDocument, { input });
      return outcome(data?.terminatePhysicalConnection, errors);
    }
    case 'RECOVER': {
      const { data, errors } = await gw.run(RecoverCircuitDocument, { input });
      return outcome(data?.recoverPhysicalConnection, errors);
    }
    case 'DELETE': {
      const { data, errors } = await gw.run(DeleteCircuitDocument, { input });
      return outcome(data?.deletePhysicalConnection, errors);
    }
    case 'UPDATE': {
      const { data, errors } = await gw.run(UpdateCircuitDocument, { input: { ...SOME_UPDATE, ...input } });
      return outcome(data?.updatePhysicalConnection, errors);
    }
  }
}

/** Each action's upstream write sent straight to the emulator, past every gateway rule. */
export const UPSTREAM_WRITES: Record<PhysicalConnectionAction, (api: VpcApi, physicalConnectionId: string) => Promise<WriteResult>> = {
  CONFIRM: (api, id) => api.confirmPhysicalConnection({ regionId: REGION, physicalConnectionId: id }),
  ENABLE: (api, id) => api.enablePhysicalConnection({ regionId: REGION, physicalConnectionId: id }),
  CANCEL: (api, id) => api.cancelPhysicalConnection({ regionId: REGION, physicalConnectionId: id }),
  TERMINATE: (api, id) => api.terminatePhysicalConnection({ regionId: REGION, physicalConnectionId: id }),
  RECOVER: (api, id) => api.recoverPhysicalConnection({ regionId: REGION, physicalConnectionId: id }),
  DELETE: (api, id) => api.deletePhysicalConnection({ regionId: REGION, physicalConnectionId: id }),
  UPDATE: (api, id) => api.modifyPhysicalConnectionAttribute({ regionId: REGION, physicalConnectionId: id, ...SOME_UPDATE }),
};

/** The upstream action of each circuit action (what `/_emulator/events` records). */
export const UPSTREAM_ACTIONS: Record<PhysicalConnectionAction, string> = {
  CONFIRM: 'ConfirmPhysicalConnection',
  ENABLE: 'EnablePhysicalConnection',
  CANCEL: 'CancelPhysicalConnection',
  TERMINATE: 'TerminatePhysicalConnection',
  RECOVER: 'RecoverPhysicalConnection',
  DELETE: 'DeletePhysicalConnection',
  UPDATE: 'ModifyPhysicalConnectionAttribute',
};

/** The circuit's status in the emulator (seed spelling); undefined once it is gone. */
export async function emulatorStatus(gw: GatewayFixture, id: string): Promise<string | undefined> {
  const state = await gw.emu.control.state<Seed>();
  return state.PhysicalConnections.find((pc) => pc.PhysicalConnectionId === id)?.Status;
}

export async function upstreamCalls(gw: GatewayFixture, action: string): Promise<number> {
  return (await gw.emu.control.calls()).byAction[action] ?? 0;
}

/** The one error of a refused mutation, whose `data` is null. */
export function onlyError(outcome: MutationOutcome): GraphQLFormattedError {
  expect(outcome.payload).toBeNull();
  expect(outcome.errors).toHaveLength(1);
  const [error] = outcome.errors ?? [];
  if (error === undefined) throw new Error('no error');
  return error;
}
