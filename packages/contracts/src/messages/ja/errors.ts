import type { ERROR_MESSAGES_EN } from '../en/errors';

/** API error messages in Japanese (docs/glossary.md), with the placeholders of the English ones. */
export const ERROR_MESSAGES_JA: Record<keyof typeof ERROR_MESSAGES_EN, string> = {
  'title.400': '不正なリクエスト',
  'title.401': '認証が必要です',
  'title.403': '権限がありません',
  'title.404': '見つかりません',
  'title.408': 'リクエストがタイムアウトしました',
  'title.409': '競合しています',
  'title.413': '大きすぎます',
  'title.415': '対応していない形式です',
  'title.422': '処理できない内容です',
  'title.429': 'リクエストが多すぎます',
  'title.500': 'サーバーエラー',
  'title.503': 'サービスを利用できません',
  'title.other': 'エラー',

  'error.api.no_route': 'API のルート {method} {path} はありません。',
  'error.request.invalid': 'リクエストの内容が正しくありません: {detail}',
  'error.request.refused': 'リクエストを受け付けられません: {detail}',
  'error.request.bad': '不正なリクエストです。',
  'error.request.bad_value':
    'リクエストの値を保存も比較もできません(NUL 文字、範囲外の数値、長すぎる文字列ではありませんか?)。',
  'error.request.timeout': 'リクエストが {seconds} 秒以内に届きませんでした。',
  'error.server.database_busy': 'データベースが混み合っています。数秒後にもう一度お試しください。',
  'error.server.internal': 'サーバー側で問題が発生しました。リクエストIDがあれば原因を調べられます。',

  'error.auth.required': 'サインインするか、API トークンを送ってください。',
  'error.auth.wrong_password': 'ユーザー名またはパスワードが正しくありません。',
  'error.auth.invalid_token':
    'API トークンが無効です。不明、期限切れ、失効済みか、そのユーザーが無効になっています。',
  'error.auth.csrf': 'X-CSRF-Token ヘッダーがないか、このセッションのものと一致しません。',
  'error.auth.role': 'この操作には {role} ロールが必要です(現在のロールは {actual} です)。',
  'error.auth.session_exists':
    'このリクエストにはすでにブラウザーのセッションがあります。新しいセッションは API トークンとローカル操作者の呼び出しにだけ発行されます。',
  'error.auth.hashing_busy': '同時に確認中のパスワードが多すぎます。数秒後にもう一度お試しください。',
  'error.auth.too_many_from_address':
    'このアドレスからのサインイン失敗が多すぎます。{minutes} 分後にもう一度お試しください。',
  'error.auth.too_many_for_user':
    '「{username}」のサインイン試行が多すぎます。{minutes} 分後にもう一度お試しください。',
  'error.auth.too_many_for_user_from_addresses':
    '複数のアドレスから「{username}」へのサインイン失敗が多すぎます。{minutes} 分後にもう一度お試しください。',
  'hint.auth.csrf':
    'ページを再読み込みしてください。スクリプトからはセッション Cookie ではなく API トークンを使ってください。',
  'hint.auth.sign_in_again':
    '`planning login --server <url>` でサインインし直してください(スクリプトは `planning tokens create`)。',

  'error.user.not_found': 'ユーザー「{username}」が見つかりません。',
  'error.user.not_found_by_id': 'ID {id} のユーザーが見つかりません。',
  'error.user.disabled': 'ユーザー「{username}」は無効になっています。',
  'error.user.exists': 'ユーザー「{username}」はすでに存在します。',
  'error.user.invalid_user': 'ユーザーの内容が正しくありません: {detail}',
  'error.user.invalid_employee_id': '社員IDが正しくありません: {detail}',
  'error.user.invalid_password': 'パスワードが正しくありません: {detail}',
  'error.user.username_invalid': 'ユーザー名「{username}」は使えません: {detail}',
  'error.user.cannot_disable_self':
    '自分自身(「{username}」)は無効にできません。ほかの管理者に依頼してください。',
  'error.user.cannot_lower_own_role':
    '自分自身(「{username}」)のロールを {from} から {to} に下げることはできません。ほかの管理者に依頼してください。',
  'error.user.local_has_no_password':
    'ユーザー「{username}」はローカル操作者のため、パスワードがありません。',
  'error.user.first_admin_exists':
    'データベースにはサインインするユーザーがすでに {count} 人います。最初の管理者は一度だけ作成できます。',
  'hint.user.list': '`planning users list` でユーザーの一覧を確認できます。',
  'hint.user.disable_instead':
    '代わりに無効にしてください: PATCH /api/admin/users/{username} に {"disabled": true} を送ります。',
  'hint.user.create_admin':
    '管理者としてサインインし、`planning users create --username <u> --role admin --password-stdin` を使ってください。',

  'error.token.name_length': 'トークン名は 1〜128 文字です。',
  'error.token.days': 'トークンの有効期間は 1〜{max} 日です({days} 日は指定できません)。',
  'error.token.local_user':
    'ユーザー「{username}」はローカル操作者のため、API トークンは発行されません。ローカル操作者は server.json によって信頼されます。',
  'error.token.prefix_or_id': 'トークンはプレフィックスか ID のどちらか一方で指定してください。',
  'error.token.prefix_invalid': 'トークンのプレフィックス「{prefix}」が 16 進 8 文字ではありません。',
  'error.token.not_found_by_prefix': 'プレフィックス「{prefix}」の API トークンが見つかりません。',
  'error.token.not_found_by_id': 'ID {id} の API トークンが見つかりません。',
  'error.token.several_by_prefix': 'プレフィックス「{prefix}」の API トークンが複数あります。',
  'error.token.several_by_id': 'ID {id} の API トークンが複数あります。',
  'error.token.admins_only_list':
    '「{username}」のトークン一覧を見られるのは管理者だけです(あなたは {role} の「{self}」です)。',
  'error.token.admins_only_create':
    '「{username}」のトークンを作成できるのは管理者だけです(あなたは {role} の「{self}」です)。',
  'hint.token.name_person': 'トークンを使う人のユーザー名(username)を指定してください。',
  'hint.token.list_ids': '`planning tokens list --user <u>` で ID を確認し、--id で失効させてください。',

  'error.input_set.not_found': '入力セット「{ref}」が見つかりません。',
  'error.input_set.ref_invalid': '「{text}」は入力セットの参照ではありません。',
  'error.input_set.label_invalid': '「{text}」はラベルとして使えません。',
  'error.input_set.not_a_label': '「{text}」は入力セットのラベルではありません。',
  'error.input_set.label_value_invalid': 'ラベル「{text}」は使えません: {detail}',
  'error.input_set.version_id_invalid': 'バージョンID「{text}」は使えません: {detail}',
  'error.input_set.no_such_table': 'テーブル「{text}」はありません。',
  'hint.input_set.tables': 'テーブル: {tables}。',
  'hint.input_set.ref_form':
    'ラベル(weekly_refresh)、label@draft、label@rN のどれかを使ってください。使える文字は英小文字 a-z、数字 0-9、"."、"_"、"-" です。',
  'hint.input_set.check_label':
    'ラベルに入力ミスがないか確認してください。`planning list` ですべてのラベルと正確な参照を確認できます。',
  'hint.input_set.only_draft': "draft しかありません。'{label}@draft' を使うか、先に承認してください。",
  'hint.input_set.only_draft_revision':
    "draft しかありません。'{label}@draft'(r{revision})を使うか、先に承認してください。",
  'hint.label.form':
    'ラベルは英小文字 a-z、数字 0-9、"."、"_"、"-" からなる 1〜63 文字で、英小文字か数字で始めます。',

  'error.upload.not_multipart':
    'バンドルは multipart/form-data で、1 つ以上の "files" パートとして送ってください。',
  'error.upload.declared_too_large': 'アップロードは {bytes} バイトです。上限は {max} バイトです。',
  'error.upload.unreadable': 'multipart リクエストを読めません: {detail}',
  'error.upload.field_name_too_long': '「{name}」で始まるフィールド名が長すぎます。',
  'error.upload.field_too_long': 'フィールド「{name}」が {max} バイトを超えています。',
  'error.upload.too_large': 'アップロードが {max} バイトを超えています。',
  'error.upload.file_too_large': '「{name}」が {max} バイトを超えています。',
  'error.upload.too_many_files': '1 回のアップロードで送れるファイルは {max} 個までです。',
  'error.upload.too_many_fields': '1 回のアップロードで送れるフィールドは {max} 個までです。',
  'error.upload.too_many_parts': 'アップロードのパートが多すぎます。',
  'error.upload.interrupted': 'アップロードが完了する前に中断されました。',
  'error.upload.no_files':
    'アップロードにファイルがありません。CSV ファイル、.zip、input_set.json のどれかを追加してください。',
  'error.upload.busy':
    'サーバーは {count} 件のアップロードを処理中です。{seconds} 秒後にもう一度お試しください。',
  'error.upload.validation_failed': 'バンドルに {count} 件のエラーがあります。何も保存していません。',
  'hint.upload.concurrency':
    'UPLOAD_CONCURRENCY で、1 台のサーバーが同時に受け付けるアップロードの数を設定できます。',
  'hint.upload.fix_rows':
    'errors に挙がった行を直してもう一度アップロードしてください(allow_invalid=true を送ると、エラーを含む状態で draft として保存できます)。',
  'error.bundle.path_missing': '「{path}」がありません。',
  'error.bundle.folder_missing': 'フォルダー「{path}」がないか、フォルダーではありません。',
  'error.bundle.zip_unreadable': 'zip ファイルを読めませんでした: {detail}',
  'error.bundle.zip_entry_unreadable': 'zip の項目「{entry}」を読めませんでした: {detail}',
  'error.bundle.zip_unsafe_path': 'zip の項目「{entry}」のパスは安全ではありません。',
  'error.bundle.zip_twice': 'zip に「{name}」が 2 つあります。',
  'error.bundle.zip_too_many_files':
    'zip のファイルが {max} 個を超えています(1 回のアップロードのすべての zip の合計)。',
  'error.bundle.zip_too_large':
    'zip の展開後の大きさが {max} バイトを超えています(1 回のアップロードのすべての zip の合計)。',

  'error.review.four_eyes': '二者確認の原則: 「{username}」はこのリビジョンを承認できません。',
  'error.review.four_eyes_local': '二者確認の原則: ローカル操作者「{username}」は「{ref}」を承認できません。',
  'error.review.four_eyes_uploader':
    '二者確認の原則: 「{username}」は「{ref}」の現在の内容をアップロードしたため、承認はできません。',
  'error.review.not_a_draft': '「{ref}」(r{revision})は {status} です。承認できるのは draft だけです。',
  'error.review.has_errors': '「{ref}」には検証エラーが {count} 件あるため、承認できません。',
  'error.review.needs_acknowledgement':
    '「{ref}」には警告が {count} 件あります。承認するには acknowledge_warnings: true が必要です。',
  'error.review.not_ready':
    '「{ref}」(r{revision})は {status} です。差戻しできるのは ready のリビジョンだけです。',
  'error.review.draft_blocks_revert':
    '「{label}」にはすでに draft(r{draftRevision})があります。draft がある間は「{ref}」を差戻しできません。',
  'error.review.already_archived': '「{ref}」はすでに archived です。',
  'error.review.busy': '「{label}」への別の変更が進行中です。再読み込みしてもう一度お試しください。',
  'error.review.gone': '「{ref}」はもうありません。再読み込みしてもう一度お試しください。',
  'error.review.gone_state':
    '「{ref}」はもうありません({state:revision_states})。再読み込みしてもう一度お試しください。',
  'error.review.content_changed':
    '「{ref}」の内容はレビューの後に変わりました(現在 {now}…、レビュー時 {reviewed}…)。再読み込みしてもう一度レビューしてください。',
  'error.review.reviewer_invalid': '社員ID「{reviewer}」は使えません: {detail}',
  'error.review.comment_required': 'コメントは必須です。',
  'error.review.comment_too_long': 'コメントは 2000 文字までです。',
  'error.review.reason_required': '理由(コメント)は必須です。',
  'error.review.reason_too_long': '理由(コメント)は 2000 文字までです。',
  'hint.review.ask_another': 'ほかの承認担当者に承認を依頼してください。',
  'hint.review.sign_in_to_approve':
    '承認にはサインインした承認担当者が必要です: `planning login --server <url>` を使うか、レビュータブで承認してください。',
  'hint.review.approve_draft':
    "'{label}@draft' を承認してください。`planning list` でラベルのリビジョンを確認できます。",
  'hint.review.fix_errors':
    '問題に挙がった行(または tmp/reports/import_planning_inputs.json)を直して、バンドルをもう一度アップロードしてください。',
  'hint.review.acknowledge':
    '警告を読んでから、レビュータブで「警告を確認しました」にチェックを入れるか、--acknowledge-warnings を付けてください。',
  'hint.review.draft_blocks_revert':
    "'{label}@draft' を承認するか管理者に archive してもらってから、差戻してください。",
  'error.review.check_errors':
    '「{ref}」には ready のリビジョンとのチェックで重要度「エラー」の指摘が {count} 件あるため、承認できません。',
  'error.review.needs_check_acknowledgement':
    '「{ref}」にはチェックで重要度「警告」の指摘が {count} 件あります。承認するには acknowledge_warnings: true が必要です。',
  'hint.review.check_errors':
    '`planning checks --label {ref}` かレビュータブで確認し、データを直して再アップロードするか、管理者に {label} のポリシーを変えてもらってから再アップロードしてください。',
  'hint.review.acknowledge_checks':
    '指摘を読んでから（`planning checks --label {ref}` またはレビュータブ）、警告を確認したうえで承認してください。',

  'error.events.backfill_has_events':
    '「{ref}」(r{revision})にはすでに {count} 件のイベントがあります。backfill はイベントのないリビジョンにだけ使えます。',
  'error.events.not_a_label': '「{text}」はラベルではありません。',
  'error.events.date_invalid': '「{text}」は日付ではありません。YYYYMMDD で書いてください(例: 20261125)。',
  'hint.events.see_them': '`planning events --label {label}` で確認できます。',
  'hint.events.use_label':
    "イベントはラベルのすべてのリビジョンにまたがって記録されます。'{label}' を使ってください。",

  'error.diff.nothing_to_compare': '入力セット「{ref}」には比較できる以前のリビジョンがありません。',
  'error.diff.not_queued': '差分のジョブを登録できませんでした。もう一度お試しください。',
  'hint.diff.name_revision':
    '比較相手を指定してください: against={label}@r<N>(リビジョンは `planning list` で確認できます)。',
  'hint.diff.name_draft_or_revision':
    '比較相手を指定してください: against={label}@draft または {label}@r<N>。',

  'error.run.not_found': '実行「{id}」が見つかりません。',
  'error.run.no_snapshot': '実行「{id}」には planning_input_set.json がありません。',
  'error.run.snapshot_missing': '実行「{id}」の planning_input_set.json が成果物の保存先にありません。',
  'error.run.draft_named': '実行には ready の入力セットだけを使います。「{text}」は draft を指しています。',
  'error.run.revision_named':
    '実行には ready の入力セットだけを使います。「{text}」は特定のリビジョンを指しています。',
  'error.plan.not_found': '計画「{id}」が見つかりません。',
  'error.plan.name_length': '計画名は 1〜128 文字です。',
  'error.plan.exists': '「{name}」という計画はすでにあります。',
  'hint.run.ids': '実行IDは UUID です。`planning runs list` と GET /api/runs で最近の実行を確認できます。',
  'hint.run.failed': '実行は失敗しました: {detail}',
  'hint.run.failed_see_detail': '実行は失敗しました。実行の詳細を確認してください。',
  'hint.run.no_snapshot':
    'これを書き出すのは ready の入力セットを使った実行だけです。この実行には Legacy mode か Missing InputSet の警告があります。',
  'hint.run.check_artifact_dir':
    'ARTIFACT_DIR の下に {path} があるはずです(sha256 {sha256})。ARTIFACT_DIR を確認してください。',
  'hint.run.name_label':
    'ラベル \'{label}\'(その ready のリビジョン)を指定してください。draft は承認すると ready になります: `pnpm planning review --label {label}@draft --action approve --reviewer <id> --comment "..."`',
  'hint.plan.label':
    '計画にはラベルを結び付けます(その ready のリビジョンが使われます)。label@draft や label@rN は使えません。',
  'hint.plan.list': '`planning plans list` ですべての計画と ID を確認できます。',

  'error.client.network': 'サーバーに接続できませんでした。接続を確認してもう一度お試しください。',
  'error.client.too_large': 'アップロードがサーバーの上限を超えています。',
  'error.client.http_status': 'サーバーが {status} を返しました。',
  'error.client.http_status_text': 'サーバーが {status} {statusText} を返しました。',
  'error.client.contract_mismatch': '{path} へのサーバーの応答が想定した形ではありませんでした。',
  'title.client.network': 'ネットワークエラー',
  'title.client.http_status': 'HTTP {status}',
  'title.client.contract_mismatch': '想定外の応答',
};
