import { useId } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { isLanguage, type TLanguage } from '../../i18n/translate';

// Each language is named in itself, so a reader of either can find theirs.
const LANGUAGE_NAMES: Record<TLanguage, string> = { en: 'English', ja: '日本語' };

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('header.language')}
      </label>
      <svg className="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        <circle cx="8" cy="8" r="6.3" fill="none" stroke="currentColor" strokeWidth="1.3" />
        <path
          d="M1.8 8h12.4M8 1.7c2 2 2 10.6 0 12.6M8 1.7c-2 2-2 10.6 0 12.6"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.3"
        />
      </svg>
      <select
        id={id}
        className="select select--small"
        value={language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) setLanguage(event.target.value);
        }}
      >
        {Object.entries(LANGUAGE_NAMES).map(([code, name]) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
