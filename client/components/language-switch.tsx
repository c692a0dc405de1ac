import { useTranslation } from 'react-i18next';
import { LOCALE_NAMES, SUPPORTED_LOCALES, resolveLocale, type Locale } from '../../common/i18n/index.js';
import { useSession } from '../session';

/**
 * The language picker on every page: each language named in itself (and marked with lang) so its
 * speakers recognise it and screen readers pronounce it right. The choice is remembered on this
 * device; Dutch or English is also stored in a logged-in user's account.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { changeLocale } = useSession();
  const active = resolveLocale(i18n.language);
  return (
    <div className="language-switch">
      <label htmlFor="language-switch" className="language-switch__label">
        <span aria-hidden="true" className="language-switch__icon">
          {/* A globe: recognisable whatever language the page is in. */}
          <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2">
            <circle cx="12" cy="12" r="10" />
            <path d="M2 12h20M12 2a15 15 0 0 1 0 20M12 2a15 15 0 0 0 0 20" />
          </svg>
        </span>
        <span className="visually-hidden">{t('app.language')}</span>
      </label>
      <select
        id="language-switch"
        className="language-switch__select"
        value={active}
        onChange={(event) => {
          // If saving in the account fails, the choice still holds on this device.
          changeLocale(event.target.value as Locale).catch(() => undefined);
        }}
      >
        {SUPPORTED_LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}
