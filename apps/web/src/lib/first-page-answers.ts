import type { TFirstPageAnswers } from '@planning-hub/contracts/api/first-page-answers';
import { jsonSchemaParser } from '@planning-hub/contracts/api/json-schema-parser';
import { FIRST_PAGE_ANSWER_SCHEMAS } from './first-page-answer-schemas';

/**
 * The session (GET /api/auth/me, sign-in) and the input set list, parsed by the JSON Schema
 * of their contract's zod schema (ZSession, ZListInputSetsResponse): the list page is
 * usable without loading zod (docs/performance.md, Browser). An answer that does not
 * match is refused as any other (apiRequest's contract mismatch).
 */
export const sessionAnswer = jsonSchemaParser<TFirstPageAnswers['session']>(
  FIRST_PAGE_ANSWER_SCHEMAS.session,
);
export const inputSetsAnswer = jsonSchemaParser<TFirstPageAnswers['inputSets']>(
  FIRST_PAGE_ANSWER_SCHEMAS.inputSets,
);
