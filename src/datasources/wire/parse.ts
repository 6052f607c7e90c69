/**
 * Response bodies -> plain objects: JSON (what the gateway asks for) and XML (what an error may
 * come back as), with 64-bit integers kept exact as digit strings (docs/datasource.md#mapping).
 *
 * Hand-written because Node 20's JSON.parse has no source-text access, and the lossless parsers
 * (json-bigint, lossless-json) replace the native parser with a JavaScript one for every body.
 */
import { XMLParser } from 'fast-xml-parser';

export class BodyParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BodyParseError';
  }
}

/** A JSON string literal, or a number literal (the only two places digits can appear). */
const STRING_OR_NUMBER = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
/**
 * A 16+ digit integer in value position (after `:`, `[` or `,`, before `,`, `]` or `}`). It can
 * also match inside a string value ("a:12345678901234567,"); quoting there always breaks the JSON,
 * so such a body falls back to the exact tokenizer: the result is the same either way.
 */
const BIG_INTEGER_VALUE = /([:[,]\s*)(-?\d{16,})(?=\s*[,\]}])/g;

const quoteUnsafe = (token: string): string => (Number.isSafeInteger(Number(token)) ? token : `"${token}"`);

function parseOrThrow(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BodyParseError(`invalid JSON (${error instanceof Error ? error.message.slice(0, 80) : 'parse error'})`);
  }
}

export function parseJsonLossless(text: string): unknown {
  let quoted = false;
  const fast = text.replace(BIG_INTEGER_VALUE, (match: string, before: string, digits: string) => {
    const replacement = quoteUnsafe(digits);
    if (replacement === digits) return match;
    quoted = true;
    return before + replacement;
  });
  if (!quoted) return parseOrThrow(text);
  try {
    return JSON.parse(fast) as unknown;
  } catch {
    // A false match inside a string: redo it exactly, token by token.
    const exact = text.replace(STRING_OR_NUMBER, (token) =>
      token.startsWith('"') || /[.eE]/.test(token) ? token : quoteUnsafe(token),
    );
    return parseOrThrow(exact);
  }
}

const xmlParser = new XMLParser({
  ignoreAttributes: true,
  // Everything stays text: the mappers convert numbers and booleans field by field.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: { enabled: true, maxEntitySize: 1000, maxEntityCount: 100 },
});

/** Parses an XML body and unwraps its root element (`<Error>`, `<{Action}Response>`). */
function parseXml(text: string): unknown {
  let doc: unknown;
  try {
    doc = xmlParser.parse(text, true);
  } catch (error) {
    throw new BodyParseError(`invalid XML (${error instanceof Error ? error.message.slice(0, 80) : 'parse error'})`);
  }
  if (typeof doc !== 'object' || doc === null) throw new BodyParseError('empty XML document');
  const roots = Object.values(doc as Record<string, unknown>);
  if (roots.length !== 1) throw new BodyParseError('XML document without a single root element');
  const root = roots[0];
  // `<Error/>` or a root holding only text carries no fields.
  return typeof root === 'object' && root !== null ? root : {};
}

/** JSON unless the content type or the first character says XML. Must yield an object. */
export function parseBody(contentType: string | null, text: string): Record<string, unknown> {
  const trimmed = text.trimStart();
  if (trimmed === '') throw new BodyParseError('empty body');
  const isXml = /\bxml\b/i.test(contentType ?? '') || trimmed.startsWith('<');
  const value = isXml ? parseXml(trimmed) : parseJsonLossless(trimmed);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BodyParseError('the body is not an object');
  }
  return value as Record<string, unknown>;
}
