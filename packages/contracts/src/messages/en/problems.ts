/**
 * Validation problem messages (docs/design.md section 3), English: the text stored with a
 * revision as `message`. `{file}`, `{row}`, `{column}`, `{table}` and `{value}` are the
 * record's own fields; the other placeholders are its `params`.
 */
export const PROBLEM_MESSAGES_EN = {
  // Files of the bundle
  'problem.missing_file': '{file} is missing; every bundle needs the {table} table.',
  'problem.missing_file.params': '{jsonFile} (or {file}) is missing; every bundle needs the {table} table.',
  'problem.missing_file.json': '{file} has no {where}; every bundle needs the {table} table.',
  'problem.empty_file': '{file} is empty; it needs at least the header row ({header}).',
  'problem.unknown_file': "File '{name}' is not a bundle file and is ignored (expected: {files}).",
  'problem.unknown_file.did_you_mean':
    "File '{name}' is not a bundle file and is ignored; did you mean '{closest}'?",
  'problem.unknown_file.excel':
    "File '{name}' is an Excel workbook and is ignored: save each sheet as CSV ({files}).",
  'problem.unknown_file.twice':
    "File '{name}' is ignored: '{taken}' already holds {holds}; keep one of them.",
  'problem.unknown_file.json_bundle': "File '{name}' is ignored: {bundleFile} holds the whole bundle.",
  'problem.unknown_file.json_entry': "{file} has an unknown entry '{entry}'; it is ignored.",
  'problem.unknown_file.json_table': 'tables.{entry} in {file} is not a bundle table; it is ignored.',
  'problem.unknown_file.json_table_params':
    'tables.params in {file} is not a bundle table; it is ignored (params go at the top level).',
  'problem.undecodable_bytes':
    '{file} cannot be read as {tried:or_list}: the bytes {value} on line {row} (byte offset {offset}) are not valid {encoding}. Save it as UTF-8 (or Shift_JIS), or pick the right encoding.',
  'problem.undecodable_bytes.utf16':
    '{file} cannot be read as {tried:or_list}: the bytes {value} on line {row} (byte offset {offset}) are not valid {encoding}. It looks like UTF-16: save it as "CSV UTF-8" instead.',

  // The header
  'problem.missing_column': "Column '{column}' is missing from the header of {file} (expected: {expected}).",
  'problem.missing_column.renamed':
    "Column '{column}' is missing from {file}; the header has '{typed}': rename it to '{column}'.",
  'problem.duplicate_column':
    "Column '{column}' appears twice in the header of {file} (columns {first} and {second}); keep one.",
  'problem.unknown_column': "Column '{name}' is not a {table} column; it is ignored (expected: {expected}).",
  'problem.unknown_column.unnamed': 'Column {position} of {file} has no name; it is ignored.',

  // Rows a CSV reader cannot read
  'problem.unparsable_row.nul_byte':
    'Line {row} contains a NUL byte (binary data); save the file as CSV text.',
  'problem.unparsable_row.cell_count':
    'Line {row} has {cells} cells, but the header has {headerCells} columns.',
  'problem.unparsable_row.stray_quote':
    'Line {row} has a quote (") inside a cell that does not start with one; put the whole cell in quotes and double the inner quote ("").',
  'problem.unparsable_row.after_closing_quote':
    'Line {row} has characters right after a closing quote; a quoted cell must end at a comma or the line end.',
  'problem.unparsable_row.quote_not_closed':
    'The quote opened on line {row} is never closed; lines {row} to {lastLine} could not be read.',
  'problem.unparsable_row.record_too_long':
    'The row starting on line {row} runs over {maxChars} characters (an unclosed quote?); the rest of the file was not read.',

  // JSON files: input_set.json and params.json
  'problem.unparsable_row.params_too_large':
    '{file} is larger than {maxMiB} MiB; params hold settings (horizon_start, horizon_periods, ...), not data.',
  'problem.unparsable_row.json_file_too_large':
    '{file} is larger than {maxMiB} MiB; send the tables as CSV files instead.',
  'problem.unparsable_row.json_params_too_large':
    'The params in {file} are larger than {maxMiB} MiB; params hold settings, not data.',
  'problem.unparsable_row.params_not_object':
    'The params in {file} must be one JSON object: {"horizon_start": "2027-W01", "horizon_periods": 26, ...}.',
  'problem.unparsable_row.json_bundle_shape':
    '{file} must be an object {"tables": {"demand": [...], ...}, "params": {...}}.',
  'problem.unparsable_row.json_twice': "{file} has '{entry}' more than once; keep one of them.",
  'problem.unparsable_row.json_table_not_list': 'tables.{table} in {file} must be a list of row objects.',
  'problem.unparsable_row.json_row_not_object':
    'Element {element} of tables.{table} is not a row object ({"column": value, ...}).',
  'problem.unparsable_row.json_row_too_large':
    'Element {element} of tables.{table} is larger than {maxBytes} bytes; a row is far smaller.',
  'problem.unparsable_row.json_row_invalid':
    'Element {element} of tables.{table} is not valid JSON: {detail}.',
  'problem.unparsable_row.json_invalid': '{file} is not valid JSON (line {row}): {detail}.',
  'problem.unparsable_row.json_invalid.no_line': '{file} is not valid JSON: {detail}.',
  // What the JSON scanner (packages/core/src/json/json-scanner.ts) finds wrong
  'problem.unparsable_row.json.too_deep':
    '{file} is not valid JSON (line {row}): nested deeper than {maxDepth} levels.',
  'problem.unparsable_row.json.unexpected_char':
    "{file} is not valid JSON (line {row}): unexpected '{char}'.",
  'problem.unparsable_row.json.unexpected_byte':
    '{file} is not valid JSON (line {row}): unexpected byte {byte}.',
  'problem.unparsable_row.json.after_end_char':
    "{file} is not valid JSON (line {row}): unexpected '{char}' after the end of the document.",
  'problem.unparsable_row.json.after_end_byte':
    '{file} is not valid JSON (line {row}): unexpected byte {byte} after the end of the document.',
  'problem.unparsable_row.json.expected_separator_char':
    "{file} is not valid JSON (line {row}): unexpected '{char}'; expected ',' or '{closer}'.",
  'problem.unparsable_row.json.expected_separator_byte':
    "{file} is not valid JSON (line {row}): unexpected byte {byte}; expected ',' or '{closer}'.",
  'problem.unparsable_row.json.expected_key_or_end_char':
    "{file} is not valid JSON (line {row}): unexpected '{char}'; expected a key in quotes or '}'.",
  'problem.unparsable_row.json.expected_key_or_end_byte':
    "{file} is not valid JSON (line {row}): unexpected byte {byte}; expected a key in quotes or '}'.",
  'problem.unparsable_row.json.expected_key_char':
    "{file} is not valid JSON (line {row}): unexpected '{char}'; expected a key in quotes.",
  'problem.unparsable_row.json.expected_key_byte':
    '{file} is not valid JSON (line {row}): unexpected byte {byte}; expected a key in quotes.',
  'problem.unparsable_row.json.expected_colon_char':
    "{file} is not valid JSON (line {row}): unexpected '{char}'; expected ':'.",
  'problem.unparsable_row.json.expected_colon_byte':
    "{file} is not valid JSON (line {row}): unexpected byte {byte}; expected ':'.",
  'problem.unparsable_row.json.control_in_string':
    '{file} is not valid JSON (line {row}): a control character (a line break?) inside a string; write it as \\n, \\t, ....',
  'problem.unparsable_row.json.bad_escape':
    '{file} is not valid JSON (line {row}): a bad escape \\{char} inside a string.',
  'problem.unparsable_row.json.bad_unicode_escape':
    '{file} is not valid JSON (line {row}): a bad \\u escape inside a string.',
  'problem.unparsable_row.json.minus_without_digits':
    '{file} is not valid JSON (line {row}): a number with no digits after -.',
  'problem.unparsable_row.json.leading_zero':
    '{file} is not valid JSON (line {row}): a number with a leading zero.',
  'problem.unparsable_row.json.no_fraction_digits':
    '{file} is not valid JSON (line {row}): a number with no digits after the decimal point.',
  'problem.unparsable_row.json.no_exponent_digits':
    '{file} is not valid JSON (line {row}): a number with no digits in its exponent.',
  'problem.unparsable_row.json.unexpected_end':
    '{file} is not valid JSON (line {row}): unexpected end of the file.',

  // Cells of input_set.json that are not what their column holds
  'problem.wrong_type.json_not_finite': '{column} is not a finite number.',
  'problem.wrong_type.json_number':
    '{column} is the number {number}; write it as text in quotes ("{number}").',
  'problem.wrong_type.json_boolean': '{column} is {boolean}; a {type} goes here.',
  'problem.wrong_type.json_list': '{column} is a list; a single value goes here.',
  'problem.wrong_type.json_object': '{column} is an object; a single value goes here.',

  // Cells
  'problem.wrong_type.empty': '{column} is empty; every row needs a value.',
  'problem.cell.formula':
    "{column} '{text}' must not start with '{first}' (a spreadsheet would run it as a formula).",
  'problem.cell.too_long': "{column} '{text}' is longer than {max} characters.",
  'problem.invalid_code.character':
    "{column} '{text}' contains {character:char}; codes are letters, digits and _ - . / : only.",
  'problem.wrong_type.control_character': "{column} '{text}' contains {character:char}.",
  'problem.wrong_type.boolean': "{column} '{text}' is not true/false (write true, false, 1 or 0).",
  'problem.wrong_type.date_excel_serial':
    "{column} '{text}' looks like an Excel serial number; format the column as text and write YYYY-MM-DD.",
  'problem.wrong_type.date_year':
    "{column} '{text}' has the year {year}; write the full year ({minYear} or later).",
  'problem.wrong_type.date_month': "{column} '{text}' has no month {month}.",
  'problem.wrong_type.date_day': "{column} '{text}' is not a real day ({yearMonth} has {days} days).",
  'problem.wrong_type.date_two_digit_year': "{column} '{text}' has a two-digit year; write YYYY-MM-DD.",
  'problem.wrong_type.date': "{column} '{text}' is not a date in the form YYYY-MM-DD (e.g. 2027-01-04).",
  'problem.wrong_type.decimal_spaces': "{column} '{text}' has spaces around it; write {fixed}.",
  'problem.wrong_type.decimal_spaces_not_number': "{column} '{text}' is not a number.",
  'problem.wrong_type.decimal_full_width':
    "{column} '{text}' uses full-width characters; write half-width digits ({fixed}).",
  'problem.wrong_type.decimal_thousands':
    "{column} '{text}' has thousands separators; write {fixed} without commas.",
  'problem.wrong_type.decimal_comma': "{column} '{text}' uses a comma as decimal mark; write {fixed}.",
  'problem.wrong_type.decimal_exponent': "{column} '{text}' is in exponent notation; write it out ({fixed}).",
  'problem.wrong_type.decimal_plus': "{column} '{text}' starts with '+'; write {fixed}.",
  'problem.wrong_type.decimal_currency':
    "{column} '{text}' has a currency or percent sign; write the plain number.",
  'problem.wrong_type.decimal': "{column} '{text}' is not a number (plain decimal notation, e.g. 1234.5).",
  'problem.out_of_range.digits': "{column} '{text}' has more than {max} digits.",
  'problem.out_of_range.min': "{column} '{text}' must be {min} or more.",
  'problem.out_of_range.above': "{column} '{text}' must be greater than {min}.",
  'problem.out_of_range.max': "{column} '{text}' must be at most {max}.",
  'problem.out_of_range.below': "{column} '{text}' must be less than {max}.",
  'problem.out_of_range.min_max': "{column} '{text}' must be {min} or more and at most {max}.",
  'problem.out_of_range.above_max': "{column} '{text}' must be greater than {min} and at most {max}.",
  'problem.out_of_range.min_below': "{column} '{text}' must be {min} or more and less than {max}.",
  'problem.out_of_range.above_below': "{column} '{text}' must be greater than {min} and less than {max}.",
  'problem.period_granularity.any':
    "{column} '{text}' is not a period (YYYY-MM, e.g. 2027-01; YYYY-Www (ISO week), e.g. 2027-W05; or YYYY-MM-DD, e.g. 2027-01-04).",
  'problem.period_granularity.other_granularity':
    "{column} '{text}' is a {actual} period, but period_granularity is '{granularity}' (write {granularity:period_shape}).",
  'problem.period_granularity.lowercase_w': "{column} '{text}' must have an upper-case W ({fixed}).",
  'problem.period_granularity.no_such_week':
    "{column} '{text}' does not exist: ISO year {year} has weeks W01 to W{weeks}.",
  'problem.period_granularity.not_of_granularity':
    "{column} '{text}' is not a {granularity} period (write {granularity:period_shape}).",
  'problem.param_invalid.value': "{column} '{text}' is not valid.",
  'problem.param_invalid.value_too_deep': "{column} '{text}' is nested deeper than {max} levels.",
  'problem.param_invalid.value_unstorable':
    "{column} '{text}' contains a NUL or an unpaired surrogate character.",
  'problem.duplicate_key': 'This row repeats the key {key} of line {firstLine}; keep one row per key.',
  'problem.duplicate_key.no_line':
    'This row repeats the key {key} of an earlier entry; keep one row per key.',

  // Params
  'problem.param_missing.horizon_start':
    'Required param \'horizon_start\' is missing: add it with the first period of the plan, e.g. "2027-W01".',
  'problem.param_missing.horizon_periods':
    "Required param 'horizon_periods' is missing: add it with the number of periods to plan, 1 to {max}.",
  'problem.param_missing.period_granularity':
    'Required param \'period_granularity\' is missing: add it with "month", "week" or "day".',
  'problem.param_invalid.too_deep': "Param '{key}' is nested deeper than {max} levels.",
  'problem.param_invalid.period_granularity':
    'Param \'period_granularity\' is {text}; it must be "month", "week" or "day".',
  'problem.param_invalid.horizon_periods':
    "Param 'horizon_periods' is {text}; it must be the number of periods to plan, 1 to {max}.",
  'problem.param_invalid.horizon_start':
    'Param \'horizon_start\' is {text}; it must be the first period of the plan, e.g. "2027-W01".',
  'problem.param_invalid.horizon_start.any':
    'Param \'horizon_start\' is not a period (YYYY-MM, e.g. 2027-01; YYYY-Www (ISO week), e.g. 2027-W05; or YYYY-MM-DD, e.g. 2027-01-04); it must be the first period of the plan, e.g. "2027-W01".',
  'problem.param_invalid.horizon_start.other_granularity':
    "Param 'horizon_start' is a {actual} period, but period_granularity is '{granularity}' (write {granularity:period_shape}); it must be the first period of the plan, e.g. \"2027-W01\".",
  'problem.param_invalid.horizon_start.lowercase_w':
    'Param \'horizon_start\' must have an upper-case W ({fixed}); it must be the first period of the plan, e.g. "2027-W01".',
  'problem.param_invalid.horizon_start.no_such_week':
    'Param \'horizon_start\' does not exist: ISO year {year} has weeks W01 to W{weeks}; it must be the first period of the plan, e.g. "2027-W01".',
  'problem.param_invalid.horizon_start.not_of_granularity':
    'Param \'horizon_start\' is not a {granularity} period (write {granularity:period_shape}); it must be the first period of the plan, e.g. "2027-W01".',

  // Rules across rows and tables
  'problem.period_outside_calendar':
    "period '{period}' is not in the calendar: calendar.csv has no day in that period.",
  'problem.mix_resource_without_capacity': "Resource '{resource}' has mix rows but no row in capacity.csv.",
  'problem.mix_share_sum':
    "The shares of resource '{resource}' sum to {sum} over {rows} rows (the first on line {row}); they must sum to 1.",
  'problem.mix_share_sum.one_row':
    "The shares of resource '{resource}' sum to {sum} over {rows} row (the first on line {row}); they must sum to 1.",
  'problem.mix_share_sum.no_line':
    "The shares of resource '{resource}' sum to {sum} over {rows} rows; they must sum to 1.",
  'problem.mix_share_sum.one_row_no_line':
    "The shares of resource '{resource}' sum to {sum} over {rows} row; they must sum to 1.",
  'problem.orphan_item': "Item '{item}' has {what} but no demand row and no mix row.",
  'problem.non_working_hours': "{date} is not a working day but has '{hours}' hours.",
  'problem.non_working_hours.no_date': "This day is not a working day but has '{hours}' hours.",

  // What an annotated download adds (docs/design.md section 3): read past, never stored
  'problem.annotation_ignored.column':
    "Column 'problems' of {file} holds the problems of an earlier upload; it is ignored.",
  'problem.annotation_ignored.file': '{file} lists the problems of an earlier upload; it is ignored.',

  /** A record stored before problems had message codes: its English message as it was. */
  'problem.as_recorded': '{message}',
} as const;
