import type { TRunDetail } from '@planning-hub/contracts/api/runs';
import { formatBytes } from '../../../lib/format';
import { useT } from '../../../i18n/i18n-context';
import { CopyButton } from '../../../components/ui/copy-button';
import { DownloadIcon } from '../../../components/ui/download-icon';
import { HashCheckCommands } from './hash-check-commands';

/** planning_input_set.json: download it, and check it against the sha256 shown (docs/runbook.ja.md section 5). */
export function ArtifactPanel({ run }: { run: TRunDetail }) {
  const t = useT();
  const artifact = run.artifact;
  return (
    <section className="card stack-s" aria-labelledby="artifact-title">
      <h2 id="artifact-title">{t('run.artifact.title')}</h2>
      {artifact ? (
        <>
          <p>
            <a className="btn btn--secondary" href={artifact.url} download={artifact.name}>
              <DownloadIcon />
              <span className="mono">{artifact.name}</span>
              <span className="muted">({formatBytes(artifact.bytes)})</span>
            </a>
          </p>
          <dl className="kv kv--tight">
            <dt>sha256</dt>
            <dd className="hash-line">
              <code className="hash" data-testid="artifact-sha256">
                {artifact.sha256}
              </code>
              <CopyButton text={artifact.sha256} label={t('run.artifact.copySha')} />
            </dd>
          </dl>
          <p className="field-hint">{t('run.artifact.check')}</p>
          <details className="command-details">
            <summary>{t('run.artifact.checkCommands')}</summary>
            <HashCheckCommands file={artifact.name} />
          </details>
        </>
      ) : (
        <p className="muted">
          {run.warnings.length > 0 ? t('run.artifact.noneWarning') : t('run.artifact.none')}
        </p>
      )}
    </section>
  );
}
