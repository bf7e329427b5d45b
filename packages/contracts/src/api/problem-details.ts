import { z } from 'zod';
import { ZProblem } from '../problems';
import { ZImportReport } from './input-sets';

const ZMessageParams = z.record(z.string(), z.union([z.string(), z.number()]));

/**
 * RFC 9457 problem details, as every API error is answered. `title`, `detail` and `hint`
 * are in the language the request's Accept-Language asks for (Japanese or English);
 * `messageCode` and `params` (and `hintCode`, `hintParams`) let a client say them in its
 * own (packages/contracts/src/messages).
 */
export const ZProblemDetails = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  /** What kind of error (bad_request, not_found, conflict, ...): stable, for programs. */
  code: z.string(),
  /** Which message `detail` is: a code of the message catalog, finer than `code`. */
  messageCode: z.string(),
  params: ZMessageParams,
  requestId: z.string().optional(),
  /** Validation records of a rejected bundle (docs/design.md section 3). */
  errors: z.array(ZProblem).optional(),
  /** Extra help, e.g. the `foo@draft` hint of a not-found label. */
  hint: z.string().optional(),
  hintCode: z.string().optional(),
  hintParams: ZMessageParams.optional(),
  /** A refused upload (422): the whole import report, as a stored one is answered (the CLI writes it to tmp/reports/). */
  report: ZImportReport.optional(),
});
export type TProblemDetails = z.infer<typeof ZProblemDetails>;
