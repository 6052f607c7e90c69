/**
 * The two timestamp spellings the API uses: circuits `2021-08-24T07:30:58Z`, VBRs
 * `2021-06-08T12:20:55` (no zone designator, still UTC).
 */

const SECONDS = /\.\d{3}Z$/;

export function circuitTime(ms: number): string {
  return new Date(ms).toISOString().replace(SECONDS, 'Z');
}

export function vbrTime(ms: number): string {
  return new Date(ms).toISOString().replace(SECONDS, '');
}

const TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})Z?$/;

/** Seed input in either spelling, normalized to the resource's; undefined when not a timestamp. */
export function normalizeTime(value: string, withZone: boolean): string | undefined {
  const match = TIME.exec(value);
  if (!match?.[1] || Number.isNaN(Date.parse(`${match[1]}Z`))) return undefined;
  return withZone ? `${match[1]}Z` : match[1];
}
