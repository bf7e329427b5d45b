import type { ReactNode } from 'react';
import type { TRunWarning } from '@planning-hub/contracts/api/runs';
import { formatSentences } from '@planning-hub/contracts/messages/format-message';
import { useI18n } from '../../../i18n/i18n-context';
import { CopyButton } from '../../../components/ui/copy-button';
import { webCommand } from '../cli-commands';
import { HashCheckCommands } from './hash-check-commands';

/** The evidence of a Legacy mode run names the sha256 of the CSV bundle it used. */
const EVIDENCE_FILE = '<bundle.zip>';

/**
 * A run warning as the runbook names it (`Legacy mode`, `Missing InputSet`, never
 * translated), what it means, what fixes it on this page (`actions`), and the exact
 * commands that fix it from the command line, folded away and copyable.
 */
export function WarningCard({ warning, actions }: { warning: TRunWarning; actions?: ReactNode }) {
  const { t, language } = useI18n();
  const titleId = `warning-${warning.code}`;
  const commands = warning.commands.map(webCommand);
  // The message by code, in the reader's language; a warning stored before codes has its English only.
  const isAsRecorded = warning.messageParts.every((part) => part.messageCode === 'run.as_recorded');
  const message = formatSentences(language, warning.messageParts) || warning.message;
  return (
    <section className="warning-card" aria-labelledby={titleId}>
      <div className="warning-card-head">
        <span className="warning-card-icon" aria-hidden="true">
          !
        </span>
        <div className="stack-xs">
          <h3 id={titleId}>{warning.title}</h3>
          {/* Other languages add the runbook's explanation of the English title first. */}
          {language === 'en' ? null : (
            <p className="warning-card-meaning">{t(`run.warning.${warning.code}.meaning`)}</p>
          )}
          <p lang={isAsRecorded ? 'en' : undefined}>{message}</p>
        </div>
      </div>
      {actions}
      {commands.length > 0 ? (
        <details className="command-details">
          <summary>{t('run.warning.commands')}</summary>
          <div className="stack-xs">
            <div className="command-head">
              <span className="command-title">{t('run.warning.commandsIntro')}</span>
              <CopyButton
                text={commands.join('\n')}
                label={t('run.warning.copyCommands', { title: warning.title })}
              />
            </div>
            <pre className="command">
              <code>
                {commands.map((command, index) => (
                  <span key={index} className="command-line">
                    {command}
                  </span>
                ))}
              </code>
            </pre>
            {warning.code === 'legacy_mode' ? (
              <>
                <p className="field-hint">{t('run.warning.evidenceHash', { file: EVIDENCE_FILE })}</p>
                <HashCheckCommands file={EVIDENCE_FILE} />
              </>
            ) : null}
          </div>
        </details>
      ) : null}
    </section>
  );
}
