/**
 * Resource ids shaped like Alibaba's: `pc-` / `vbr-` + the region's prefix (`bp1` in Hangzhou)
 * + lowercase alphanumerics, 20 characters after the dash in all.
 */
import { randomBytes } from 'node:crypto';
import { regionIdPrefix } from './regions';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const BODY_LENGTH = 20;

function randomAlnum(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  // 252 = 7 * 36: rejection sampling would be exact, but a 1.6% bias is irrelevant for ids.
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

export type IdKind = 'pc' | 'vbr' | 'ri' | 'rtb';

/** A fresh id that `taken` does not know yet. */
export function newId(kind: IdKind, regionId: string, taken: (id: string) => boolean): string {
  const prefix = `${kind}-${regionIdPrefix(regionId)}`;
  for (;;) {
    const id = prefix + randomAlnum(BODY_LENGTH - 3);
    if (!taken(id)) return id;
  }
}

/** A deterministic id for generated seeds: the same index always gives the same id. */
export function indexedId(kind: IdKind, regionId: string, tag: string, index: number): string {
  const prefix = `${kind}-${regionIdPrefix(regionId)}${tag}`;
  return prefix + index.toString(36).padStart(BODY_LENGTH - 3 - tag.length, '0');
}
