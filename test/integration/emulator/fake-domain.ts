/**
 * A tiny stand-in for the emulator's domain, so the protocol layer is tested on its own:
 * it records what reached it and answers a few canned actions.
 */
import { ApiError } from '../../../src/emulator/api-error';
import { JsonInteger, type EmulatorDomain, type OperationRequest } from '../../../src/emulator/contract';

export const BIG_ACCOUNT_ID = '283117732402483989';

export class FakeDomain implements EmulatorDomain {
  readonly dispatched: OperationRequest[] = [];
  /** Seeds passed to reset(), in order (undefined = back to the original). */
  readonly resets: unknown[] = [];

  hasAction(action: string): boolean {
    return ['DescribePhysicalConnections', 'TerminatePhysicalConnection', 'DescribeRegions', 'Explode', 'Replayed'].includes(
      action,
    );
  }

  dispatch(request: OperationRequest): Record<string, unknown> {
    this.dispatched.push({ ...request, params: { ...request.params } });
    switch (request.action) {
      case 'DescribePhysicalConnections':
        return {
          PhysicalConnectionSet: {
            PhysicalConnectionType: [
              { PhysicalConnectionId: 'pc-1', Name: 'a & <b>', ParentPhysicalConnectionAliUid: new JsonInteger(BIG_ACCOUNT_ID) },
              { PhysicalConnectionId: 'pc-2', Name: 'second', ParentPhysicalConnectionAliUid: new JsonInteger('1') },
            ],
          },
          PageNumber: 1,
          PageSize: 10,
          TotalCount: 2,
        };
      case 'TerminatePhysicalConnection':
        if (request.params['PhysicalConnectionId'] !== 'pc-1') {
          throw new ApiError(404, 'InvalidPhysicalConnectionId.NotFound', 'The specified physical connection does not exist.');
        }
        return {};
      case 'Replayed':
        return { RequestId: 'ORIGINAL-REQUEST-ID' };
      case 'Explode':
        throw new TypeError('domain bug');
      default:
        return { Regions: { Region: [{ RegionId: 'cn-hangzhou' }] } };
    }
  }

  reset(seed?: unknown): void {
    this.resets.push(seed);
    this.dispatched.length = 0;
  }

  snapshot() {
    return { Regions: [], PhysicalConnections: [], VirtualBorderRouters: [], marker: 'fake-snapshot' } as unknown as ReturnType<
      EmulatorDomain['snapshot']
    >;
  }
}
