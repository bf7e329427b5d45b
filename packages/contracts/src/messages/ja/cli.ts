import type { CLI_MESSAGES_EN } from '../en/cli';

/** What the `planning` CLI says itself, in Japanese (LANG=ja_JP.UTF-8 or --lang ja). */
export const CLI_MESSAGES_JA: Record<keyof typeof CLI_MESSAGES_EN, string> = {
  'cli.error_line': 'エラー: {message}',
  'cli.hint_line': 'ヒント: {hint}',
  'cli.hint.sign_in':
    '`planning login --server {serverUrl}` でサインインしてください(または有効な --token / PLANNING_HUB_TOKEN を渡してください)',

  'cli.error.unreachable': '{serverUrl} で応答する Planning Hub サーバーがありません({detail}。{howFound})。',
  'cli.hint.unreachable':
    'Planning Hub のチェックアウトで `npm start` を実行してサーバーを起動するか(そのチェックアウトの CLI は自動でサーバーを見つけます)、動いているサーバーを --server <url> か PLANNING_HUB_URL で指定してください。',
  'cli.server_source.option': '--server で指定',
  'cli.server_source.env': 'PLANNING_HUB_URL で指定',
  'cli.server_source.server_file': 'サーバーが起動時に書いた {file} から。その後停止した可能性があります',
  'cli.server_source.default': '`npm start` の既定の URL。server.json は見つかりませんでした({searched})',
  'cli.error.request_failed': '{url} へのリクエストに失敗しました: {detail}',
  'cli.error.not_json': '{serverUrl} のサーバーが JSON ではない応答を返しました(HTTP {status})。',
  'cli.error.unknown_shape':
    '{serverUrl} のサーバーが、この CLI(planning {version})の知らない形で応答しました。',
  'cli.error.unknown_shape_issue':
    '{serverUrl} のサーバーが、この CLI(planning {version})の知らない形で応答しました({path}: {detail})。',
  'cli.hint.same_release': 'サーバーと同じチェックアウトかリリースの CLI を使ってください。',
  'cli.error.http_status': 'サーバーが HTTP {status} を返しました。',
  'cli.error.http_status_excerpt': 'サーバーが HTTP {status} を返しました: {excerpt}',
  'cli.error.url_invalid': '{from} の「{text}」は URL ではありません。',
  'cli.hint.url_example': '例: http://127.0.0.1:8080、https://planning-hub.example.com',
  'cli.error.url_not_http': '{from} の「{text}」は http(s) の URL ではありません。',
  'cli.error.server_file_unknown': '{file} はこの CLI が読める server.json ではありません。',
  'cli.hint.server_file_unknown':
    'サーバーを再起動して(`npm start`)書き直すか、--server <url> でサーバーを指定してください。',
  'cli.error.credentials_unknown': '{file} はこの CLI が読める認証情報ファイルではありません。',
  'cli.hint.credentials_unknown':
    '削除してサインインし直してください: `rm {file} && planning login --server <url>`',

  'cli.prompt.username': 'ユーザー名: ',
  'cli.prompt.password': 'パスワード: ',
  'cli.prompt.password_again': 'パスワード(確認): ',
  'cli.error.cancelled': '中止しました。',
  'cli.error.password_stdin':
    'パスワードは --password-stdin で標準入力から渡してください(標準入力が端末ではないため、入力を求められません)。',
  'cli.error.passwords_differ': '2 回入力したパスワードが一致しません。',
  'cli.error.username_needed':
    'ユーザー名を --username <u> で指定してください(標準入力が端末ではないため、入力を求められません)。',
  'cli.error.no_username': 'ユーザー名が入力されていません。',
  'cli.error.logout_unreachable':
    '{message} トークンはこのマシンから削除しましたが、サーバー上ではまだ有効です。',
  'cli.hint.revoke_later': 'サーバーが戻ったら: `planning tokens revoke --prefix {prefix}`',
  'cli.error.revoke_refused':
    '{serverUrl} のサーバーがトークン {prefix} の失効を拒否しました(HTTP {status})。',

  'cli.error.db_outside_checkout':
    '`planning db` は Planning Hub のチェックアウトの中でだけ動きます。サーバーのコードでデータベースを直接開くためです。',
  'cli.hint.db_outside_checkout':
    'チェックアウトから実行してください(`pnpm db:migrate` または `bin/planning db ...`)。それ以外の操作はすべて API を通します。',
  'cli.error.events_label': 'ラベルを指定してください: `planning events --label <label>`。',
  'cli.error.date_invalid': '「{text}」は日付ではありません。YYYYMMDD で書いてください(例: 20261125)。',
  'cli.error.head_unreadable':
    '--head には 64 文字のイベントハッシュか、それを含むファイル(events.json)を指定します: {detail}',
  'cli.error.head_missing':
    '{file} にチェーンの先頭がありません。"head" を含む events.json が必要です(`planning evidence`、`planning events --json`)。',
  'cli.error.export_changed':
    '「{ref}」はエクスポート中に変わりました(新しいアップロードで置き換えられました)。何も書き出していません。',
  'cli.hint.export_again': 'もう一度エクスポートしてください。',
  'cli.error.export_not_zip': 'エクスポートを zip として読めませんでした: {detail}',
  'cli.error.export_entry_path':
    'エクスポートにパスを含む項目(「{name}」)があります。これ以上は書き出していません。',
  'cli.error.diff_not_object': 'サーバーが送った差分の文書が JSON オブジェクトではありません。',
  'cli.error.plan_label_or_unlink': '--label <label> か --unlink のどちらかを指定してください。',
  'cli.error.input_missing': '「{path}」がありません。',
  'cli.hint.input_missing': 'バンドルのフォルダー、その .zip、または input_set.json を指定してください。',
  'cli.error.annotate_overwrites': '--annotate-to {dir} では入力ファイル {file} が上書きされます。',
  'cli.hint.annotate_overwrites':
    '別のフォルダーを指定してください。問題を書き込んだファイルはコピーで、元のファイルはそのまま残ります。',
  'cli.error.file_changed':
    '「{path}」はアップロード中に変わりました(開始時は {size} バイト)。もう一度インポートしてください。',

  'cli.import.stored': "✓ '{label}' を draft r{revision}({ref})としてインポートしました",
  'cli.import.stored_invalid':
    "! '{label}' を draft r{revision}({ref})としてエラーを含む状態でインポートしました",
  'cli.import.not_stored':
    "✗ '{label}' は保存されませんでした。バンドルに {errors} 件のエラーがあります。何も変わっていません。",
  'cli.import.content_hash': '  コンテンツハッシュ  {hash}',
  'cli.import.replaced': '  置き換え            コンテンツハッシュ {hash} の draft',
  'cli.import.rows': '  行数                {counts}',
  'cli.import.encodings': '  文字コード          {encodings}',
  'cli.import.problems': '  問題                エラー {errors} 件、警告 {warnings} 件',
  'cli.import.problems_capped':
    '  問題                エラー {errors} 件、警告 {warnings} 件(一覧は上限で切っています)',
  'cli.import.more': '  … ほか {count} 件はレポートにあります',
  'cli.import.report': '  レポート            {path}',
  'cli.import.annotated':
    '  問題の書き込み      {dir}: 「problems」列を加えたファイル {files} 件と、すべての問題の一覧 problems.csv。行を直して同じファイルをもう一度インポートしてください。',
  'cli.import.annotated_none': '  問題の書き込み      書き込む問題はありません。{dir} には何も書いていません',
  'cli.import.next':
    '次に: Planning Hub(/ui/plans/input_sets/{label}@draft/review)でレビューするか、次のコマンドを使ってください',
  'cli.problem.error': 'エラー',
  'cli.problem.warning': '警告  ',
  'cli.problem.notice': 'お知らせ',
  'cli.problem.row': '{row} 行目',
  'cli.problem.column': '列 {column}',

  'cli.review.approved': "✓ '{label}' r{revision} を承認しました: 現在 {status}({ref})",
  'cli.review.reverted': "✓ '{label}' r{revision} を差戻しました: 現在 {status}({ref})",
  'cli.review.archived': "✓ '{label}' r{revision} を archive しました: 現在 {status}({ref})",
  'cli.review.approved_by': '  承認者        {user}({time})',
  'cli.review.approved_by_reviewer': '  承認者        {user}(社員ID {reviewerId}、{time})',
  'cli.review.comment': '  コメント      {comment}',
  'cli.review.superseded': '  archived      r{previous}(r{revision} に置き換え)',
  'cli.review.event': '  イベント {id}  {action} r{revision} 実行者 {actor}({principal}) {time}',

  'cli.list.none':
    '入力セットはまだありません。インポートするには: `pnpm planning import -i <dir> --version-id <id> --label <label>`',
  'cli.list.none_with_status': '{status} の入力セットはありません。',
  'cli.list.partial': '({total} 件中 {shown} 件)',

  'cli.policy.default':
    '「{label}」には独自のポリシーがないため、既定のポリシーが適用されます(バージョン 0)。',
  'cli.policy.version': '「{label}」のポリシー: バージョン {version}、{by} が {at} に設定。',
  'cli.policy.stored': '✓ 「{label}」のポリシーのバージョン {version} を保存しました(イベント {event})。',
  'cli.policy.tolerance_none': '差分の許容範囲: なし(すべての変更を表示します)。',
  'cli.policy.tolerance': '差分の許容範囲: {tolerances}',
  'cli.error.policy_unreadable': '{file} を読めません: {detail}。',
  'cli.error.policy_not_json': '{file} は JSON ではありません: {detail}。',
  'cli.checks.not_checked': '「{ref}」は承認ゲートの導入前に保存されたため、指摘はありません。',
  'cli.checks.summary':
    '「{ref}」: チェックの指摘はエラー {errors} 件、警告 {warnings} 件です(ポリシーのバージョン {version})。',
  'cli.checks.against': '比較対象: {against}。',
  'cli.checks.none': '指摘はありません。',
  'cli.checks.more': '  … {check} の指摘はほかに {hidden} 件あります(保存されていません)。',
  'cli.error.option_choice':
    '{option}: 「{value}」は指定できません。{allowed} のいずれかを指定してください。',
  'cli.error.option_not_number': '{option}: 「{value}」は数値ではありません。',
  'cli.error.option_not_whole': '{option}: 「{value}」は整数ではありません。',
  'cli.error.option_too_big': '{option}: {value} は上限の {maximum} を超えています。',
  'cli.error.option_too_small': '{option}: {value} は下限の {minimum} より小さい値です。',
  'cli.error.option_too_long': '{option}: {maximum} 文字以内で指定してください。',
  'cli.error.option_empty': '{option}: 値を指定してください。空にはできません。',
  'cli.error.option_invalid': '{option}: 「{value}」: {detail}',
};
