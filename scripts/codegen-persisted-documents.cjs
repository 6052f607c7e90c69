/*
 * graphql-codegen plugin: the trusted-documents manifest of operations/*.graphql, a JSON object
 * `sha256 hex -> document` (codegen.yml writes it to operations/persisted-documents.json).
 *
 * The format, the document text and the hash are exactly those of the client preset's
 * `persistedDocuments: { hashAlgorithm: 'sha256' }` (one document per operation, with the
 * fragments it uses; printed by @graphql-tools/documents, sorted and whitespace-normalized), so a
 * client app built with that option sends the hashes listed here. The preset itself cannot be used:
 * it writes the file only as `persisted-documents.json` inside its own output folder, next to the
 * TypeScript it generates. test/unit/schema/codegen.spec.ts checks both: the committed file is up
 * to date, and equals what the preset produces.
 */
const { createHash } = require('node:crypto');
const { Kind, visit } = require('graphql');
const { printExecutableGraphQLDocument } = require('@graphql-tools/documents');

/** The named fragments `node` spreads, directly or through other fragments. */
function usedFragments(node, fragments, used = new Map()) {
  visit(node, {
    FragmentSpread(spread) {
      const name = spread.name.value;
      const fragment = fragments.get(name);
      if (fragment === undefined || used.has(name)) return;
      used.set(name, fragment);
      usedFragments(fragment, fragments, used);
    },
  });
  return used;
}

module.exports = {
  plugin(_schema, documents) {
    const files = [...documents].sort((a, b) => String(a.location).localeCompare(String(b.location)));
    const definitions = files.flatMap((file) => file.document.definitions);
    const fragments = new Map(definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
    const manifest = {};
    for (const operation of definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)) {
      const document = { kind: Kind.DOCUMENT, definitions: [operation, ...usedFragments(operation, fragments).values()] };
      const text = printExecutableGraphQLDocument(document);
      manifest[createHash('sha256').update(text, 'utf8').digest('hex')] = text;
    }
    return `${JSON.stringify(manifest, null, 2)}\n`;
  },
  validate(_schema, _documents, _config, outputFile) {
    if (!outputFile.endsWith('.json')) throw new Error('codegen-persisted-documents writes JSON: name the output *.json');
  },
};
