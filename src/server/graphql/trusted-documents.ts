/**
 * Trusted documents on `/graphql` (route preHandler, after authentication): a request naming a
 * manifest document by its sha256 (Apollo's `extensions.persistedQuery.sha256Hash`, or GraphQL over
 * HTTP's `documentId`; POST body or GET query string) runs that document; an unknown hash is
 * refused; with GATEWAY_TRUSTED_DOCUMENTS_ONLY so is every request that names none.
 * Invariants: the text of a refused request is never parsed; a hash never falls back to the query
 * text sent with it (that is automatic persisted queries, which this gateway does not do); the
 * resolved document reaches Apollo through `request.gateway.trustedDocument` (apollo-handler.ts).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendGraphQLErrors } from '../graphql-response';
import type { GatewayMetrics, TrustedDocumentOutcome } from '../metrics';
import type { TrustedDocuments } from './trusted-manifest';

/** The header the playground's requests carry (scripts/build-playground.client.jsx). */
const PLAYGROUND_HEADER = 'x-gateway-playground';

const SHA256_HEX = /^[0-9a-f]{64}$/i;

type Params = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Params {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request parameters: GET query string or POST JSON body; null for anything else (a batch, text). */
export function requestParams(request: FastifyRequest): Params | null {
  const source: unknown = request.method === 'GET' ? request.query : request.body;
  return isObject(source) ? source : null;
}

/** `extensions`, an object in a JSON body and JSON text in a query string; null when absent or unreadable. */
export function extensionsOf(request: FastifyRequest, params: Params): Params | null {
  let extensions = params['extensions'];
  if (request.method === 'GET' && typeof extensions === 'string') {
    try {
      extensions = JSON.parse(extensions);
    } catch {
      return null; // Apollo refuses it as it does today.
    }
  }
  return isObject(extensions) ? extensions : null;
}

/** The hash in a documentId: `sha256:<hex>` (GraphQL over HTTP's form) or the bare hex; null for anything else. */
function documentIdHash(documentId: unknown): string | null {
  if (typeof documentId !== 'string') return null;
  const hex = documentId.replace(/^sha256:/i, '');
  return SHA256_HEX.test(hex) ? hex : null;
}

/** The hash a request names (lower-case), a problem with how it names one, or null when it names none. */
export function documentIdOf(request: FastifyRequest): { hash: string } | { problem: string } | null {
  const params = requestParams(request);
  if (params === null) return null;
  const hashes: string[] = [];
  if (params['documentId'] !== undefined) {
    const hash = documentIdHash(params['documentId']);
    if (hash === null) return { problem: 'documentId must be "sha256:" followed by the 64 hex digits of a trusted document\'s hash.' };
    hashes.push(hash.toLowerCase());
  }
  const persisted = extensionsOf(request, params)?.['persistedQuery'];
  if (persisted !== undefined) {
    if (!isObject(persisted) || persisted['version'] !== 1) return { problem: 'extensions.persistedQuery must be { "version": 1, "sha256Hash": "<64 hex digits>" }.' };
    const hash = persisted['sha256Hash'];
    if (typeof hash !== 'string' || !SHA256_HEX.test(hash)) return { problem: 'extensions.persistedQuery.sha256Hash must be 64 hex digits.' };
    hashes.push(hash.toLowerCase());
  }
  const [hash] = hashes;
  if (hash === undefined) return null;
  if (hashes.some((other) => other !== hash)) return { problem: 'documentId and extensions.persistedQuery name different documents.' };
  return { hash };
}

export interface TrustedDocumentsOptions {
  documents: TrustedDocuments;
  /** GATEWAY_TRUSTED_DOCUMENTS_ONLY: a request naming no document is refused. */
  only: boolean;
  /**
   * The playground's requests (PLAYGROUND_HEADER) may carry text under `only`. The header can be
   * forged, so the posture allows it on the embedded emulator outside production only (posture.ts).
   */
  playgroundFreeText: boolean;
  metrics: Pick<GatewayMetrics, 'countTrustedDocument'>;
}

const REQUIRED_MESSAGE =
  'This gateway runs only trusted documents: send the sha256 of a document of its manifests ' +
  '(extensions.persistedQuery.sha256Hash, or documentId "sha256:<hash>"), not the query text.';

export function trustedDocumentsPreHandler({ documents, only, playgroundFreeText, metrics }: TrustedDocumentsOptions) {
  const refuse = (request: FastifyRequest, reply: FastifyReply, outcome: TrustedDocumentOutcome, code: string, message: string): FastifyReply => {
    metrics.countTrustedDocument(outcome);
    request.gateway.rejectedWith = code;
    return sendGraphQLErrors(request, reply, 400, [{ message, extensions: { code, retryable: false } }]);
  };
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (request.gateway.servedPlayground) return undefined;
    const id = documentIdOf(request);
    if (id === null) {
      if (!only) metrics.countTrustedDocument('free_text');
      else if (playgroundFreeText && request.headers[PLAYGROUND_HEADER] === '1') metrics.countTrustedDocument('playground');
      else return refuse(request, reply, 'required', 'TRUSTED_DOCUMENT_REQUIRED', REQUIRED_MESSAGE);
      return undefined;
    }
    if ('problem' in id) return refuse(request, reply, 'invalid', 'BAD_REQUEST', id.problem);
    const document = documents.get(id.hash);
    // Apollo's code and message, which Apollo Client and urql recognize.
    if (document === undefined) return refuse(request, reply, 'not_found', 'PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound');
    const query = requestParams(request)?.['query'];
    if (query !== undefined && query !== document.text) {
      return refuse(request, reply, 'mismatch', 'BAD_REQUEST', 'The query text is not the trusted document of this hash: send the hash alone.');
    }
    metrics.countTrustedDocument('trusted');
    request.gateway.trustedDocument = document;
    return undefined;
  };
}
