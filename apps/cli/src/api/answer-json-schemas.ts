import { firstPageAnswerJsonSchemas } from '@planning-hub/contracts/api/first-page-answers';

/**
 * The JSON Schema of each answer the CLI checks without zod (answer-schema.ts): the input
 * set list, which the SPA's first page checks the same way (contracts/api/first-page-answers.ts,
 * docs/decisions/0010). The bundle holds this module as the value it computes, written out
 * at build time (scripts/build-cli.mjs, answerJsonSchemas), so that it loads no zod; run
 * from source (tests, tsx), the module computes the same value itself.
 */
export const ANSWER_JSON_SCHEMAS = {
  inputSets: firstPageAnswerJsonSchemas().inputSets,
};
