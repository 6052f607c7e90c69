/**
 * The demo data set the emulator starts with: cn-hangzhou holds a circuit in every status and
 * every terminate precondition (ready, VBRs attached, locked, MACsec, vpconn, another account's
 * VBR), cn-shanghai a few more. Ids are stable: tests and docs name them through `DEMO_IDS`.
 * Its transient resources (Allocating, Terminating, VBRs terminating/recovering/deleting) take
 * their next step DEMO_TRANSITION_AFTER_MS after a load or reset: long enough for a person (or a
 * test) to see every status right after start, short enough to watch one finish.
 */
import type { Seed, SeedPhysicalConnection, SeedVirtualBorderRouter } from './types';

export const DEMO_ACCOUNTS = {
  /** The default access key's account (brief A): owns almost everything. */
  demo: '1688000000000001',
  /** Another customer: owns a VBR on a demo circuit, and a vpconn hosted on one. Beyond 2^53. */
  tenant: '253460731706911258',
  /** A hosting partner: owns the port a demo shared circuit runs on. Beyond 2^53. */
  partner: '283117732402483989',
} as const;

export const DEMO_IDS = {
  /** Enabled, Normal, no VBR, no vpconn, no MACsec: terminate succeeds. */
  enabledReadyToTerminate: ['pc-bp1vqjxxvbothd0wtflh', 'pc-bp1bmuaptt0zn3x0pdqx', 'pc-bp1ryon8j1dybv7zxg02'],
  /** Enabled with four VBRs (two active, one recoverable terminated, one terminated whose VLAN was reused). */
  enabledWithVbrs: 'pc-bp1vdhldsun7av8bppxx',
  /** Enabled with VBRs in transient states plus another account's unconfirmed VBR. */
  enabledWithTransientVbrs: 'pc-bp171c9jeqqa3qifpuw2',
  /** Enabled; its only VBR belongs to the tenant account, and still blocks termination. */
  enabledWithForeignVbrOnly: 'pc-bp13ydesok50llsd9d2v',
  enabledFinancialLocked: 'pc-bp1eyx0gsaxmknuj0ewu',
  enabledSecurityLocked: 'pc-bp11rfc048ttp08kftt6',
  enabledWithMacsec: 'pc-bp1ol1yxm13bpagxiuwp',
  /** Hosts the tenant's vpconn (`tenantVpconn`). */
  enabledWithVpconn: 'pc-bp17317bd9g2lbc7rd0s',
  initial: 'pc-bp1ma2sllqyckgavjsg9',
  approved: 'pc-bp1u5xwqxnizwkra4uze',
  allocating: 'pc-bp1pz1qssk3843wu9tah',
  allocated: 'pc-bp1eaka90atzl8rtfkbh',
  confirmed: 'pc-bp12dewio4uje5sgz278',
  rejected: 'pc-bp1v65e54x59g3awm3tv',
  canceled: 'pc-bp1w78ujk329m2wykp4i',
  allocationFailed: 'pc-bp1lsanj7c3c4bhoqmaz',
  terminating: 'pc-bp14ftv82hnlnh61qx7m',
  terminated: 'pc-bp10uel9ui8hvqin2xh6',
  /** A shared circuit (VirtualPhysicalConnection), Terminated: RecoverPhysicalConnection works. */
  sharedTerminatedRecoverable: 'pc-bp1d29o3vjmqzmjciz73',
  /** The partner's port hosting `sharedTerminatedRecoverable` (invisible to the demo account). */
  partnerHostingPort: 'pc-bp1s0vead2by89b61cua',
  /** The tenant's shared circuit on `enabledWithVpconn` (invisible to the demo account). */
  tenantVpconn: 'pc-bp10zbb5a2odupcivdm3',
  shanghaiEnabledWithVbr: 'pc-uf6e178k5mh9u046vgsl',
  shanghaiEnabledReadyToTerminate: 'pc-uf60my485hdu23ua7g8w',
  shanghaiInitial: 'pc-uf60wufmcv0lsauywyl4',
  vbrs: {
    active: 'vbr-bp1hjmjri6surik1d64o',
    activeIpv6: 'vbr-bp1zhvalp7t5btfee7vf',
    /** terminated, its VLAN still free: RecoverVirtualBorderRouter works. */
    terminatedRecoverable: 'vbr-bp16x30fov6kr8i1edwl',
    /** terminated long ago; `active` reuses its VLAN 100, so recovering it fails. */
    terminatedVlanReused: 'vbr-bp1j5uqsohgr9d5ideua',
    terminating: 'vbr-bp1ui5t4v6jfgg9kbw6f',
    recovering: 'vbr-bp16hgshd0vlh5kavbw3',
    deleting: 'vbr-bp1lf1blo3bw0bjuxgaa',
    /** Created by the demo account for the tenant, not yet confirmed by the tenant. */
    unconfirmedForTenant: 'vbr-bp19liib9msryrgs99tq',
    /** The tenant's active VBR on `enabledWithForeignVbrOnly`. */
    tenantActive: 'vbr-bp12dpa8kxxo68uov65g',
    shanghaiActive: 'vbr-uf6657lr12tws1lmctd2',
  },
} as const;

