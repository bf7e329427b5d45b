import { firstPageAnswerJsonSchemas } from '@planning-hub/contracts/api/first-page-answers';

/**
 * The JSON Schema of each answer the first page parses, written from its zod schema
 * (packages/contracts, api/first-page-answers.ts). The production build replaces this
 * module by the value it computes, written out at build time (vite.config.ts,
 * firstPageAnswerSchemas), so that the first page loads no zod (docs/performance.md, Browser).
 */
export const FIRST_PAGE_ANSWER_SCHEMAS = firstPageAnswerJsonSchemas();
