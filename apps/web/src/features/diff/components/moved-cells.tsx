import { formatExactNumber, formatPercent, formatSignedExact } from '../diff-rules';

/** Headers of number columns (right-aligned), in the order given. */
export function NumHeaders({ labels }: { labels: readonly string[] }) {
  return (
    <>
      {labels.map((label) => (
        <th key={label} scope="col" className="num">
          {label}
        </th>
      ))}
    </>
  );
}

/** A total before and after, exactly as stored. */
export function BeforeAfterCells({ before, after }: { before: string; after: string }) {
  return (
    <>
      <td className="num">{formatExactNumber(before)}</td>
      <td className="num">{formatExactNumber(after)}</td>
    </>
  );
}

/** Δ with its sign, coloured by the direction it moved. */
export function DeltaCell({ delta }: { delta: string }) {
  const direction = delta.startsWith('-') ? 'moved-down' : delta === '0' ? '' : 'moved-up';
  return <td className={`num ${direction}`}>{formatSignedExact(delta)}</td>;
}

/** Δ as a share of before; a dash where there was nothing before. */
export function PercentCell({ percent }: { percent: string | null }) {
  return (
    <td className="num">{percent === null ? <span className="muted">—</span> : formatPercent(percent)}</td>
  );
}
