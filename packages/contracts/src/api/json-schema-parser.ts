/**
 * The part of JSON Schema (draft 2020-12) that `z.toJSONSchema` writes for the answers
 * in first-page-answers.ts and the files the CLI reads (apps/cli/src/api/answer-json-schemas.ts):
 * plain data, no zod.
 */
export type TJsonSchema = {
  $schema?: string;
  type?: TJsonType | readonly TJsonType[];
  enum?: readonly unknown[];
  /** z.literal. */
  const?: unknown;
  anyOf?: readonly TJsonSchema[];
  properties?: Readonly<Record<string, TJsonSchema>>;
  required?: readonly string[];
  additionalProperties?: boolean | TJsonSchema;
  propertyNames?: TJsonSchema;
  items?: TJsonSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  pattern?: string;
  /** zod writes `date-time` next to the pattern that checks it; `uri` is z.url(). */
  format?: 'date-time' | 'uri';
};

type TJsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

const KEYWORDS = new Set<string>([
  '$schema',
  'type',
  'enum',
  'const',
  'anyOf',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  'minimum',
  'maximum',
  'minLength',
  'pattern',
  'format',
]);
const FORMATS = new Set<unknown>(['date-time', 'uri']);

/** What z.url() strips from a URL before it checks it, and from the value it returns. */
const URL_BLANKS = /^\s|\s$|[\t\n\r]/;

/** An answer that does not match its schema; `path` says where. */
export class JsonSchemaMismatch extends Error {
  constructor(readonly path: string) {
    super(`The value at ${path || '/'} does not match its schema.`);
    this.name = 'JsonSchemaMismatch';
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(type: TJsonType, value: unknown): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeof value === type;
  }
}

/** Refuses a keyword this parser does not check, so that a schema grown past it fails loudly. */
function assertKnownKeywords(schema: TJsonSchema, path: string): void {
  for (const keyword of Object.keys(schema))
    if (!KEYWORDS.has(keyword))
      throw new Error(`json-schema-parser: "${keyword}" at ${path || '/'} is not supported.`);
  if (schema.format !== undefined && !FORMATS.has(schema.format))
    throw new Error(
      `json-schema-parser: format "${String(schema.format)}" at ${path || '/'} is not supported.`,
    );
  for (const option of schema.anyOf ?? []) assertKnownKeywords(option, path);
  for (const [key, property] of Object.entries(schema.properties ?? {}))
    assertKnownKeywords(property, `${path}/${key}`);
  if (typeof schema.additionalProperties === 'object')
    assertKnownKeywords(schema.additionalProperties, `${path}/*`);
  if (schema.propertyNames) assertKnownKeywords(schema.propertyNames, `${path}/(name)`);
  if (schema.items) assertKnownKeywords(schema.items, `${path}/*`);
}

/**
 * The value as zod's parse gives it: checked against `schema`, with the keys an object's
 * schema does not name dropped (`additionalProperties: false` is zod's "strip", not a refusal).
 */
function conform(schema: TJsonSchema, value: unknown, path: string, patterns: Map<string, RegExp>): unknown {
  if (schema.anyOf) {
    for (const option of schema.anyOf) {
      try {
        return conform(option, value, path, patterns);
      } catch (error) {
        if (!(error instanceof JsonSchemaMismatch)) throw error;
      }
    }
    throw new JsonSchemaMismatch(path);
  }
  const types =
    schema.type === undefined ? [] : typeof schema.type === 'string' ? [schema.type] : schema.type;
  if (types.length > 0 && !types.some((type) => hasType(type, value))) throw new JsonSchemaMismatch(path);
  if (schema.enum && !schema.enum.includes(value)) throw new JsonSchemaMismatch(path);
  if (Object.hasOwn(schema, 'const') && value !== schema.const) throw new JsonSchemaMismatch(path);
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) throw new JsonSchemaMismatch(path);
    if (schema.maximum !== undefined && value > schema.maximum) throw new JsonSchemaMismatch(path);
  }
  // Lengths in UTF-16 code units, as zod's .min() counts them.
  if (typeof value === 'string' && schema.minLength !== undefined && value.length < schema.minLength)
    throw new JsonSchemaMismatch(path);
  // A URL with blanks that z.url() would strip is left to zod, which returns it changed.
  if (
    typeof value === 'string' &&
    schema.format === 'uri' &&
    (URL_BLANKS.test(value) || !URL.canParse(value))
  )
    throw new JsonSchemaMismatch(path);
  if (typeof value === 'string' && schema.pattern !== undefined) {
    let pattern = patterns.get(schema.pattern);
    if (!pattern) {
      pattern = new RegExp(schema.pattern);
      patterns.set(schema.pattern, pattern);
    }
    if (!pattern.test(value)) throw new JsonSchemaMismatch(path);
  }
  if (Array.isArray(value) && schema.items) {
    const items = schema.items;
    return value.map((item, index) => conform(items, item, `${path}/${index}`, patterns));
  }
  if (isObject(value)) return conformObject(schema, value, path, patterns);
  return value;
}

function conformObject(
  schema: TJsonSchema,
  value: Record<string, unknown>,
  path: string,
  patterns: Map<string, RegExp>,
): Record<string, unknown> {
  for (const key of schema.required ?? [])
    if (!Object.hasOwn(value, key)) throw new JsonSchemaMismatch(`${path}/${key}`);
  const result: Record<string, unknown> = {};
  // Keys in zod's order, which `planning list --json` prints: an object's properties as its
  // schema names them, a record keyed by an enum in the enum's order, then the rest as they came.
  const named = [...Object.keys(schema.properties ?? {}), ...(schema.propertyNames?.enum ?? [])];
  const keys = new Set(
    named.filter((key): key is string => typeof key === 'string' && Object.hasOwn(value, key)),
  );
  for (const key of Object.keys(value)) keys.add(key);
  for (const key of keys) {
    const item = value[key];
    if (schema.propertyNames) conform(schema.propertyNames, key, `${path}/${key}`, patterns);
    const property =
      schema.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
    const additional = schema.additionalProperties;
    const itemSchema = property ?? (typeof additional === 'object' ? additional : undefined);
    if (itemSchema) result[key] = conform(itemSchema, item, `${path}/${key}`, patterns);
    else if (additional !== false) result[key] = item;
  }
  return result;
}

/**
 * A parser of JSON answers by the JSON Schema that `z.toJSONSchema` writes for their zod
 * schema: what a zod parse would accept, refuse and return, without zod (the SPA's first
 * page, docs/performance.md, Browser). `T` is the zod schema's output type; which schema a
 * JSON Schema was written from is the caller's to say (first-page-answers.ts).
 */
export function jsonSchemaParser<T>(schema: TJsonSchema): { parse: (data: unknown) => T } {
  assertKnownKeywords(schema, '');
  const patterns = new Map<string, RegExp>();
  return { parse: (data) => conform(schema, data, '', patterns) as T };
}
