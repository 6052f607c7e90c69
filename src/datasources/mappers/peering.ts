/** The peering-address fields every VBR shape carries (VBR, its circuit associations, the circuit's VBR rows). */
import type { PeeringAddresses } from '../models';
import { bool, str, type Raw } from './values';

export function mapPeeringAddresses(raw: Raw): PeeringAddresses {
  return {
    enableIpv6: bool(raw.EnableIpv6),
    localGatewayIp: str(raw.LocalGatewayIp),
    localIpv6GatewayIp: str(raw.LocalIpv6GatewayIp),
    peerGatewayIp: str(raw.PeerGatewayIp),
    peerIpv6GatewayIp: str(raw.PeerIpv6GatewayIp),
    peeringSubnetMask: str(raw.PeeringSubnetMask),
    peeringIpv6SubnetMask: str(raw.PeeringIpv6SubnetMask),
  };
}
