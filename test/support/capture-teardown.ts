/**
 * jest globalTeardown: fails the run when anything captured during it leaks a secret
 * (leak-scan.ts), or when a worker recorded an unhandled rejection / uncaught exception that jest
 * did not pin on a test (leak-environment.ts). Runs after every worker has exited, so every
 * capture file is complete. The directory is removed either way: the report carries what matters,
 * redacted.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ACCESS_KEY } from '../../src/emulator/defaults';
import { formatFindings, scanCaptured, type CapturedText, type KnownSecret } from './leak-scan';
import { CAPTURE_DIR_ENV, type CaptureRecord, type LeakedError } from './log-capture';

/** Secrets every test config shares, known without any test registering them. */
export const STATIC_SECRETS: readonly KnownSecret[] = [
  { value: DEFAULT_ACCESS_KEY.accessKeySecret, label: 'emulator access key secret' },
];

export function readCapture(dir: string): { texts: CapturedText[]; secrets: KnownSecret[]; leaks: LeakedError[] } {
  const texts: CapturedText[] = [];
  const secrets: KnownSecret[] = [...STATIC_SECRETS];
  const leaks: LeakedError[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const record = JSON.parse(line) as CaptureRecord;
      if (record.type === 'text') texts.push(record);
      else if (record.type === 'secret') secrets.push({ value: record.value, label: record.label });
      else leaks.push(record);
    }
  }
  return { texts, secrets, leaks };
}

function formatLeaks(leaks: readonly LeakedError[]): string {
  const lines = leaks.slice(0, 10).map((l, i) => `  ${i + 1}. ${l.event} after ${l.after} finished:\n     ${l.detail.split('\n').slice(0, 6).join('\n     ')}`);
  return `${leaks.length} unhandled rejection(s)/uncaught exception(s) outside any test (jest reported none of them):\n${lines.join('\n')}`;
}

/** The report of a capture directory (`problems` null when it is clean). */
export function checkCapture(dir: string): { problems: string | null; summary: string } {
  const { texts, secrets, leaks } = readCapture(dir);
  const problems: string[] = [];
  if (leaks.length > 0) problems.push(formatLeaks(leaks));
  const findings = scanCaptured(texts, secrets);
  if (findings.length > 0) problems.push(formatFindings(findings, texts.length));
  const sources = new Set(texts.map((t) => t.source.replace(/,.*\)$/, ')'))).size;
  const summary = `leak scan: ${texts.length} captured texts (${sources} test files and gateways), ${secrets.length} known secrets, ${findings.length} findings; ${leaks.length} errors outside tests`;
  return { problems: problems.length === 0 ? null : problems.join('\n\n'), summary };
}

export default function captureTeardown(): void {
  const dir = process.env[CAPTURE_DIR_ENV];
  if (dir === undefined || !existsSync(dir)) return;
  try {
    const { problems, summary } = checkCapture(dir);
    process.stderr.write(`${summary}\n`);
    if (problems !== null) throw new Error(`\n${problems}`);
  } finally {
    // GATEWAY_TEST_CAPTURE_KEEP=1 keeps the raw capture for a look (it holds the test secrets).
    if (process.env['GATEWAY_TEST_CAPTURE_KEEP'] === '1') process.stderr.write(`leak capture kept in ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
