import type { z } from 'zod';
import {
  JsonSchemaMismatch,
  jsonSchemaParser,
  type TJsonSchema,
} from '@planning-hub/contracts/api/json-schema-parser';

/**
 * What the CLI checks an answer of the server with: a zod schema of the contracts, or
 * answerByJsonSchema's stand-in for one. Only safeParse is used, and awaited.
 */
export type TAnswerSchema<T> = {
  safeParse: (data: unknown) => z.ZodSafeParseResult<T> | Promise<z.ZodSafeParseResult<T>>;
};

/**
 * An answer checked by the JSON Schema of its zod schema (written at build time,
 * answer-json-schemas.ts), so that a command whose answer is as the contract says loads no
 * zod: zod and the contracts' schemas are most of what `planning list` loaded
 * (docs/performance.md, CLI start-up). The checker accepts, refuses and returns what the
 * zod schema does (contracts/api/first-page-answers.test.ts); an answer it refuses is
 * parsed again by the zod schema itself, loaded then, so that the error names the same
 * field with the same words as before (api-client.ts, parseJson).
 */
export function answerByJsonSchema<T>(
  jsonSchema: TJsonSchema,
  loadZodSchema: () => Promise<z.ZodType<T>>,
): TAnswerSchema<T> {
  const parser = jsonSchemaParser<T>(jsonSchema);
  return {
    safeParse: async (data) => {
      try {
        return { success: true, data: parser.parse(data) };
      } catch (error) {
        if (!(error instanceof JsonSchemaMismatch)) throw error;
        return (await loadZodSchema()).safeParse(data);
      }
    },
  };
}
