/** Types of scripts/ensure-build.js (plain CommonJS: it runs before anything is compiled). */

export interface BuildTarget {
  name: string;
  /** Files or directories, relative to the root, whose content decides whether to rebuild. */
  inputs: string[];
  /** Files, relative to the root, that must exist after a build. */
  outputs(root: string): string[];
  /** The argv to run (first element: the executable). */
  command(root: string, force: boolean): string[];
}

export interface StaleTarget {
  target: BuildTarget;
  /** `not built` (never, or the last run failed), `inputs changed`, `missing <output>` or `forced`. */
  reason: string;
}

export interface EnsureBuildOptions {
  root?: string;
  targets?: BuildTarget[];
  force?: boolean;
  log?: (line: string) => void;
  run?: (argv: string[], root: string) => void;
  lockTimeoutMs?: number;
}

export const TARGETS: BuildTarget[];
/** Relative to the root. */
export const STAMPS: string;
/** Relative to the root. */
export const LOCK: string;
export function fingerprint(root: string, inputs: string[]): string;
export function staleTargets(root?: string, targets?: BuildTarget[]): StaleTarget[];
/** Returns the names of the targets that ran. */
export function ensureBuild(options?: EnsureBuildOptions): string[];
