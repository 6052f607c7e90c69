#!/usr/bin/env node
/*
 * Builds the offline playground: GraphiQL (from the `graphiql` package) bundled with esbuild into
 * dist/playground/{playground.js,playground.css}, plus dist/playground/operations.json, the
 * example operations of operations/*.graphql that the page opens as tabs.
 *
 * Run by `npm run build`. Usage: node scripts/build-playground.mjs [outDir]
 */
import { build } from 'esbuild';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(process.argv[2] ?? join(root, 'dist', 'playground'));

async function readOperations() {
  const dir = join(root, 'operations');
  let names = [];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.graphql')).sort();
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  return Promise.all(
    names.map(async (name) => ({ title: basename(name, '.graphql'), query: await readFile(join(dir, name), 'utf8') })),
  );
}

const started = Date.now();
await mkdir(outDir, { recursive: true });
await build({
  entryPoints: { playground: join(root, 'scripts', 'build-playground.client.jsx') },
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'iife',
  platform: 'browser',
  target: ['es2020'],
  outdir: outDir,
  jsx: 'transform',
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl' },
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'linked',
  logLevel: 'warning',
});
const operations = await readOperations();
await writeFile(join(outDir, 'operations.json'), `${JSON.stringify(operations, null, 2)}\n`);
console.log(
  `playground: bundled GraphiQL and ${operations.length} example operation(s) into ${outDir} in ${Date.now() - started} ms`,
);
