import { useTranslation } from 'react-i18next';

/**
 * The language icons as a pictogram (filled speech bubbles out of four) with the words that explain
 * them: the pictogram speaks to readers who read no Dutch and little of their own interface language.
 */
export function LanguageIcons({ count, explain = 'hidden' }: { count: number | null; explain?: 'hidden' | 'visible' }) {
  const { t } = useTranslation();
  const text = t(`catalogPublic.icons.${count ?? 'unknown'}`);
  return (
    <span className="language-icons" title={text}>
      <span className="language-icons__marks" aria-hidden="true">
        {[1, 2, 3, 4].map((position) => (
          <svg key={position} viewBox="0 0 24 24" width="22" height="22" className={count !== null && position <= count ? 'is-on' : 'is-off'}>
            <path d="M4 4h16a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H10l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z" />
          </svg>
        ))}
        {count === null ? <span className="language-icons__unknown">?</span> : null}
      </span>
      <span className={explain === 'hidden' ? 'visually-hidden' : 'language-icons__text'}>{text}</span>
    </span>
  );
}
