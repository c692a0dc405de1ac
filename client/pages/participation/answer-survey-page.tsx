import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { useApi } from '../../use-api';
import { NotFoundPage } from '../not-found-page';
import { inLanguage } from './participation-common';
import { SurveyForm } from './survey-form';
import './participation.css';

const NAMES: Record<string, string> = { nl: 'Nederlands', en: 'English', fr: 'Français', ar: 'العربية', uk: 'Українська' };

/** The browser's own random token for one survey, kept in localStorage: one response per browser. */
function browserToken(surveyToken: string): string {
  const key = `rk-survey-${surveyToken}`;
  let token = localStorage.getItem(key);
  if (!token) {
    token = crypto.randomUUID();
    localStorage.setItem(key, token);
  }
  return token;
}

/** /r/:slug/cooperatie/bevragingen/invullen/:token — a public survey, answered anonymously in its own languages (Arabic right to left). */
export function AnswerSurveyPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const survey = useApi('/api/public-surveys/{token}', { params: { path: { token } } });
  const [language, setLanguage] = useState('nl');
  const [done, setDone] = useState<'thanks' | 'already' | null>(() => (localStorage.getItem(`rk-survey-${token}-done`) ? 'already' : null));
  useEffect(() => {
    const preferred = navigator.language.slice(0, 2);
    if (survey.data?.languages.includes(preferred as never)) setLanguage(preferred);
  }, [survey.data]);
  if (survey.error?.status === 404) return <NotFoundPage />;
  if (!survey.data) return <Page title={t('participation.surveys.heading')}>{survey.error ? <Notice kind="error">{survey.error.message}</Notice> : <p>{t('app.loading')}</p>}</Page>;
  const data = survey.data;
  const words = (key: 'language' | 'thanks' | 'already' | 'closed') => t(`participation.publicWords.${language}.${key}`);
  const rtl = language === 'ar';
  return (
    <div lang={language} dir={rtl ? 'rtl' : 'ltr'} className={rtl ? 'pp-rtl' : undefined}>
      <Page title={inLanguage(data.title, language)} lead={data.intro[language] || data.intro.nl ? <p>{inLanguage(data.intro, language)}</p> : undefined}>
        {data.languages.length > 1 ? (
          <div className="field">
            <label htmlFor="survey-language">{words('language')}</label>
            <select id="survey-language" value={language} onChange={(event) => setLanguage(event.target.value)}>
              {data.languages.map((code) => (
                <option key={code} value={code} lang={code}>
                  {NAMES[code]}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {data.status === 'closed' ? (
          <Notice kind="info">{words('closed')}</Notice>
        ) : done ? (
          <Notice kind="success">{words(done)}</Notice>
        ) : (
          <SurveyForm
            survey={data}
            language={language}
            onSubmit={async (answers) => {
              try {
                await api.POST('/api/public-surveys/{token}/responses', { params: { path: { token } }, body: { language: data.languages.includes(language as never) ? (language as 'nl') : 'nl', answers, browserToken: browserToken(token) } });
                localStorage.setItem(`rk-survey-${token}-done`, '1');
                setDone('thanks');
              } catch (error) {
                if ((error as { code?: string }).code === 'ALREADY_ANSWERED') setDone('already');
                else throw error;
              }
            }}
          />
        )}
      </Page>
    </div>
  );
}
