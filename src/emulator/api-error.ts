/**
 * An error the emulator answers with, exactly as Alibaba's POP gateway shapes it:
 * HTTP status + `Code` + `Message` (the body adds RequestId, HostId, Recommend).
 *
 * Both halves of the emulator throw it: the protocol layer (signatures, common parameters) and
 * the domain (state machine, validation). Only the protocol layer renders it.
 */
export class ApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Errors shared by every operation (reference §4.2). */
export const commonErrors = {
  missingParameter: (name: string) =>
    new ApiError(
      400,
      'MissingParameter',
      `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
    ),
  invalidParameter: (name: string) =>
    new ApiError(400, 'InvalidParameter', `The specified parameter "${name}" is not valid.`),
  invalidRegion: () => new ApiError(404, 'InvalidRegionId.NotFound', 'The specified RegionId is not found.'),
  idempotentParameterMismatch: () =>
    new ApiError(
      400,
      'IdempotentParameterMismatch',
      'The request uses the same client token as a previous, but non-identical request.',
    ),
  internalError: () =>
    new ApiError(500, 'InternalError', 'The request processing has failed due to some unknown error.'),
} as const;
