/**
 * The committed typed documents (test/generated/) must be what codegen produces from the committed
 * SDL and operations/*.graphql today: stale generated code would type-check tests against an API
 * that no longer exists. Fix with `npm run codegen`. (test/unit/graphql/schema.spec.ts ties the SDL to the code.)
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';

const ROOT = resolve(__dirname, '..', '..', '..');

it('test/generated/ is what codegen.yml produces now', async () => {
  const { config } = await loadCodegenConfig({ configFilePath: join(ROOT, 'codegen.yml') });
  // generate() is typed `any` (watch mode); without saving it returns the file outputs.
  const outputs = (await generate({ ...config, cwd: ROOT, silent: true }, false)) as { filename: string; content: string }[];
  expect(outputs.map((output) => output.filename).sort()).toEqual([
    'test/generated/gql.ts',
    'test/generated/graphql.ts',
    'test/generated/index.ts',
  ]);
  for (const output of outputs) {
    const committed = readFileSync(resolve(ROOT, output.filename), 'utf8');
    // Compared as objects so a failure names the stale file.
    expect({ file: output.filename, content: committed }).toEqual({ file: output.filename, content: output.content });
  }
}, 60_000);