/** When the demo's transient resources take their next step, after a load or reset (seed `TransitionAfterMs`). */
export const DEMO_TRANSITION_AFTER_MS = 60_000;

const HZ = 'cn-hangzhou';
const SH = 'cn-shanghai';
const DEFAULT_GROUP = 'rg-acfmxazb4ph6aiy';
const NETWORK_GROUP = 'rg-aek2yvwibxrnetw';

const prod = [
  { Key: 'env', Value: 'prod' },
  { Key: 'team', Value: 'network' },
];
const staging = [
  { Key: 'env', Value: 'staging' },
  { Key: 'team', Value: 'network' },
];

/** A dedicated 10G circuit of the demo account; `fields` says what makes it special. */
function circuit(
  id: string,
  status: SeedPhysicalConnection['Status'],
  fields: Partial<SeedPhysicalConnection> & Pick<SeedPhysicalConnection, 'Name' | 'AccessPointId'>,
): SeedPhysicalConnection {
  const inService = ['Enabled', 'Terminating', 'Terminated'].includes(status);
  return {
    RegionId: HZ,
    OwnerId: DEMO_ACCOUNTS.demo,
    PhysicalConnectionId: id,
    Status: status,
    BusinessStatus: 'Normal',
    ProductType: 'PhysicalConnection',
    AccessPointType: 'VPC',
    AdLocation: 'No. 969 Wenyi West Road, Yuhang District, Hangzhou, Zhejiang',
    Bandwidth: 10000,
    ChargeType: 'Prepaid',
    CreationTime: '2024-03-11T02:15:40Z',
    LineOperator: 'CT',
    PortType: '10GBase-LR',
    Spec: '10G',
    ResourceGroupId: DEFAULT_GROUP,
    Type: 'VPC',
    Tags: prod,
    ...(inService
      ? { EnabledTime: '2024-03-20T08:00:12Z', EndTime: '2026-03-20T16:00:00Z', LoaStatus: 'Complete', PortNumber: '1/1/12' }
      : {}),
    ...fields,
  };
}

function vbr(
  id: string,
  circuitId: string,
  status: SeedVirtualBorderRouter['Status'],
  vlan: number,
  fields: Partial<SeedVirtualBorderRouter>,
): SeedVirtualBorderRouter {
  const third = vlan % 250;
  return {
    RegionId: HZ,
    OwnerId: DEMO_ACCOUNTS.demo,
    VbrId: id,
    PhysicalConnectionId: circuitId,
    Status: status,
    VlanId: vlan,
    CreationTime: '2024-03-21T09:30:00',
    ActivationTime: '2024-03-21T09:30:05',
    Bandwidth: 1000,
    CircuitCode: 'longtel001',
    DetectMultiplier: 3,
    EnableIpv6: false,
    LocalGatewayIp: `10.${third}.0.1`,
    PeerGatewayIp: `10.${third}.0.2`,
    PeeringSubnetMask: '255.255.255.252',
    MinRxInterval: 300,
    MinTxInterval: 300,
    Mtu: 1500,
    ResourceGroupId: DEFAULT_GROUP,
    SitelinkEnable: false,
    Tags: prod,
    Type: 'pconnVBR',
    ...fields,
  };
}

const ap = {
  yh: 'ap-cn-hangzhou-yh-B',
  xs: 'ap-cn-hangzhou-xs-A',
  jg: 'ap-cn-hangzhou-jg-C',
  wc: 'ap-cn-hangzhou-wc-D',
  fin: 'ap-cn-hangzhou-finance-yh-E',
};

