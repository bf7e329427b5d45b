import type { CHECK_MESSAGES_EN } from '../en/checks';

/** 承認ゲートのチェックの指摘(docs/design.md section 11)。プレースホルダは英語版と同じ。 */
export const CHECK_MESSAGES_JA: Record<keyof typeof CHECK_MESSAGES_EN, string> = {
  'check.skipped_first':
    '「{label}」には比較する ready のリビジョンがないため、比較するチェックは省略しました。',
  'check.row_count_change':
    '{table}: {against} では {before} 行、このリビジョンでは {after} 行です({percent}%。ポリシーの許容範囲は ±{threshold}%)。',
  'check.row_count_change.new_table': '{table}: {against} には行がなく、このリビジョンでは {after} 行です。',
  'check.item_appeared': '品目「{code}」は新しく追加されました({against} にはありません)。',
  'check.item_disappeared': '品目「{code}」は {against} にありますが、このリビジョンにはありません。',
  'check.location_appeared': '拠点「{code}」は新しく追加されました({against} にはありません)。',
  'check.location_disappeared': '拠点「{code}」は {against} にありますが、このリビジョンにはありません。',
  'check.missing_period':
    '期間「{period}」の {table} の行は {against} にありますが、このリビジョンにはありません。',
  'check.item_demand_change':
    '品目「{item}」の需要合計が {before} から {after} に変わりました({percent}%。ポリシーの許容範囲は ±{threshold}%)。',
  'check.item_demand_change.from_zero':
    '品目「{item}」の需要合計は {against} では 0 でしたが、このリビジョンでは {after} です。',
  'check.quantity_outlier':
    '品目「{item}」・拠点「{location}」・期間 {period} の需要が {before} から {after} に変わりました(×{factor}。ポリシーは増減どちらも ×{ratio} 以上を指摘します)。',
  'check.mixed_uom': '品目「{item}」の需要に単位(uom)が {count} 種類あります: {uoms}。',
} as const;
