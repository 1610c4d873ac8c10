import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema';
import { type ZodType, z } from 'zod';

/**
 * Responses are written by fast-json-stringify from the JSON Schema of the route's zod response
 * schema. Like zod, it writes only the properties the schema declares, so a row can never leak a
 * column the response does not name; unlike zod's encode it does not re-validate what the server
 * itself produced, which made it the most expensive step of an authenticated request.
 */
export const serializerCompiler: FastifySerializerCompiler<ZodType> = ({ schema }) => {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'output',
    unrepresentable: 'any',
  });
  const stringify = fastJson(json as Parameters<typeof fastJson>[0]);
  return (data: unknown) => stringify(data);
};