function hangzhouCircuits(): SeedPhysicalConnection[] {
  const ids = DEMO_IDS;
  const [ready1, ready2, ready3] = ids.enabledReadyToTerminate;
  return [
    circuit(ids.enabledWithVbrs, 'Enabled', { Name: 'hz-core-dc1-primary', AccessPointId: ap.yh, Description: 'Primary line from the Xixi data center', CircuitCode: 'longtel001', ResourceGroupId: NETWORK_GROUP }),
    circuit(ids.enabledWithTransientVbrs, 'Enabled', { Name: 'hz-core-dc1-secondary', AccessPointId: ap.xs, LineOperator: 'CU', CircuitCode: 'cu-hz-7781' }),
    circuit(ready1, 'Enabled', { Name: 'hz-idc-backup-a', AccessPointId: ap.yh, Description: 'Spare line, no VBR: ready to terminate', Tags: staging }),
    circuit(ready2, 'Enabled', { Name: 'hz-idc-backup-b', AccessPointId: ap.jg, LineOperator: 'CM', PortType: '1000Base-LX', Spec: '1G and below', Bandwidth: 1000, Tags: staging }),
    circuit(ready3, 'Enabled', { Name: 'hz-lab-uplink', AccessPointId: ap.wc, LineOperator: 'CO', Tags: [{ Key: 'env', Value: 'lab' }] }),
    circuit(ids.enabledWithForeignVbrOnly, 'Enabled', { Name: 'hz-shared-with-tenant', AccessPointId: ap.jg, Description: 'Its only VBR belongs to the tenant account' }),
    circuit(ids.enabledFinancialLocked, 'Enabled', { Name: 'hz-overdue-locked', AccessPointId: ap.xs, BusinessStatus: 'FinancialLocked', Description: 'Overdue payment: locked by the system' }),
    circuit(ids.enabledSecurityLocked, 'Enabled', { Name: 'hz-security-locked', AccessPointId: ap.wc, BusinessStatus: 'SecurityLocked' }),
    circuit(ids.enabledWithMacsec, 'Enabled', {
      Name: 'hz-macsec-encrypted',
      AccessPointId: ap.fin,
      PortType: '100GBase-LR',
      Spec: '100G',
      Bandwidth: 100000,
      MacsecKeys: [{ Ckn: 'a1b2c3d4e5f60718', Cak: 'emulator-fake-cak-0001', CipherSuite: 'GCM-AES-XPN-256', StartOn: '2024-04-01T00:00:00Z', Status: 'Available' }],
    }),
    circuit(ids.enabledWithVpconn, 'Enabled', { Name: 'hz-hosting-port', AccessPointId: ap.fin, PortType: '40GBase-LR', Spec: '40G', Bandwidth: 40000, LineOperator: 'Equinix', Description: 'Hosts a shared circuit for the tenant' }),
    circuit(ids.initial, 'Initial', { Name: 'hz-new-application', AccessPointId: ap.yh, PeerLocation: 'Building 5, Xixi campus, Hangzhou', CreationTime: '2025-01-06T03:00:00Z' }),
    circuit(ids.approved, 'Approved', { Name: 'hz-approved-line', AccessPointId: ap.xs, LineOperator: 'CU', CreationTime: '2025-01-05T03:00:00Z' }),
    circuit(ids.allocating, 'Allocating', { TransitionAfterMs: DEMO_TRANSITION_AFTER_MS, Name: 'hz-allocating-line', AccessPointId: ap.jg, LineOperator: 'CM', CreationTime: '2025-01-04T03:00:00Z' }),
    circuit(ids.allocated, 'Allocated', { Name: 'hz-allocated-line', AccessPointId: ap.wc, LoaStatus: 'Available', PortNumber: '2/1/7', CreationTime: '2025-01-03T03:00:00Z' }),
    circuit(ids.confirmed, 'Confirmed', { Name: 'hz-confirmed-line', AccessPointId: ap.fin, LoaStatus: 'Complete', PortNumber: '2/1/8', CreationTime: '2025-01-02T03:00:00Z' }),
    circuit(ids.rejected, 'Rejected', { Name: 'hz-rejected-application', AccessPointId: ap.yh, Description: 'Rejected: the peer location was incomplete', CreationTime: '2024-12-20T03:00:00Z' }),
    circuit(ids.canceled, 'Canceled', { Name: 'hz-canceled-line', AccessPointId: ap.xs, CreationTime: '2024-11-02T03:00:00Z' }),
    circuit(ids.allocationFailed, 'Allocation Failed', { Name: 'hz-allocation-failed', AccessPointId: ap.jg, CreationTime: '2024-10-15T03:00:00Z' }),
    circuit(ids.terminating, 'Terminating', { TransitionAfterMs: DEMO_TRANSITION_AFTER_MS, Name: 'hz-terminating-line', AccessPointId: ap.wc, Tags: staging }),
    circuit(ids.terminated, 'Terminated', { Name: 'hz-terminated-line', AccessPointId: ap.fin, Tags: staging }),
    circuit(ids.partnerHostingPort, 'Enabled', { Name: 'partner-hosting-port', AccessPointId: ap.yh, OwnerId: DEMO_ACCOUNTS.partner, LineOperator: 'Other', Tags: [] }),
    circuit(ids.sharedTerminatedRecoverable, 'Terminated', {
      Name: 'hz-shared-recoverable',
      AccessPointId: ap.yh,
      ProductType: 'VirtualPhysicalConnection',
      ParentPhysicalConnectionId: ids.partnerHostingPort,
      Bandwidth: 200,
      ExpectSpec: '200M',
      OrderMode: 'PayByVirtualPhysicalConnectionOwner',
      VlanId: '1024',
      VpconnStatus: 'Confirmed',
      Description: 'Shared circuit on a partner port, terminated: recoverable',
    }),
    circuit(ids.tenantVpconn, 'Enabled', {
      Name: 'tenant-vpconn',
      AccessPointId: ap.fin,
      OwnerId: DEMO_ACCOUNTS.tenant,
      ProductType: 'VirtualPhysicalConnection',
      ParentPhysicalConnectionId: ids.enabledWithVpconn,
      Bandwidth: 500,
      ExpectSpec: '500M',
      OrderMode: 'PayByPhysicalConnectionOwner',
      VlanId: '2001',
      VpconnStatus: 'Confirmed',
      Tags: [],
    }),
  ];
}

