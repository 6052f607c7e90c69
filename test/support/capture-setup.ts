/**
 * jest globalSetup: a fresh capture directory for this run (log-capture.ts). Workers start after
 * this and inherit the variable; a nested jest run (the unhandled-errors suite spawns one) gets its
 * own directory instead of writing into ours.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CAPTURE_DIR_ENV } from './log-capture';

export default function captureSetup(): void {
  process.env[CAPTURE_DIR_ENV] = mkdtempSync(join(tmpdir(), 'gateway-test-capture-'));
}
