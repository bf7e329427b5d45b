import type { RUN_MESSAGES_EN } from '../en/runs';

/** The sentences of a run's warning cards in Japanese (docs/glossary.md). */
export const RUN_MESSAGES_JA: Record<keyof typeof RUN_MESSAGES_EN, string> = {
  'run.legacy_mode.no_label':
    'この実行には input_set_label がないため、承認済みの入力セットを使っていません。',
  'run.legacy_mode.no_label_plan':
    'この実行には input_set_label がなく(計画にも既定のラベルがありません)、承認済みの入力セットを使っていません。',
  'run.legacy_mode.rerun': 'ready の入力セットで再実行してください。',
  'run.legacy_mode.ready_labels': 'ready のラベル: {labels}。',
  'run.legacy_mode.none_ready':
    'ready の入力セットはまだありません。先に 1 つインポートして承認してください。',
  'run.legacy_mode.evidence':
    'どうしても再実行できない場合は、使った CSV バンドルの証跡と例外の理由を実行メモに添えてください。',
  'run.missing_input_set.no_ready':
    '入力セット「{label}」には ready のリビジョンがないため、この実行は入力データを使っていません。',
  'run.missing_input_set.draft_with_errors':
    'リビジョン r{revision}(バージョン {versionId})は検証エラーが {errors} 件ある draft です。ファイルを直してもう一度インポートし、承認してください。',
  'run.missing_input_set.draft_waiting':
    'リビジョン r{revision}(バージョン {versionId})はレビュー待ちの draft です。承認すれば足ります(再インポートすると先に置き換わります)。',
  'run.missing_input_set.archived':
    '最新のリビジョン r{revision}(バージョン {versionId})は archived です。エクスポートしてもう一度インポートし、draft を承認してください。',
  'run.missing_input_set.no_revisions':
    'このラベルにはデータベースにリビジョンがありません。最後のエクスポート({folder})を再インポートして承認してください。',
  'run.missing_input_set.relink': 'または、計画を別の ready の入力セットに結び付け直してください。',
  'run.as_recorded': '{message}',
};