function hangzhouVbrs(): SeedVirtualBorderRouter[] {
  const ids = DEMO_IDS;
  const v = ids.vbrs;
  return [
    vbr(v.active, ids.enabledWithVbrs, 'active', 100, {
      Name: 'vbr-core-prod',
      Description: 'Production routes to the Xixi data center',
      RouteTableId: 'rtb-bp1u7lw54v8z251ntoh7',
      VlanInterfaceId: 'ri-bp1d8l65zimo42tg3rc1',
      AssociatedCens: [{ CenId: 'cen-7qthudw0ll6jmc1y5e', CenOwnerId: DEMO_ACCOUNTS.demo, CenStatus: 'Attached' }],
    }),
    vbr(v.activeIpv6, ids.enabledWithVbrs, 'active', 101, {
      Name: 'vbr-core-ipv6',
      EnableIpv6: true,
      LocalIpv6GatewayIp: '2408:4004:cc:400::1',
      PeerIpv6GatewayIp: '2408:4004:cc:400::2',
      PeeringIpv6SubnetMask: '2408:4004:cc:400::/56',
      RouteTableId: 'rtb-bp1de77w9w9vreu4srg3',
      VlanInterfaceId: 'ri-bp10lr8ubz9d5t6vldxw',
    }),
    vbr(v.terminatedRecoverable, ids.enabledWithVbrs, 'terminated', 102, {
      Name: 'vbr-core-paused',
      TerminationTime: '2025-01-10T12:00:00',
      RouteTableId: 'rtb-bp18v02zdaqwbqyhz3al',
      VlanInterfaceId: 'ri-bp1k1s5w9gh413x1aw0m',
      Tags: staging,
    }),
    vbr(v.terminatedVlanReused, ids.enabledWithVbrs, 'terminated', 100, {
      Name: 'vbr-core-legacy',
      CreationTime: '2023-05-01T10:00:00',
      ActivationTime: '2023-05-01T10:00:04',
      TerminationTime: '2023-11-30T18:00:00',
      RouteTableId: 'rtb-bp1f3snqdtxquzg3n195',
      VlanInterfaceId: 'ri-bp1xutg2gzj8ccvbkm0o',
    }),
    vbr(v.terminating, ids.enabledWithTransientVbrs, 'terminating', 200, {
      TransitionAfterMs: DEMO_TRANSITION_AFTER_MS,
      Name: 'vbr-secondary-terminating',
      RouteTableId: 'rtb-bp129wnhzycp506b8j1k',
      VlanInterfaceId: 'ri-bp1lh2ho6rpm1n170t4s',
    }),
    vbr(v.recovering, ids.enabledWithTransientVbrs, 'recovering', 201, {
      TransitionAfterMs: DEMO_TRANSITION_AFTER_MS,
      Name: 'vbr-secondary-recovering',
      TerminationTime: '2025-01-08T07:00:00',
      RouteTableId: 'rtb-bp1ad8ittkpkm2mc1nwt',
      VlanInterfaceId: 'ri-bp1xt5l4toao1kww0tgg',
    }),
    vbr(v.deleting, ids.enabledWithTransientVbrs, 'deleting', 202, {
      TransitionAfterMs: DEMO_TRANSITION_AFTER_MS,
      Name: 'vbr-secondary-deleting',
      RouteTableId: 'rtb-bp1c9z17ujcd0471pe4c',
      VlanInterfaceId: 'ri-bp13i8ueid06mkbts33z',
    }),
    {
      RegionId: HZ,
      OwnerId: DEMO_ACCOUNTS.tenant,
      VbrId: v.unconfirmedForTenant,
      PhysicalConnectionId: ids.enabledWithTransientVbrs,
      Status: 'unconfirmed',
      VlanId: 203,
      CreationTime: '2025-01-09T02:00:00',
      CircuitCode: 'cu-hz-7781',
      Type: 'pconnVBR',
      RouteTableId: 'rtb-bp1uhji7oyojkzi6rzax',
      VlanInterfaceId: 'ri-bp17adiao3ynud9xai6i',
    },
    vbr(v.tenantActive, ids.enabledWithForeignVbrOnly, 'active', 300, {
      OwnerId: DEMO_ACCOUNTS.tenant,
      Name: 'tenant-vbr',
      Bandwidth: 500,
      Tags: [],
      ResourceGroupId: 'rg-acfmtenant01xyz',
      RouteTableId: 'rtb-bp1s6aucnx82ghqq2p5d',
      VlanInterfaceId: 'ri-bp11va7lyui21rcbajy8',
      PConnVbrChargeType: 'PostPaid',
    }),
  ];
}

