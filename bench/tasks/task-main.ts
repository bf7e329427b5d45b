/**
 * A task process: `node --import tsx bench/tasks/task-main.ts <task> <options json> <result file>`.
 * Started by bench/run.ts, one process per measured path and size.
 */
import { writeFile } from 'node:fs/promises';
import { peakRssMb } from '../lib/measure';
import { runApiLoadTask } from './api-load-task';
import { runDiffTask } from './diff-task';
import { runExportTask } from './export-task';
import { runHashTask } from './hash-task';
import { runImportTask } from './import-task';
import type { TTask, TTaskOptions, TTaskResult } from './task-types';
import { runUploadTask } from './upload-task';
import { runValidateTask } from './validate-task';

const TASKS: Record<string, TTask> = {
  import: runImportTask,
  upload: runUploadTask,
  export: runExportTask,
  hash: runHashTask,
  diff: runDiffTask,
  validate: runValidateTask,
  api_load: runApiLoadTask,
};

const [name = '', optionsJson = '{}', resultFile = ''] = process.argv.slice(2);
const task = TASKS[name];
if (!task || !resultFile)
  throw new Error(`usage: task-main.ts <${Object.keys(TASKS).join('|')}> <options json> <result file>`);
const startRssMb = process.memoryUsage().rss / 1024 / 1024;
const outcome = await task(JSON.parse(optionsJson) as TTaskOptions);
const result: TTaskResult = { ...outcome, peakRssMb: peakRssMb(), startRssMb };
await writeFile(resultFile, `${JSON.stringify(result, null, 2)}\n`);
