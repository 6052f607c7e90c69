/**
 * The error both halves of the emulator throw: HTTP status + `Code` + `Message`, as Alibaba's POP
 * gateway answers (docs/emulator.md#what-it-checks-like-alibaba-does). Only the protocol layer renders it.
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

/** Errors shared by every operation. */
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
