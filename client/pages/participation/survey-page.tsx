import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, apiHref } from '../../api';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { NotFoundPage } from '../not-found-page';
import { useRegion } from '../regions/region-context';
import { BarChart } from './bar-chart';
import { inLanguage, participationPaths } from './participation-common';
import { SurveyForm } from './survey-form';
import './participation.css';

/** /r/:slug/cooperatie/bevragingen/:surveyId — live results per question (chart + table), a filter, open answers, exports; members answer here. */
export function SurveyPage() {
  const { t, i18n } = useTranslation();
  const { region } = useRegion();
  const session = useSession();
  const { surveyId = '' } = useParams();
  const [filter, setFilter] = useState('');
  const [filterQuestion, filterOption] = filter ? filter.split(':') : [undefined, undefined];
  const survey = useApi('/api/regions/{slug}/surveys/{surveyId}', { params: { path: { slug: region.slug, surveyId } }, refreshKey: session.user?.id ?? null });
  const results = useApi('/api/regions/{slug}/surveys/{surveyId}/results', {
    params: { path: { slug: region.slug, surveyId }, query: filterQuestion ? { filterQuestion, filterOption } : {} },
    refreshKey: `${session.user?.id ?? ''}-${survey.data?.responses ?? 0}`,
  });
  if (survey.error?.status === 404) return <NotFoundPage />;
  if (!survey.data) return <Page title={t('participation.surveys.heading')} regionName={region.name}>{survey.error ? <Notice kind="error">{survey.error.message}</Notice> : <p>{t('app.loading')}</p>}</Page>;
  const data = survey.data;
  const language = i18n.language;
  const label = (text: Record<string, string>) => inLanguage(text, language);
  const filterable = data.questions.filter((question) => question.kind === 'single' || question.kind === 'multiple');
  const mayAnswer = data.status === 'open' && data.audience !== 'public' && !data.answered && (data.audience === 'members' || region.myRole === 'editor' || region.myRole === 'admin');
  const setStatus = async (status: 'open' | 'closed') => {
    await api.PATCH('/api/regions/{slug}/surveys/{surveyId}/status', { params: { path: { slug: region.slug, surveyId } }, body: { status, version: data.version } });
    survey.reload();
  };
  return (
    <Page
      title={label(data.title)}
      regionName={region.name}
      lead={
        <p>
          {t(`participation.surveys.audiences.${data.audience}`)} · {t(`participation.status.${data.status}`)} · {t('participation.results.languagesUsed', { languages: data.languages.map((code) => code.toUpperCase()).join(', ') })}
        </p>
      }
    >
      <p>
        <Link to={participationPaths.surveys(region.slug)}>{t('participation.surveys.heading')}</Link>
      </p>
      {data.publicPath ? (
        <p>
          {t('participation.results.publicLink')}: <a href={data.publicPath}>{`${window.location.origin}${data.publicPath}`}</a>
        </p>
      ) : null}
      {mayAnswer ? (
        <section>
          <h2>{t('participation.answer.fill')}</h2>
          <SurveyForm
            survey={data}
            language="nl"
            onSubmit={async (answers) => {
              await api.POST('/api/regions/{slug}/surveys/{surveyId}/responses', { params: { path: { slug: region.slug, surveyId } }, body: { language: 'nl', answers } });
              survey.reload();
            }}
          />
        </section>
      ) : data.answered ? (
        <Notice kind="success" live={false}>
          {t('participation.answer.already')}
        </Notice>
      ) : null}
      <div className="pp-actions">
        <a className="button" href={apiHref('/api/regions/{slug}/surveys/{surveyId}/export', { path: { slug: region.slug, surveyId }, query: { format: 'xlsx' } })} download>
          {t('participation.results.exportXlsx')}
        </a>
        <a className="button" href={apiHref('/api/regions/{slug}/surveys/{surveyId}/export', { path: { slug: region.slug, surveyId }, query: { format: 'csv' } })} download>
          {t('participation.results.exportCsv')}
        </a>
        {data.canManage ? (
          <button type="button" className="button" onClick={() => void setStatus(data.status === 'open' ? 'closed' : 'open')}>
            {data.status === 'open' ? t('participation.results.closeSurvey') : t('participation.results.reopen')}
          </button>
        ) : null}
      </div>
      <h2>{t('participation.results.heading')}</h2>
      {filterable.length ? (
        <div className="field">
          <label htmlFor="results-filter">{t('participation.results.filter')}</label>
          <select id="results-filter" value={filter} onChange={(event) => setFilter(event.target.value)}>
            <option value="">{t('participation.results.filterNone')}</option>
            {filterable.flatMap((question) =>
              question.options.map((option) => (
                <option key={`${question.id}:${option.key}`} value={`${question.id}:${option.key}`}>
                  {`${label(question.text)} = ${label(option.label)}`}
                </option>
              )),
            )}
          </select>
        </div>
      ) : null}
      {results.error ? <Notice kind="error">{results.error.message}</Notice> : null}
      {results.data ? (
        <>
          <p role="status">{t('participation.results.responses', { count: results.data.responses })}</p>
          {data.questions.map((question) => {
            if (question.kind === 'section') return <h3 key={question.id}>{label(question.text)}</h3>;
            const result = results.data?.questions.find((row) => row.questionId === question.id);
            if (!result) return null;
            const optionLabel = (key: string) => label(question.options.find((option) => option.key === key)?.label ?? { nl: key });
            return (
              <section key={question.id} className="pp-result" aria-labelledby={`result-${question.id}`}>
                <h4 id={`result-${question.id}`}>{label(question.text)}</h4>
                <p className="pp-meta">
                  {t('participation.results.answered', { count: result.answered })}
                  {result.mean !== null ? ` · ${t('participation.results.mean', { mean: result.mean.toFixed(1).replace('.', ',') })}` : ''}
                </p>
                {result.counts.length ? (
                  <BarChart
                    title={label(question.text)}
                    total={result.answered}
                    bars={(question.kind === 'ranking' ? [...result.counts].sort((a, b) => (a.meanRank ?? 99) - (b.meanRank ?? 99)) : result.counts).map((row) => ({
                      label: question.kind === 'scale' ? row.key : optionLabel(row.key),
                      count: row.count,
                      note: row.meanRank !== null ? t('participation.results.meanRank', { rank: row.meanRank.toFixed(1).replace('.', ',') }) : undefined,
                    }))}
                  />
                ) : null}
                {question.kind === 'short' || question.kind === 'long' ? (
                  result.texts.length ? (
                    <>
                      <p>{t('participation.results.texts', { count: result.textCount })}</p>
                      <ul className="pp-texts">
                        {result.texts.map((text, index) => (
                          <li key={index}>{text}</li>
                        ))}
                      </ul>
                    </>
                  ) : (
                    <p>{t('participation.results.noTexts')}</p>
                  )
                ) : null}
              </section>
            );
          })}
        </>
      ) : null}
    </Page>
  );
}
