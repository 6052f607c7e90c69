/**
 * `npm run schema:emit`: writes the SDL clients and codegen read (`schema.graphql`, repo root).
 * A unit test fails when the committed file drifts from the code.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildGatewaySchema, printGatewaySchema } from './build-schema';

/** dist/graphql/emit.js and src/graphql/emit.ts are both two levels below the repo root. */
export const SCHEMA_FILE = resolve(__dirname, '..', '..', 'schema.graphql');

async function main(): Promise<void> {
  const schema = await buildGatewaySchema();
  writeFileSync(SCHEMA_FILE, printGatewaySchema(schema), 'utf8');
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
