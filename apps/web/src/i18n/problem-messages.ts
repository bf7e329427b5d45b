import type { TProblem } from '@planning-hub/contracts/problems';
import type { TTranslate } from './i18n-context';

/** The JSON bundle file: its unknown entries are reported as `unknown_file` of the whole file. */
const JSON_BUNDLE_FILE = 'input_set.json';

/**
 * A validation problem in the reader's language, built from its record's fields
 * (code, table, file, row, column, value). Null when the message needs more than
 * the fields hold (a share sum, a parser's own words, the bytes that failed to decode):
 * the server's English message is shown then, until the server sends those as fields too.
 */
export function translateProblem(problem: TProblem, t: TTranslate): string | null {
  const { table, file, column, value } = problem;
  const vars = { table: table ?? '', file: file ?? '', column: column ?? '', value: value ?? '' };
  switch (problem.code) {
    case 'missing_file':
      return table ? t('problem.missing_file', vars) : null;
    case 'missing_column':
      if (!file || !column) return null;
      return t(value ? 'problem.missing_column.renamed' : 'problem.missing_column', vars);
    case 'duplicate_column':
      return file && column ? t('problem.duplicate_column', vars) : null;
    case 'empty_file':
      return file ? t('problem.empty_file', vars) : null;
    case 'wrong_type':
      if (!column) return null;
      return t(value ? 'problem.wrong_type' : 'problem.wrong_type.empty', vars);
    case 'out_of_range':
      return column && value !== null ? t('problem.out_of_range', vars) : null;
    case 'invalid_code':
      return column && value !== null ? t('problem.invalid_code', vars) : null;
    case 'duplicate_key':
      return column && value ? t('problem.duplicate_key', vars) : null;
    case 'period_granularity':
      return column && value !== null ? t('problem.period_granularity', vars) : null;
    case 'period_outside_calendar':
      return value ? t('problem.period_outside_calendar', vars) : null;
    case 'mix_resource_without_capacity':
      return value ? t('problem.mix_resource_without_capacity', vars) : null;
    case 'param_missing':
      return value ? t('problem.param_missing', vars) : null;
    case 'unknown_file':
      // Inside input_set.json the "file" is an unknown entry of it, which only the message names.
      return file && !file.toLowerCase().endsWith(JSON_BUNDLE_FILE) ? t('problem.unknown_file', vars) : null;
    case 'unknown_column':
      if (!file) return null;
      return column?.trim() && table
        ? t('problem.unknown_column', vars)
        : t('problem.unknown_column.unnamed', vars);
    case 'orphan_item':
      return value ? t('problem.orphan_item', vars) : null;
    case 'non_working_hours':
      return value ? t('problem.non_working_hours', vars) : null;
    // The sum and row count, the parser's reason, the key of a param, the undecodable bytes: not in the fields.
    case 'mix_share_sum':
    case 'unparsable_row':
    case 'param_invalid':
    case 'undecodable_bytes':
      return null;
  }
}
