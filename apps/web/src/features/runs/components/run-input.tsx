import { Link } from 'react-router';
import type { TRunSummary } from '@planning-hub/contracts/api/runs';
import { paths } from '../../../config/paths';

/** The input set a run used (`label@rN`, linked), or its warning's title when it used none. */
export function RunInput({ run }: { run: TRunSummary }) {
  return (
    <span className="run-input">
      {run.inputSetLabel && run.inputSetRevision !== null ? (
        <Link to={paths.runInputSet.getHref(run.inputSetLabel, run.inputSetRevision)} className="mono">
          {`${run.inputSetLabel}@r${run.inputSetRevision}`}
        </Link>
      ) : run.inputSetLabel ? (
        <span className="mono">{run.inputSetLabel}</span>
      ) : null}
      {run.warnings.map((warning) => (
        <span key={warning.code} className="warning-chip">
          {warning.title}
        </span>
      ))}
    </span>
  );
}
