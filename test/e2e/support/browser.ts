/**
 * Which Chromium drives the browser tests, so `npm install && npm test` needs nothing else:
 * `CHROMIUM_PATH` when set, else a system Chromium, else the headless-shell binary that
 * `@sparticuz/chromium` (a devDependency) ships compressed inside its npm package.
 *
 * The package extracts into `os.tmpdir()` and takes any `chromium` file already there as done: a
 * half-written one from a concurrent test process, or another version's. So here it extracts into
 * a private staging directory, renamed into a per-version, per-user directory only when complete:
 * a process that finds that directory finds a whole browser, and of two processes extracting at
 * once the second to finish drops its copy and uses the first.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import chromium from '@sparticuz/chromium';

const run = promisify(execFile);

export interface Browser {
  executablePath: string;
  args: string[];
}

/** Our flags; the machine running the suite may have no internet, so nothing may phone home. */
const BASE_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The package's flags are made for AWS Lambda; these would weaken what the playground test checks
 * (same-origin policy, site isolation, mixed content), so they are left out.
 */
const REFUSED_PACKAGE_FLAGS = new Set([
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
]);

/** A staging directory older than this belongs to a process that died mid-extraction. */
const STALE_STAGING_MS = 60 * 60 * 1000;

const flagName = (arg: string) => arg.split('=', 1)[0] ?? arg;

/** Ours first; a package flag only when we set no flag of that name. */
function mergeArgs(packageArgs: readonly string[]): string[] {
  const ours = new Set(BASE_ARGS.map(flagName));
  const extra = packageArgs.filter((arg) => !ours.has(flagName(arg)) && !REFUSED_PACKAGE_FLAGS.has(flagName(arg)));
  return [...BASE_ARGS, ...extra];
}

function systemChromium(): string | undefined {
  const onPath = (process.env['PATH'] ?? '').split(delimiter).filter(Boolean);
  const candidates = ['/usr/bin/chromium', ...onPath.flatMap((dir) => [join(dir, 'chromium'), join(dir, 'chromium-browser')])];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile());
}

function removeStaleStaging(home: string): void {
  const parent = dirname(home);
  const prefix = `${basename(home)}.partial-`;
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const path = join(parent, name);
    if (Date.now() - statSync(path).mtimeMs > STALE_STAGING_MS) rmSync(path, { recursive: true, force: true });
  }
}

/**
 * The package's own extraction, in a child process whose TMPDIR is `dir` (the package extracts
 * into `os.tmpdir()`; jest's sandboxed `process.env` would not reach it).
 */
async function extractInto(dir: string): Promise<void> {
  const script = "require('@sparticuz/chromium').executablePath().then((path) => process.stdout.write(path))";
  const { stdout } = await run(process.execPath, ['-e', script], {
    cwd: __dirname,
    env: { ...process.env, TMPDIR: dir },
    timeout: 300_000,
  });
  if (dirname(stdout) !== dir) throw new Error(`@sparticuz/chromium extracted to ${stdout}, not into ${dir}`);
}

async function packagedChromium(): Promise<Browser> {
  const packageJson = join(dirname(require.resolve('@sparticuz/chromium')), '..', '..', 'package.json');
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const home = join(tmpdir(), `vpc-gateway-chromium-${version}-${process.getuid?.() ?? 'user'}`);
  const binary = join(home, 'chromium');
  if (!existsSync(binary)) {
    removeStaleStaging(home);
    const staging = mkdtempSync(`${home}.partial-`);
    try {
      await extractInto(staging);
      renameSync(staging, home);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      const code = (error as NodeJS.ErrnoException).code;
      // Another process renamed its complete copy into place first.
      if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || !existsSync(binary)) throw error;
    }
  }
  // WebGL is not needed, so neither is the software GL the package would configure for it.
  chromium.setGraphicsMode = false;
  return { executablePath: binary, args: mergeArgs(chromium.args) };
}

export async function resolveBrowser(): Promise<Browser> {
  const configured = process.env['CHROMIUM_PATH'];
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist`);
    return { executablePath: configured, args: BASE_ARGS };
  }
  const system = systemChromium();
  if (system) return { executablePath: system, args: BASE_ARGS };
  return packagedChromium();
}
