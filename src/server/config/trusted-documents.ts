/**
 * Trusted documents: the manifests (`sha256 hex -> document`, one per client app) whose hashes the
 * gateway runs, and whether it runs anything else. The files are read and checked at start-up
 * (graphql/trusted-manifest.ts), once the schema exists; here only the variables' form.
 */
import { z } from 'zod';
import { boolean, commaList, setting, type Values } from '../../shared/settings';
import type { ConfigProblem } from './problems';

export const TRUSTED_DOCUMENT_SETTINGS = {
  // Comma-separated like every list setting here; a path containing a comma cannot be listed.
  GATEWAY_TRUSTED_DOCUMENTS: setting(commaList(z.string().min(1), 'manifest file paths'), [] as string[]),
  GATEWAY_TRUSTED_DOCUMENTS_ONLY: setting(boolean, false),
};

export interface TrustedDocumentSettings {
  /** Manifest paths as given (relative ones against the working directory); empty: feature off. */
  manifests: string[];
  /** Refuse every request that does not name a manifest document (the dev playground aside, posture.ts). */
  only: boolean;
}

export function trustedDocumentSettings(v: Values<typeof TRUSTED_DOCUMENT_SETTINGS>): TrustedDocumentSettings {
  return { manifests: v.GATEWAY_TRUSTED_DOCUMENTS, only: v.GATEWAY_TRUSTED_DOCUMENTS_ONLY };
}

export function trustedDocumentProblems(settings: TrustedDocumentSettings): ConfigProblem[] {
  if (!settings.only || settings.manifests.length > 0) return [];
  return [
    {
      variable: 'GATEWAY_TRUSTED_DOCUMENTS_ONLY',
      message: 'needs GATEWAY_TRUSTED_DOCUMENTS (the manifest files): without one every request would be refused',
    },
  ];
}