function shanghai(): Pick<Seed, 'PhysicalConnections' | 'VirtualBorderRouters'> {
  const sh = (id: string, status: SeedPhysicalConnection['Status'], name: string, accessPointId: string) =>
    circuit(id, status, {
      RegionId: SH,
      Name: name,
      AccessPointId: accessPointId,
      AdLocation: 'No. 1 Century Avenue, Pudong New Area, Shanghai',
    });
  return {
    PhysicalConnections: [
      sh(DEMO_IDS.shanghaiEnabledWithVbr, 'Enabled', 'sh-core-primary', 'ap-cn-shanghai-nh-A'),
      sh(DEMO_IDS.shanghaiEnabledReadyToTerminate, 'Enabled', 'sh-spare-line', 'ap-cn-shanghai-ip-B'),
      sh(DEMO_IDS.shanghaiInitial, 'Initial', 'sh-new-application', 'ap-cn-shanghai-nh-A'),
    ],
    VirtualBorderRouters: [
      vbr(DEMO_IDS.vbrs.shanghaiActive, DEMO_IDS.shanghaiEnabledWithVbr, 'active', 10, {
        RegionId: SH,
        Name: 'vbr-sh-prod',
        RouteTableId: 'rtb-uf6oeemjcwa2rdf3sep8',
        VlanInterfaceId: 'ri-uf623ijlq31xgz3lqo2j',
      }),
    ],
  };
}

/** A fresh copy every call: callers may mutate it. */
export function demoSeed(): Seed {
  const sh = shanghai();
  return {
    PhysicalConnections: [...hangzhouCircuits(), ...sh.PhysicalConnections],
    VirtualBorderRouters: [...hangzhouVbrs(), ...sh.VirtualBorderRouters],
  };
}
