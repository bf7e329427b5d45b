import { z } from 'zod';
import { firstPageAnswerJsonSchemas } from '@planning-hub/contracts/api/first-page-answers';
import type { TJsonSchema } from '@planning-hub/contracts/api/json-schema-parser';
import { ZLocalServerFile } from '@planning-hub/contracts/local-server';
import { ZCredentialsFile } from '../connection/credentials-schema';

/**
 * The JSON Schema of each answer and file the CLI checks without zod (answer-schema.ts):
 * the input set list, which the SPA's first page checks the same way
 * (contracts/api/first-page-answers.ts, docs/decisions/0010), and the two files a command
 * may read before it asks anything: `npm start`'s server.json and `planning login`'s
 * credentials.json. The bundle holds this module as the value it computes, written out at
 * build time (scripts/build-cli.mjs, answerJsonSchemas), so that it loads no zod; run from
 * source (tests, tsx), the module computes the same value itself.
 */
export const ANSWER_JSON_SCHEMAS = {
  inputSets: firstPageAnswerJsonSchemas().inputSets,
  localServerFile: z.toJSONSchema(ZLocalServerFile) as TJsonSchema,
  credentialsFile: z.toJSONSchema(ZCredentialsFile) as TJsonSchema,
};
