import { z } from 'zod';
import { ZSession } from './auth';
import { ZListInputSetsResponse } from './input-sets';
import type { TJsonSchema } from './json-schema-parser';

/**
 * The answers the SPA parses before its first page is usable: GET /api/auth/me (and
 * sign-in's) and the input set list. The SPA parses them by their JSON Schema
 * (json-schema-parser.ts), written from these schemas when the SPA is built
 * (apps/web/vite.config.ts), so that the first page loads no zod (docs/performance.md,
 * Browser). The API parses them with the schemas themselves; `planning list` checks the
 * list by the same JSON Schema (apps/cli/src/api/answer-json-schemas.ts).
 */
export const FIRST_PAGE_ANSWERS = {
  session: ZSession,
  inputSets: ZListInputSetsResponse,
} as const;

export type TFirstPageAnswer = keyof typeof FIRST_PAGE_ANSWERS;
export type TFirstPageAnswers = { [K in TFirstPageAnswer]: z.infer<(typeof FIRST_PAGE_ANSWERS)[K]> };

/** Each first-page answer's JSON Schema, as the SPA's build writes it. */
export function firstPageAnswerJsonSchemas(): Record<TFirstPageAnswer, TJsonSchema> {
  return {
    session: z.toJSONSchema(FIRST_PAGE_ANSWERS.session) as TJsonSchema,
    inputSets: z.toJSONSchema(FIRST_PAGE_ANSWERS.inputSets) as TJsonSchema,
  };
}
