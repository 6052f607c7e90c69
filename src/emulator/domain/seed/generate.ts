/**
 * Benchmark data: `connections` Enabled circuits, each with a deterministic number of active VBRs
 * in `vbrsPerConnection` (the first `enabledWithoutVbrs` circuits get none). Same options, same
 * seed, ids included, so benchmark runs compare like with like.
 */
import { indexedId } from '../ids';
import { DEFAULT_REGION_ID } from '../regions';
import { DEFAULT_ACCOUNT_ID, type GenerateSeedOptions, type Seed, type SeedVirtualBorderRouter } from './types';

const MAX_CONNECTIONS = 10_000;
const MAX_VBRS_PER_CONNECTION = 50;

function checkCount(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`generateSeed: ${name} must be an integer from 0 to ${max}, got ${value}`);
  }
}

export function generateSeed(options: GenerateSeedOptions): Seed {
  const regionId = options.regionId ?? DEFAULT_REGION_ID;
  const ownerId = options.ownerId ?? DEFAULT_ACCOUNT_ID;
  const [min, max] = options.vbrsPerConnection ?? [2, 3];
  const withoutVbrs = options.enabledWithoutVbrs ?? 0;
  checkCount('connections', options.connections, MAX_CONNECTIONS);
  checkCount('vbrsPerConnection[0]', min, MAX_VBRS_PER_CONNECTION);
  checkCount('vbrsPerConnection[1]', max, MAX_VBRS_PER_CONNECTION);
  checkCount('enabledWithoutVbrs', withoutVbrs, options.connections);
  if (min > max) throw new RangeError(`generateSeed: vbrsPerConnection [${min}, ${max}] is not a range`);

  const seed: Seed = {
    PhysicalConnections: [],
    VirtualBorderRouters: [],
  };
  let vbrIndex = 0;
  for (let i = 0; i < options.connections; i++) {
    const id = indexedId('pc', regionId, 'gen', i);
    seed.PhysicalConnections.push({
      RegionId: regionId,
      OwnerId: ownerId,
      PhysicalConnectionId: id,
      Status: 'Enabled',
      Name: `bench-line-${i + 1}`,
      AccessPointId: `ap-${regionId}-bench-${String.fromCharCode(65 + (i % 26))}`,
      LineOperator: (['CT', 'CU', 'CM'] as const)[i % 3] ?? 'CT',
      PortType: '10GBase-LR',
      Spec: '10G',
      Bandwidth: 10000,
      CreationTime: '2024-06-01T00:00:00Z',
      EnabledTime: '2024-06-02T00:00:00Z',
      Tags: [{ Key: 'purpose', Value: 'benchmark' }],
    });
    // Cycles through min..max so the spread is deterministic and even.
    const count = i < withoutVbrs ? 0 : min + ((i - withoutVbrs) % (max - min + 1));
    for (let v = 0; v < count; v++) {
      const vbr: SeedVirtualBorderRouter = {
        RegionId: regionId,
        OwnerId: ownerId,
        VbrId: indexedId('vbr', regionId, 'gen', vbrIndex),
        PhysicalConnectionId: id,
        Status: 'active',
        VlanId: 100 + v,
        Name: `bench-vbr-${i + 1}-${v + 1}`,
        Bandwidth: 1000,
        LocalGatewayIp: `10.${v}.${i % 256}.1`,
        PeerGatewayIp: `10.${v}.${i % 256}.2`,
        PeeringSubnetMask: '255.255.255.252',
        CreationTime: '2024-06-02T01:00:00',
        ActivationTime: '2024-06-02T01:00:05',
      };
      seed.VirtualBorderRouters.push(vbr);
      vbrIndex++;
    }
  }
  return seed;
}
