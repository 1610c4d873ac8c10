import type { FastifySchemaCompiler } from 'fastify';
import { type ZodType, z } from 'zod';

/** The mark fastify-type-provider-zod puts on its validation errors; the error handler reads it. */
const zodValidationError = Symbol.for('ZodFastifySchemaValidationError');

function validationError(path: (string | number)[], message: string, keyword: string) {
  return {
    [zodValidationError]: true,
    keyword,
    instancePath: `/${path.join('/')}`,
    schemaPath: `#/${path.join('/')}/${keyword}`,
    message,
    params: {},
  };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The fields of a body that its schema did not keep. zod drops unknown keys without a word, so a
 * misspelt field (`status` for `active`) answered 200 and changed nothing. Comparing what came in
 * with what the schema made of it finds them wherever they are, and leaves alone what a schema
 * deliberately keeps open (records, passthrough objects).
 */
export function unknownFields(input: unknown, output: unknown, path: (string | number)[] = []) {
  const found: (string | number)[][] = [];
  if (Array.isArray(input) && Array.isArray(output) && input.length === output.length) {
    input.forEach((item, i) => {
      found.push(...unknownFields(item, output[i], [...path, i]));
    });
  } else if (isPlainObject(input) && isPlainObject(output)) {
    for (const [key, value] of Object.entries(input)) {
      if (Object.hasOwn(output, key)) found.push(...unknownFields(value, output[key], [...path, key]));
      else found.push([...path, key]);
    }
  }
  return found;
}

/**
 * Validates params, query and body with the route's zod schema. A body must not carry a field the
 * route does not know: 400 naming it. (Query strings may: links and caches add their own.)
 */
export const validatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    let result: ReturnType<typeof z.safeParse>;
    try {
      result = z.safeParse(schema, data);
    } catch (error) {
      // A refinement that cannot cope with the input (JSON nested 100,000 deep overflows the
      // stack of JSON.stringify) is bad input, not a server error.
      if (!(error instanceof RangeError)) throw error;
      return { error: [validationError([], 'is nested too deeply', 'too_deep')] as unknown as Error };
    }
    if (!result.success) {
      return {
        error: result.error.issues.map((issue) =>
          validationError(
            issue.path.filter((p) => typeof p !== 'symbol'),
            issue.message,
            issue.code,
          ),
        ) as unknown as Error,
      };
    }
    if (httpPart === 'body') {
      const unknown = unknownFields(data, result.data);
      if (unknown.length > 0) {
        return {
          error: unknown.map((path) =>
            validationError(path, 'is not a field of this request', 'unrecognized_keys'),
          ) as unknown as Error,
        };
      }
    }
    return { value: result.data };
  };
