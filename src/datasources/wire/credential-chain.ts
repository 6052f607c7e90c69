/**
 * Alibaba's default credential chain from the SDK's own providers in the SDK's order, except that
 * the ECS RAM-role step is in it only when `ALIBABA_CLOUD_ECS_METADATA` names the role
 * (docs/datasource.md#credentials).
 *
 * Invariant: no metadata request (100.100.100.200) unless an operator configured one;
 * `src/server/upstream-mode.ts` detects the same step the same way.
 */
import Credential, {
  CLIProfileCredentialsProvider,
  ECSRAMRoleCredentialsProvider,
  EnvironmentVariableCredentialsProvider,
  OIDCRoleArnCredentialsProvider,
  ProfileCredentialsProvider,
  URICredentialsProvider,
  type CredentialsProvider,
} from '@alicloud/credentials';

type Credentials = Awaited<ReturnType<CredentialsProvider['getCredentials']>>;

/** Read when the chain is built, as the SDK reads it; blank counts as unset. */
function configured(name: string): string | null {
  const value = (process.env[name] ?? '').trim();
  return value === '' ? null : value;
}

/** A step whose builder refuses (its variables unset, or switched off) is left out, as the SDK does. */
function optional(build: () => CredentialsProvider): CredentialsProvider[] {
  try {
    return [build()];
  } catch {
    return [];
  }
}

class ConfiguredChain implements CredentialsProvider {
  private readonly providers: CredentialsProvider[];
  /**
   * The step that answered: asked alone from then on (it caches and refreshes its own STS
   * credentials). Unlike the SDK, a walk that found nothing does not pin the last step, so
   * credentials that appear later (a mounted file) are still found.
   */
  private answered: CredentialsProvider | null = null;

  constructor() {
    const roleName = configured('ALIBABA_CLOUD_ECS_METADATA');
    const uri = configured('ALIBABA_CLOUD_CREDENTIALS_URI');
    this.providers = [
      EnvironmentVariableCredentialsProvider.builder().build(),
      ...optional(() => OIDCRoleArnCredentialsProvider.builder().build()),
      ...optional(() => CLIProfileCredentialsProvider.builder().build()),
      ...optional(() => ProfileCredentialsProvider.builder().build()),
      ...(roleName === null ? [] : optional(() => ECSRAMRoleCredentialsProvider.builder().withRoleName(roleName).build())),
      ...(uri === null ? [] : [URICredentialsProvider.builder().withCredentialsURI(uri).build()]),
    ];
  }

  async getCredentials(): Promise<Credentials> {
    if (this.answered !== null) return this.answered.getCredentials();
    const failures: string[] = [];
    for (const provider of this.providers) {
      try {
        const credentials = await provider.getCredentials();
        this.answered = provider;
        return credentials;
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
      }
    }
    throw new Error(`unable to get credentials from any of the providers in the chain: ${failures.join(', ')}`);
  }

  getProviderName(): string {
    return 'default';
  }
}

export function defaultCredentialChain(): Credential {
  return new Credential(null, new ConfiguredChain());
}
