import type { PROBLEM_MESSAGES_EN } from '../en/problems';

/** Validation problem messages in Japanese (docs/glossary.md), with the placeholders of the English ones. */
export const PROBLEM_MESSAGES_JA: Record<keyof typeof PROBLEM_MESSAGES_EN, string> = {
  // Files of the bundle
  'problem.missing_file': '{file} がありません。どのバンドルにも {table} テーブルが必要です。',
  'problem.missing_file.params':
    '{jsonFile}(または {file})がありません。どのバンドルにも {table} テーブルが必要です。',
  'problem.missing_file.json':
    '{file} に {where} がありません。どのバンドルにも {table} テーブルが必要です。',
  'problem.empty_file': '{file} が空です。少なくともヘッダー行({header})が必要です。',
  'problem.unknown_file':
    'ファイル「{name}」はバンドルのファイルではないため、無視されます(使えるファイル: {files})。',
  'problem.unknown_file.did_you_mean':
    'ファイル「{name}」はバンドルのファイルではないため、無視されます。「{closest}」の間違いではありませんか?',
  'problem.unknown_file.excel':
    'ファイル「{name}」は Excel ブックのため、無視されます。シートごとに CSV で保存してください({files})。',
  'problem.unknown_file.twice':
    'ファイル「{name}」は無視されます。{holds} は「{taken}」に入っています。どちらか 1 つにしてください。',
  'problem.unknown_file.json_bundle':
    'ファイル「{name}」は無視されます。{bundleFile} にバンドル全体が入っています。',
  'problem.unknown_file.json_entry': '{file} に不明な項目「{entry}」があります。この項目は無視されます。',
  'problem.unknown_file.json_table':
    '{file} の tables.{entry} はバンドルのテーブルではないため、無視されます。',
  'problem.unknown_file.json_table_params':
    '{file} の tables.params はバンドルのテーブルではないため、無視されます(params は最上位に書きます)。',
  'problem.undecodable_bytes':
    '{file} を {tried:or_list} として読めません。{row} 行目のバイト {value}(バイト位置 {offset})は {encoding} として正しくありません。UTF-8(または Shift_JIS)で保存するか、正しい文字コードを選んでください。',
  'problem.undecodable_bytes.utf16':
    '{file} を {tried:or_list} として読めません。{row} 行目のバイト {value}(バイト位置 {offset})は {encoding} として正しくありません。UTF-16 のようです。「CSV UTF-8」で保存し直してください。',

  // The header
  'problem.missing_column': '{file} のヘッダーに列「{column}」がありません(必要な列: {expected})。',
  'problem.missing_column.renamed':
    '{file} に列「{column}」がありません。ヘッダーの「{typed}」を「{column}」に直してください。',
  'problem.duplicate_column':
    '{file} のヘッダーに列「{column}」が 2 回あります({first} 列目と {second} 列目)。1 つにしてください。',
  'problem.unknown_column': '列「{name}」は {table} の列ではないため、無視されます(必要な列: {expected})。',
  'problem.unknown_column.unnamed': '{file} の {position} 列目に名前がありません。この列は無視されます。',

  // Rows a CSV reader cannot read
  'problem.unparsable_row.nul_byte':
    '{row} 行目に NUL バイト(バイナリデータ)があります。CSV テキストとして保存してください。',
  'problem.unparsable_row.cell_count':
    '{row} 行目のセルは {cells} 個ですが、ヘッダーの列は {headerCells} 個です。',
  'problem.unparsable_row.stray_quote':
    '{row} 行目で、引用符で始まらないセルの中に引用符(")があります。セル全体を引用符で囲み、中の引用符は 2 つ重ねてください("")。',
  'problem.unparsable_row.after_closing_quote':
    '{row} 行目で、閉じる引用符のすぐ後に文字があります。引用符で囲んだセルはカンマか行末で終わる必要があります。',
  'problem.unparsable_row.quote_not_closed':
    '{row} 行目で開いた引用符が閉じられていません。{row} 行目から {lastLine} 行目までを読めませんでした。',
  'problem.unparsable_row.record_too_long':
    '{row} 行目から始まる行が {maxChars} 文字を超えています(引用符の閉じ忘れ?)。ファイルの残りは読んでいません。',

  // JSON files: input_set.json and params.json
  'problem.unparsable_row.params_too_large':
    '{file} が {maxMiB} MiB を超えています。params は設定(horizon_start、horizon_periods など)で、データではありません。',
  'problem.unparsable_row.json_file_too_large':
    '{file} が {maxMiB} MiB を超えています。テーブルは CSV ファイルで送ってください。',
  'problem.unparsable_row.json_params_too_large':
    '{file} の params が {maxMiB} MiB を超えています。params は設定で、データではありません。',
  'problem.unparsable_row.params_not_object':
    '{file} の params は 1 つの JSON オブジェクトにしてください: {"horizon_start": "2027-W01", "horizon_periods": 26, ...}。',
  'problem.unparsable_row.json_bundle_shape':
    '{file} は {"tables": {"demand": [...], ...}, "params": {...}} の形のオブジェクトにしてください。',
  'problem.unparsable_row.json_twice': '{file} に「{entry}」が 2 回以上あります。1 つにしてください。',
  'problem.unparsable_row.json_table_not_list':
    '{file} の tables.{table} は行オブジェクトのリストにしてください。',
  'problem.unparsable_row.json_row_not_object':
    'tables.{table} の {element} 番目の要素が行オブジェクト({"column": value, ...})ではありません。',
  'problem.unparsable_row.json_row_too_large':
    'tables.{table} の {element} 番目の要素が {maxBytes} バイトを超えています。1 行はもっと小さいはずです。',
  'problem.unparsable_row.json_row_invalid':
    'tables.{table} の {element} 番目の要素は JSON として正しくありません: {detail}',
  'problem.unparsable_row.json_invalid': '{file} は JSON として正しくありません({row} 行目): {detail}',
  'problem.unparsable_row.json_invalid.no_line': '{file} は JSON として正しくありません: {detail}',
  'problem.unparsable_row.json.too_deep':
    '{file} は JSON として正しくありません({row} 行目): 入れ子が {maxDepth} 段を超えています。',
  'problem.unparsable_row.json.unexpected_char':
    '{file} は JSON として正しくありません({row} 行目): 予期しない「{char}」があります。',
  'problem.unparsable_row.json.unexpected_byte':
    '{file} は JSON として正しくありません({row} 行目): 予期しないバイト {byte} があります。',
  'problem.unparsable_row.json.after_end_char':
    '{file} は JSON として正しくありません({row} 行目): 文書の終わりの後に「{char}」があります。',
  'problem.unparsable_row.json.after_end_byte':
    '{file} は JSON として正しくありません({row} 行目): 文書の終わりの後にバイト {byte} があります。',
  'problem.unparsable_row.json.expected_separator_char':
    "{file} は JSON として正しくありません({row} 行目): 「{char}」の位置には ',' か '{closer}' が必要です。",
  'problem.unparsable_row.json.expected_separator_byte':
    "{file} は JSON として正しくありません({row} 行目): バイト {byte} の位置には ',' か '{closer}' が必要です。",
  'problem.unparsable_row.json.expected_key_or_end_char':
    "{file} は JSON として正しくありません({row} 行目): 「{char}」の位置には引用符で囲んだキーか '}' が必要です。",
  'problem.unparsable_row.json.expected_key_or_end_byte':
    "{file} は JSON として正しくありません({row} 行目): バイト {byte} の位置には引用符で囲んだキーか '}' が必要です。",
  'problem.unparsable_row.json.expected_key_char':
    '{file} は JSON として正しくありません({row} 行目): 「{char}」の位置には引用符で囲んだキーが必要です。',
  'problem.unparsable_row.json.expected_key_byte':
    '{file} は JSON として正しくありません({row} 行目): バイト {byte} の位置には引用符で囲んだキーが必要です。',
  'problem.unparsable_row.json.expected_colon_char':
    "{file} は JSON として正しくありません({row} 行目): 「{char}」の位置には ':' が必要です。",
  'problem.unparsable_row.json.expected_colon_byte':
    "{file} は JSON として正しくありません({row} 行目): バイト {byte} の位置には ':' が必要です。",
  'problem.unparsable_row.json.control_in_string':
    '{file} は JSON として正しくありません({row} 行目): 文字列の中に制御文字(改行?)があります。\\n、\\t などで書いてください。',
  'problem.unparsable_row.json.bad_escape':
    '{file} は JSON として正しくありません({row} 行目): 文字列の中のエスケープ \\{char} が正しくありません。',
  'problem.unparsable_row.json.bad_unicode_escape':
    '{file} は JSON として正しくありません({row} 行目): 文字列の中の \\u エスケープが正しくありません。',
  'problem.unparsable_row.json.minus_without_digits':
    '{file} は JSON として正しくありません({row} 行目): - の後に数字がありません。',
  'problem.unparsable_row.json.leading_zero':
    '{file} は JSON として正しくありません({row} 行目): 数値が 0 で始まっています。',
  'problem.unparsable_row.json.no_fraction_digits':
    '{file} は JSON として正しくありません({row} 行目): 小数点の後に数字がありません。',
  'problem.unparsable_row.json.no_exponent_digits':
    '{file} は JSON として正しくありません({row} 行目): 指数部に数字がありません。',
  'problem.unparsable_row.json.unexpected_end':
    '{file} は JSON として正しくありません({row} 行目): ファイルが途中で終わっています。',

  // Cells of input_set.json that are not what their column holds
  'problem.wrong_type.json_not_finite': '{column} が有限の数値ではありません。',
  'problem.wrong_type.json_number':
    '{column} が数値 {number} です。引用符で囲んだ文字列("{number}")で書いてください。',
  'problem.wrong_type.json_boolean': '{column} が {boolean} です。ここには {type} の値が入ります。',
  'problem.wrong_type.json_list': '{column} がリストです。ここには値を 1 つだけ書きます。',
  'problem.wrong_type.json_object': '{column} がオブジェクトです。ここには値を 1 つだけ書きます。',

  // Cells
  'problem.wrong_type.empty': '{column} が空です。すべての行に値が必要です。',
  'problem.cell.formula':
    '{column} の値「{text}」は「{first}」で始められません(表計算ソフトが数式として実行します)。',
  'problem.cell.too_long': '{column} の値「{text}」が {max} 文字を超えています。',
  'problem.invalid_code.character':
    '{column} の値「{text}」に{character:char}が含まれています。コードに使えるのは文字、数字と _ - . / : だけです。',
  'problem.wrong_type.control_character': '{column} の値「{text}」に{character:char}が含まれています。',
  'problem.wrong_type.boolean':
    '{column} の値「{text}」は true/false ではありません(true、false、1、0 のどれかを書いてください)。',
  'problem.wrong_type.date_excel_serial':
    '{column} の値「{text}」は Excel のシリアル値のようです。列の書式を文字列にして YYYY-MM-DD で書いてください。',
  'problem.wrong_type.date_year':
    '{column} の値「{text}」の年が {year} です。年は 4 桁で書いてください({minYear} 以降)。',
  'problem.wrong_type.date_month': '{column} の値「{text}」の月 {month} はありません。',
  'problem.wrong_type.date_day':
    '{column} の値「{text}」は実在しない日付です({yearMonth} は {days} 日までです)。',
  'problem.wrong_type.date_two_digit_year':
    '{column} の値「{text}」の年が 2 桁です。YYYY-MM-DD で書いてください。',
  'problem.wrong_type.date':
    '{column} の値「{text}」は YYYY-MM-DD 形式の日付ではありません(例: 2027-01-04)。',
  'problem.wrong_type.decimal_spaces':
    '{column} の値「{text}」の前後に空白があります。{fixed} と書いてください。',
  'problem.wrong_type.decimal_spaces_not_number': '{column} の値「{text}」は数値ではありません。',
  'problem.wrong_type.decimal_full_width':
    '{column} の値「{text}」に全角文字があります。半角数字で書いてください({fixed})。',
  'problem.wrong_type.decimal_thousands':
    '{column} の値「{text}」に桁区切りがあります。カンマなしで {fixed} と書いてください。',
  'problem.wrong_type.decimal_comma':
    '{column} の値「{text}」は小数点にカンマを使っています。{fixed} と書いてください。',
  'problem.wrong_type.decimal_exponent':
    '{column} の値「{text}」は指数表記です。指数を使わずに書いてください({fixed})。',
  'problem.wrong_type.decimal_plus':
    "{column} の値「{text}」は '+' で始まっています。{fixed} と書いてください。",
  'problem.wrong_type.decimal_currency':
    '{column} の値「{text}」に通貨記号かパーセント記号があります。数値だけを書いてください。',
  'problem.wrong_type.decimal':
    '{column} の値「{text}」は数値ではありません(通常の小数表記で書きます。例: 1234.5)。',
  'problem.out_of_range.digits': '{column} の値「{text}」が {max} 桁を超えています。',
  'problem.out_of_range.min': '{column} の値「{text}」は {min} 以上にしてください。',
  'problem.out_of_range.above': '{column} の値「{text}」は {min} より大きくしてください。',
  'problem.out_of_range.max': '{column} の値「{text}」は {max} 以下にしてください。',
  'problem.out_of_range.below': '{column} の値「{text}」は {max} 未満にしてください。',
  'problem.out_of_range.min_max': '{column} の値「{text}」は {min} 以上 {max} 以下にしてください。',
  'problem.out_of_range.above_max': '{column} の値「{text}」は {min} より大きく {max} 以下にしてください。',
  'problem.out_of_range.min_below': '{column} の値「{text}」は {min} 以上 {max} 未満にしてください。',
  'problem.out_of_range.above_below': '{column} の値「{text}」は {min} より大きく {max} 未満にしてください。',
  'problem.period_granularity.any':
    '{column} の値「{text}」は期間ではありません(YYYY-MM(例: 2027-01)、YYYY-Www(ISO 週、例: 2027-W05)、YYYY-MM-DD(例: 2027-01-04)のどれかで書きます)。',
  'problem.period_granularity.other_granularity':
    "{column} の値「{text}」は {actual} 単位の期間ですが、period_granularity は '{granularity}' です({granularity:period_shape} で書いてください)。",
  'problem.period_granularity.lowercase_w': '{column} の値「{text}」の W は大文字にしてください({fixed})。',
  'problem.period_granularity.no_such_week':
    '{column} の値「{text}」はありません。ISO 年 {year} の週は W01 から W{weeks} までです。',
  'problem.period_granularity.not_of_granularity':
    '{column} の値「{text}」は {granularity} 単位の期間ではありません({granularity:period_shape} で書いてください)。',
  'problem.param_invalid.value': '{column} の値「{text}」は正しくありません。',
  'problem.param_invalid.value_too_deep': '{column} の値「{text}」の入れ子が {max} 段を超えています。',
  'problem.param_invalid.value_unstorable':
    '{column} の値「{text}」に NUL 文字か対になっていないサロゲート文字が含まれています。',
  'problem.duplicate_key':
    'この行はキー {key} が {firstLine} 行目と重複しています。キーごとに 1 行にしてください。',
  'problem.duplicate_key.no_line':
    'この行はキー {key} が前の項目と重複しています。キーごとに 1 行にしてください。',

  // Params
  'problem.param_missing.horizon_start':
    '必須パラメータ「horizon_start」がありません。計画の最初の期間(例: "2027-W01")を追加してください。',
  'problem.param_missing.horizon_periods':
    '必須パラメータ「horizon_periods」がありません。計画する期間の数(1〜{max})を追加してください。',
  'problem.param_missing.period_granularity':
    '必須パラメータ「period_granularity」がありません。"month"、"week"、"day" のどれかを追加してください。',
  'problem.param_invalid.too_deep': 'パラメータ「{key}」の入れ子が {max} 段を超えています。',
  'problem.param_invalid.period_granularity':
    'パラメータ「period_granularity」が {text} です。"month"、"week"、"day" のどれかにしてください。',
  'problem.param_invalid.horizon_periods':
    'パラメータ「horizon_periods」が {text} です。計画する期間の数(1〜{max})にしてください。',
  'problem.param_invalid.horizon_start':
    'パラメータ「horizon_start」が {text} です。計画の最初の期間(例: "2027-W01")にしてください。',
  'problem.param_invalid.horizon_start.any':
    'パラメータ「horizon_start」が期間ではありません(YYYY-MM(例: 2027-01)、YYYY-Www(ISO 週、例: 2027-W05)、YYYY-MM-DD(例: 2027-01-04)のどれかで書きます)。計画の最初の期間(例: "2027-W01")にしてください。',
  'problem.param_invalid.horizon_start.other_granularity':
    'パラメータ「horizon_start」は {actual} 単位の期間ですが、period_granularity は \'{granularity}\' です({granularity:period_shape} で書いてください)。計画の最初の期間(例: "2027-W01")にしてください。',
  'problem.param_invalid.horizon_start.lowercase_w':
    'パラメータ「horizon_start」の W は大文字にしてください({fixed})。計画の最初の期間(例: "2027-W01")にしてください。',
  'problem.param_invalid.horizon_start.no_such_week':
    'パラメータ「horizon_start」の週はありません。ISO 年 {year} の週は W01 から W{weeks} までです。計画の最初の期間(例: "2027-W01")にしてください。',
  'problem.param_invalid.horizon_start.not_of_granularity':
    'パラメータ「horizon_start」が {granularity} 単位の期間ではありません({granularity:period_shape} で書いてください)。計画の最初の期間(例: "2027-W01")にしてください。',

  // Rules across rows and tables
  'problem.period_outside_calendar':
    '期間「{period}」はカレンダーにありません。calendar.csv にその期間の日がありません。',
  'problem.mix_resource_without_capacity':
    'リソース「{resource}」は mix.csv にありますが、capacity.csv に行がありません。',
  'problem.mix_share_sum':
    'リソース「{resource}」のシェアの合計が {sum} です({rows} 行、最初の行は {row} 行目)。合計は 1 にしてください。',
  'problem.mix_share_sum.one_row':
    'リソース「{resource}」のシェアの合計が {sum} です({rows} 行、最初の行は {row} 行目)。合計は 1 にしてください。',
  'problem.mix_share_sum.no_line':
    'リソース「{resource}」のシェアの合計が {sum} です({rows} 行)。合計は 1 にしてください。',
  'problem.mix_share_sum.one_row_no_line':
    'リソース「{resource}」のシェアの合計が {sum} です({rows} 行)。合計は 1 にしてください。',
  'problem.orphan_item': '品目「{item}」は {what} にありますが、demand にも mix にも行がありません。',
  'problem.non_working_hours': '{date} は稼働日ではありませんが、時間が「{hours}」になっています。',
  'problem.non_working_hours.no_date': 'この日は稼働日ではありませんが、時間が「{hours}」になっています。',

  'problem.annotation_ignored.column':
    '{file} の列「problems」は前回のアップロードの問題です。この列は無視されます。',
  'problem.annotation_ignored.file':
    '{file} は前回のアップロードの問題の一覧です。このファイルは無視されます。',

  'problem.as_recorded': '{message}',
};
