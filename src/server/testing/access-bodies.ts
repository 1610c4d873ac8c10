/**
 * Minimal valid request bodies and query strings for the authorisation matrix, made from each
 * route's own zod schema (its JSON Schema): only the required fields, each with the simplest value
 * the schema takes, ids filled from the test world by the field's name. A role the matrix expects
 * to be refused must meet a body that passes validation — Fastify validates before the handler, so
 * a bad body would answer 400 before the access check had a say. Every body is checked with the
 * schema's `safeParse`, so a gap of this generator fails the test instead of hiding behind a 400.
 */
import { z } from 'zod';

/** A version no record has: a change that passes the access check then answers 409, and changes nothing. */
export const STALE_VERSION = 424_242;

/** A JSON Schema node as zod 4 writes it, as far as the generator reads it. */
interface Js {
  type?: string | string[];
  properties?: Record<string, Js>;
  required?: string[];
  items?: Js;
  minItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Js[];
  oneOf?: Js[];
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
}

/** The world's id for a field name (`institutionId`, `clientId`…); undefined when it has none. */
export type IdLookup = (field: string) => string | undefined;

/** Values tried, in order, for a string with a pattern (a TOTP code, a language code, a time). */
const patterned = ['000000', 'deu', '09:30', 'DE', 'matrix'];

let serial = 0;
const today = () => new Date().toISOString().slice(0, 10);

function stringFor(s: Js, field: string, ids: IdLookup): string {
  if (s.format === 'uuid') {
    const id = ids(field);
    if (!id) throw new Error(`the world has no id for the field "${field}"`);
    return id;
  }
  if (s.format === 'date') return today();
  if (s.format === 'date-time') return new Date().toISOString();
  if (s.format === 'email' || /e-?mail/i.test(field)) return `matrix-${++serial}@example.org`;
  if (s.pattern) {
    const pattern = new RegExp(s.pattern);
    const fits = patterned.find((v) => pattern.test(v));
    if (!fits) throw new Error(`no value for the field "${field}" with the pattern ${s.pattern}`);
    return fits;
  }
  return `Matrix value ${++serial}`.padEnd(s.minLength ?? 0, '.');
}

function valueFor(s: Js, field: string, ids: IdLookup): unknown {
  if ('const' in s) return s.const;
  if (s.enum) return s.enum[0];
  const options = s.anyOf ?? s.oneOf;
  if (options) {
    // A field that may be null is sent as null: nothing to invent, nothing to refer to.
    if (options.some((o) => o.type === 'null')) return null;
    return valueFor(options[0] as Js, field, ids);
  }
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object':
      return objectFor(s, ids);
    case 'array': {
      const item = field.endsWith('Ids') ? field.slice(0, -1) : field;
      return Array.from({ length: s.minItems ?? 0 }, () => valueFor(s.items ?? {}, item, ids));
    }
    case 'string':
      return stringFor(s, field, ids);
    case 'integer':
    case 'number':
      return field === 'version' ? STALE_VERSION : Math.max(s.minimum ?? 1, 1);
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return {};
  }
}

function objectFor(s: Js, ids: IdLookup): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of s.required ?? []) out[name] = valueFor(s.properties?.[name] ?? {}, name, ids);
  return out;
}

const jsonSchemaOf = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Js;

/** The smallest object the schema takes (its required fields), with `overrides` laid over it. */
export function minimalObject(
  schema: z.ZodType,
  ids: IdLookup,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return { ...objectFor(jsonSchemaOf(schema), ids), ...overrides };
}

/** A query string's values as text (numbers and booleans as the URL carries them). */
export function queryString(values: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    for (const v of Array.isArray(value) ? value : [value]) if (v !== null) search.append(name, String(v));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Why the schema refuses the value (its issues), or null when it takes it. */
export function refusal(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  return result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
}

/** The route's zod schemas, as fastify-type-provider-zod keeps them on the route. */
export interface RouteSchemas {
  body?: z.ZodType;
  querystring?: z.ZodType;
  params?: z.ZodType;
  consumes?: string[];
}

/** The fields of an object schema that hold a uuid (a route's id-like path parameters). */
export function uuidFields(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const properties = jsonSchemaOf(schema).properties ?? {};
  return Object.keys(properties).filter((name) => properties[name]?.format === 'uuid');
}
