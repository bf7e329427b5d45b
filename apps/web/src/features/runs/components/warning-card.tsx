import type { TRunWarning } from '@planning-hub/contracts/api/runs';
import { useI18n } from '../../../i18n/i18n-context';
import { CopyButton } from '../../../components/ui/copy-button';

/**
 * A run warning as the runbook names it (`Legacy mode`, `Missing InputSet`, never
 * translated), what it means, and the exact commands that fix it, copyable.
 */
export function WarningCard({ warning }: { warning: TRunWarning }) {
  const { t, language } = useI18n();
  const titleId = `warning-${warning.code}`;
  const commands = warning.commands.join('\n');
  return (
    <section className="warning-card" aria-labelledby={titleId}>
      <div className="warning-card-head">
        <span className="warning-card-icon" aria-hidden="true">
          !
        </span>
        <div className="stack-xs">
          <h3 id={titleId}>{warning.title}</h3>
          {/* The API writes its message in English; other languages add the runbook's explanation first. */}
          {language === 'en' ? null : <p className="warning-card-meaning">{t(`run.warning.${warning.code}.meaning`)}</p>}
          <p lang="en">{warning.message}</p>
        </div>
      </div>
      {warning.commands.length > 0 ? (
        <div className="stack-xs">
          <div className="command-head">
            <span className="command-title">{t('run.warning.commands')}</span>
            <CopyButton text={commands} label={t('run.warning.copyCommands', { title: warning.title })} />
          </div>
          <pre className="command">
            <code>
              {warning.commands.map((command, index) => (
                <span key={index} className="command-line">
                  {command}
                </span>
              ))}
            </code>
          </pre>
        </div>
      ) : null}
    </section>
  );
}
