/**
 * The demo data set the emulator starts with: demo-seed.json, a seed file like any other
 * (docs/emulator-seed.md#the-demo-data-set), loaded through `parseSeed`. Here are the names tests
 * and docs use for its ids; a unit test checks that each one is in the file.
 */
import demoSeedJson from './demo-seed.json';
import { parseSeed } from './parse';
import type { Seed } from './types';

export const DEMO_ACCOUNTS = {
  /** The default access key's account: owns almost everything. */
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
  /** Two MACsec keys (GCM-AES-XPN-256): one Associated, one Disassociated. */
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

/** A fresh, validated copy every call: callers may mutate it. */
export function demoSeed(): Seed {
  return parseSeed(demoSeedJson);
}
