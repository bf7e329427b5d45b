import { z } from 'zod';
import { ZProblem } from '../problems';
import { ZImportReport } from './input-sets';

/** RFC 9457 problem details, as every API error is answered. */
export const ZProblemDetails = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  requestId: z.string().optional(),
  /** Validation records of a rejected bundle (DESIGN.md section 3). */
  errors: z.array(ZProblem).optional(),
  /** Extra help, e.g. the `foo@draft` hint of a not-found label. */
  hint: z.string().optional(),
  /** A refused upload (422): the whole import report, as a stored one is answered (the CLI writes it to tmp/reports/). */
  report: ZImportReport.optional(),
});
export type TProblemDetails = z.infer<typeof ZProblemDetails>;
