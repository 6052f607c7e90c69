/**
 * The playground bundle (scripts/build-playground.mjs -> dist/playground/), read into memory once
 * at start-up; and where the package root is, from src/ or dist/.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface PlaygroundTab {
  title: string;
  query: string;
}

export interface PlaygroundAssets {
  js: Buffer;
  css: Buffer;
  tabs: PlaygroundTab[];
  /** Content hash: asset URLs carry it, so they can be cached forever. */
  version: string;
}

/** The repository root (holds package.json), from src/server or dist/server. */
export function packageRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return resolve(from, '..', '..');
    dir = parent;
  }
  return dir;
}

export function defaultPlaygroundDir(): string {
  return join(packageRoot(__dirname), 'dist', 'playground');
}

function isTab(value: unknown): value is PlaygroundTab {
  if (typeof value !== 'object' || value === null) return false;
  const { title, query } = value as Record<string, unknown>;
  return typeof title === 'string' && typeof query === 'string';
}

/** null when the bundle was not built (e.g. `tsc` alone): the gateway still runs, without playground. */
export function loadPlaygroundAssets(dir: string): PlaygroundAssets | null {
  const files = ['playground.js', 'playground.css', 'operations.json'].map((name) => join(dir, name));
  if (!files.every((file) => existsSync(file))) return null;
  const [jsFile, cssFile, operationsFile] = files as [string, string, string];
  const js = readFileSync(jsFile);
  const css = readFileSync(cssFile);
  const parsed: unknown = JSON.parse(readFileSync(operationsFile, 'utf8'));
  const tabs = Array.isArray(parsed) ? parsed.filter(isTab) : [];
  const version = createHash('sha256').update(js).update(css).digest('hex').slice(0, 16);
  return { js, css, tabs, version };
}
