import { useTranslation } from 'react-i18next';
import { SUPPORTED_LOCALES, resolveLocale } from '../../common/i18n/index.js';
import { useSession } from '../session';

/**
 * A button for the other language, labelled in that language (and marked with lang) so its
 * speakers recognise it and screen readers pronounce it right. It stays the same element when
 * the language changes, so keyboard focus stays on it.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { changeLocale } = useSession();
  const active = resolveLocale(i18n.language);
  const other = SUPPORTED_LOCALES.find((locale) => locale !== active) ?? active;
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      <button
        type="button"
        className="header-link"
        lang={other}
        onClick={() => {
          // If saving in the account fails, the choice still holds on this device.
          changeLocale(other).catch(() => undefined);
        }}
      >
        {t(`app.languages.${other}`)}
      </button>
    </div>
  );
}
