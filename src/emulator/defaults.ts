/** Defaults shared by `startEmulator` and the standalone configuration. */
import type { Rate } from '../shared/settings';
import { DEFAULT_ACCOUNT_ID } from './contract';
import type { AccessKeyPair } from './http/auth';

/** The default pair. Its secret is public by design: it only opens a local emulator. */
export const DEFAULT_ACCESS_KEY: Readonly<AccessKeyPair & { accountId: string }> = Object.freeze({
  accessKeyId: 'LTAIEmulatorAccessKey',
  accessKeySecret: 'EmulatorAccessKeySecret',
  accountId: DEFAULT_ACCOUNT_ID,
});

/**
 * The standalone emulator's default STS pair (`npm run emulator`), public like the pair above: an
 * SDK or gateway configured with STS credentials (`securityToken`) works against it out of the box.
 * The `STS.` prefix is how Alibaba's temporary access key ids look.
 */
export const DEFAULT_STS_KEY: Readonly<Required<AccessKeyPair>> = Object.freeze({
  accessKeyId: 'STS.EmulatorAccessKey',
  accessKeySecret: 'EmulatorStsAccessKeySecret',
  securityToken: 'EmulatorSecurityToken',
  accountId: DEFAULT_ACCOUNT_ID,
});

/** How long each transient state lasts unless configured. */
export const DEFAULT_TRANSITION_MS = 5000;

/** Alibaba's Express Connect quota: 300 calls per 60 s per region, action and main account (reference 9.1). */
export const DEFAULT_FLOW_CONTROL: Readonly<Rate> = Object.freeze({ calls: 300, windowMs: 60_000 });
