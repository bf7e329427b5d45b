/** A labelled progress bar; `value` null means "working, amount unknown". */
export function ProgressBar({ value, label }: { value: number | null; label: string }) {
  const percent = value === null ? null : Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className="progress">
      <div className="progress-label">
        <span>{label}</span>
        {percent !== null ? <span className="num">{percent}%</span> : null}
      </div>
      <div
        className={`progress-track${percent === null ? ' progress-track--indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
      >
        <div className="progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
    </div>
  );
}
