/**
 * The committed codegen outputs must be what codegen.yml produces from the committed SDL and
 * operations/*.graphql today: stale typed documents (test/generated/) would type-check tests
 * against an API that no longer exists, and a stale trusted-documents manifest
 * (operations/persisted-documents.json) would make a gateway started with it refuse the shipped
 * operations. Fix with `npm run codegen`. (test/unit/graphql/schema.spec.ts ties the SDL to the code.)
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';

const ROOT = resolve(__dirname, '..', '..', '..');
const MANIFEST = 'operations/persisted-documents.json';

async function codegenConfig(): Promise<Types.Config> {
  return (await loadCodegenConfig({ configFilePath: join(ROOT, 'codegen.yml') })).config;
}

/** The outputs of `config`, without writing them. */
async function outputs(config: Types.Config): Promise<{ filename: string; content: string }[]> {
  // generate() is typed `any` (watch mode); without saving it returns the file outputs.
  return (await generate({ ...config, cwd: ROOT, silent: true }, false)) as { filename: string; content: string }[];
}

it('every output of codegen.yml (test/generated/, the trusted-documents manifest) is what it produces now', async () => {
  const generated = await outputs(await codegenConfig());
  expect(generated.map((output) => output.filename).sort()).toEqual([
    MANIFEST,
    'test/generated/gql.ts',
    'test/generated/graphql.ts',
    'test/generated/index.ts',
  ]);
  for (const output of generated) {
    const committed = readFileSync(resolve(ROOT, output.filename), 'utf8');
    // Compared as objects so a failure names the stale file.
    expect({ file: output.filename, content: committed }).toEqual({ file: output.filename, content: output.content });
  }
}, 60_000);

it('the manifest is what the client preset writes with persistedDocuments (sha256): the hashes a client app built with it sends', async () => {
  const config = await codegenConfig();
  const typed = config.generates['test/generated/'] as Types.ConfiguredOutput;
  const withHashes: Types.Config = {
    ...config,
    generates: {
      'test/generated/': { ...typed, presetConfig: { ...typed.presetConfig, persistedDocuments: { hashAlgorithm: 'sha256' } } },
    },
  };
  const presetManifest = (await outputs(withHashes)).find((output) => output.filename === 'test/generated/persisted-documents.json');
  expect(presetManifest).toBeDefined();
  const committed = JSON.parse(readFileSync(resolve(ROOT, MANIFEST), 'utf8')) as Record<string, string>;
  expect(Object.keys(committed).length).toBeGreaterThan(0);
  expect(committed).toEqual(JSON.parse(presetManifest?.content ?? '{}'));
}, 60_000);
