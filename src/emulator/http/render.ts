/**
 * Response bodies in both Formats Alibaba serves: JSON (the SDK default) and XML.
 */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../api-error';
import { JsonInteger } from '../contract';

export type ResponseFormat = 'JSON' | 'XML';

export const JSON_CONTENT_TYPE = 'application/json;charset=utf-8';
/** Exactly this string: the SDK only parses an XML error body when content-type equals it. */
export const XML_CONTENT_TYPE = 'text/xml;charset=utf-8';

export interface RenderedBody {
  contentType: string;
  body: string;
}

/** `Format` is case-insensitive; absent means JSON. Anything else is `InvalidParameter.Format`. */
export function parseFormat(value: string | undefined): ResponseFormat {
  if (value === undefined || value === '') return 'JSON';
  const upper = value.toUpperCase();
  if (upper === 'JSON' || upper === 'XML') return upper;
  throw new ApiError(400, 'InvalidParameter.Format', 'Specified parameter Format is not valid.');
}

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

/* `JsonInteger` as bare digits: the replacer swaps in markers, which then lose their quotes (docs/emulator.md#how-it-is-built). */
const INTEGER_MARKER = `JsonInteger:${randomUUID()}:`;
const QUOTED_MARKER = new RegExp(`"${INTEGER_MARKER}(-?\\d+)"`, 'g');

function hasToJson(value: object): value is { toJSON(): unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** `JSON.stringify` semantics, plus JsonInteger (and bigint) written as bare digits. */
export function toJson(value: unknown): string {
  let marked = false;
  const text = JSON.stringify(value, function (this: Record<string, unknown>, key: string, member: unknown) {
    // The replacer sees values after toJSON(); the holder still has the JsonInteger itself.
    const raw = this[key];
    if (raw instanceof JsonInteger) {
      marked = true;
      return INTEGER_MARKER + raw.digits;
    }
    if (typeof member === 'bigint') {
      marked = true;
      return INTEGER_MARKER + member.toString();
    }
    return member;
  }) as string | undefined;
  if (text === undefined) return 'null';
  return marked ? text.replace(QUOTED_MARKER, '$1') : text;
}

// ---------------------------------------------------------------------------------------------
// XML
// ---------------------------------------------------------------------------------------------

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const XML_NAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;
/** Characters XML 1.0 cannot carry at all, not even as references; plus lone surrogates. */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXmlText(text: string): string {
  return text
    .replace(XML_FORBIDDEN, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function xmlName(name: string): string {
  // Element names come from the domain's field names, never from request input.
  if (!XML_NAME.test(name)) throw new Error(`cannot render field name as XML element: ${JSON.stringify(name)}`);
  return name;
}

function scalarText(value: unknown): string {
  if (value instanceof JsonInteger) return value.digits;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return escapeXmlText(String(value));
}

/** One `<name>…</name>`; an array repeats `<name>` once per item (how Alibaba renders lists). */
function xmlElement(name: string, value: unknown, out: string[]): void {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return;
  const tag = xmlName(name);
  if (Array.isArray(value)) {
    for (const item of value) xmlElement(tag, item, out);
    return;
  }
  if (value === null) {
    out.push(`<${tag}/>`);
    return;
  }
  if (typeof value === 'object' && !(value instanceof JsonInteger)) {
    const plain = hasToJson(value) ? value.toJSON() : value;
    if (plain === null || typeof plain !== 'object') {
      out.push(`<${tag}>${scalarText(plain)}</${tag}>`);
      return;
    }
    out.push(`<${tag}>`);
    xmlMembers(plain as Record<string, unknown>, out);
    out.push(`</${tag}>`);
    return;
  }
  out.push(`<${tag}>${scalarText(value)}</${tag}>`);
}

function xmlMembers(value: Record<string, unknown>, out: string[]): void {
  for (const [key, member] of Object.entries(value)) xmlElement(key, member, out);
}

export function toXml(rootName: string, body: Record<string, unknown>): string {
  const out: string[] = [XML_DECLARATION];
  xmlElement(rootName, body, out);
  return out.join('');
}

// ---------------------------------------------------------------------------------------------
// Success and error bodies
// ---------------------------------------------------------------------------------------------

export function renderSuccess(action: string, body: Record<string, unknown>, format: ResponseFormat): RenderedBody {
  return format === 'XML'
    ? { contentType: XML_CONTENT_TYPE, body: toXml(`${action}Response`, body) }
    : { contentType: JSON_CONTENT_TYPE, body: toJson(body) };
}

const FALLBACK_HOST_ID = 'vpc.aliyuncs.com';
const PLAUSIBLE_HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/** The Host header when it looks like `host[:port]`; never echo arbitrary header bytes. */
export function hostIdFrom(hostHeader: string | undefined): string {
  if (hostHeader === undefined || hostHeader.length > 260 || !PLAUSIBLE_HOST.test(hostHeader)) return FALLBACK_HOST_ID;
  return hostHeader;
}

/** The diagnosis link of Alibaba's documented error body, for product Vpc. */
function recommendUrl(code: string, requestId: string): string {
  return `https://api.alibabacloud.com/troubleshoot?intl_lang=EN_US&q=${encodeURIComponent(code)}&product=Vpc&requestId=${encodeURIComponent(requestId)}`;
}

export interface ErrorContext {
  requestId: string;
  hostId: string;
}

export function renderError(error: ApiError, context: ErrorContext, format: ResponseFormat): RenderedBody {
  const body = {
    RequestId: context.requestId,
    HostId: context.hostId,
    Code: error.code,
    Message: error.message,
    Recommend: recommendUrl(error.code, context.requestId),
  };
  return format === 'XML'
    ? { contentType: XML_CONTENT_TYPE, body: toXml('Error', body) }
    : { contentType: JSON_CONTENT_TYPE, body: toJson(body) };
}
