import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QUESTION_KINDS, SURVEY_LANGUAGES, type SurveyLanguage } from '../../../common/schemas/participation.js';
import { api } from '../../api';
import { Page } from '../../components/page';
import { ErrorSummary, Field, SubmitButton, chosenOption, useSubmit } from '../../components/form';
import { useRegion } from '../regions/region-context';
import { participationPaths } from './participation-common';
import './participation.css';

type QuestionKind = (typeof QUESTION_KINDS)[number];
interface Draft {
  kind: QuestionKind;
  text: Partial<Record<SurveyLanguage, string>>;
  options: string;
  required: boolean;
}
const AUDIENCES = ['members', 'partners', 'public'] as const;
const withOptions = (kind: QuestionKind) => kind === 'single' || kind === 'multiple' || kind === 'ranking';

/** /r/:slug/cooperatie/bevragingen/nieuw — build a survey: questions of every kind, sections, texts per language. */
export function SurveyBuilderPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const navigate = useNavigate();
  const [languages, setLanguages] = useState<SurveyLanguage[]>(['nl']);
  const [questions, setQuestions] = useState<Draft[]>([{ kind: 'single', text: {}, options: '', required: true }]);
  const update = (index: number, change: Partial<Draft>) => setQuestions(questions.map((question, at) => (at === index ? { ...question, ...change } : question)));
  const { run, busy, error } = useSubmit(async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const title = Object.fromEntries(languages.map((language) => [language, String(data.get(`title-${language}`) ?? '')]).filter(([, value]) => value));
    const created = await api.POST('/api/regions/{slug}/surveys', {
      params: { path: { slug: region.slug } },
      body: {
        title: { nl: '', ...title },
        intro: {},
        languages,
        audience: chosenOption(AUDIENCES, String(data.get('audience')), 'members'),
        questions: questions.map((question) => {
          const lines = question.options.split('\n').map((line) => line.trim()).filter(Boolean);
          return {
            kind: question.kind,
            text: { nl: '', ...Object.fromEntries(Object.entries(question.text).filter(([language, value]) => value && languages.includes(language as SurveyLanguage))) },
            // Options per language: the same line in each language's list, separated by " | ".
            options: withOptions(question.kind) ? lines.map((line) => Object.fromEntries(line.split('|').map((part, at) => [languages[at] ?? 'nl', part.trim()]).filter(([, value]) => value)) as { nl: string }) : [],
            required: question.required,
            scaleMin: 1,
            scaleMax: 5,
          };
        }),
      },
    });
    navigate(participationPaths.survey(region.slug, created.id));
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(event.currentTarget);
  };
  return (
    <Page title={t('participation.builder.heading')} regionName={region.name}>
      <form className="pp-form" onSubmit={submit} noValidate>
        <ErrorSummary error={error} fields={[{ path: 'title', id: 'title-nl', label: t('participation.builder.title') }, ...questions.map((_, index) => ({ path: `questions.${index}`, id: `question-${index}-kind`, label: t('participation.builder.question', { number: index + 1 }) }))]} />
        <fieldset className="pp-question">
          <legend>{t('participation.builder.languages')}</legend>
          {SURVEY_LANGUAGES.map((language) => (
            <label key={language} className="pp-choice">
              <input
                type="checkbox"
                checked={languages.includes(language)}
                disabled={language === 'nl'}
                onChange={(event) => setLanguages(event.target.checked ? SURVEY_LANGUAGES.filter((code) => code === language || languages.includes(code)) : languages.filter((code) => code !== language))}
              />{' '}
              {language.toUpperCase()}
            </label>
          ))}
        </fieldset>
        {languages.map((language) => (
          <Field key={language} id={`title-${language}`} label={`${t('participation.builder.title')} (${language.toUpperCase()})`} error={language === 'nl' ? error?.fieldMessage('title') : undefined}>
            {(control) => <input {...control} name={`title-${language}`} dir={language === 'ar' ? 'rtl' : undefined} lang={language} />}
          </Field>
        ))}
        <Field id="survey-audience" label={t('participation.builder.audience')}>
          {(control) => (
            <select {...control} name="audience" defaultValue="members">
              {AUDIENCES.map((audience) => (
                <option key={audience} value={audience}>
                  {t(`participation.surveys.audiences.${audience}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {questions.map((question, index) => (
          <fieldset key={index} className="pp-question">
            <legend>{t('participation.builder.question', { number: index + 1 })}</legend>
            <Field id={`question-${index}-kind`} label={t('participation.builder.kind')}>
              {(control) => (
                <select {...control} value={question.kind} onChange={(event) => update(index, { kind: chosenOption(QUESTION_KINDS, event.target.value, 'single') })}>
                  {QUESTION_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`participation.builder.kinds.${kind}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {languages.map((language) => (
              <Field key={language} id={`question-${index}-text-${language}`} label={t('participation.builder.textIn', { language: language.toUpperCase() })} error={language === 'nl' ? error?.fieldMessage(`questions.${index}.text`) : undefined}>
                {(control) => <input {...control} value={question.text[language] ?? ''} dir={language === 'ar' ? 'rtl' : undefined} lang={language} onChange={(event) => update(index, { text: { ...question.text, [language]: event.target.value } })} />}
              </Field>
            ))}
            {withOptions(question.kind) ? (
              <Field id={`question-${index}-options`} label={t('participation.builder.options')} hint={languages.length > 1 ? languages.map((code) => code.toUpperCase()).join(' | ') : undefined} error={error?.fieldMessage(`questions.${index}.options`)}>
                {(control) => <textarea {...control} value={question.options} onChange={(event) => update(index, { options: event.target.value })} />}
              </Field>
            ) : null}
            {question.kind !== 'section' ? (
              <label className="pp-choice">
                <input type="checkbox" checked={question.required} onChange={(event) => update(index, { required: event.target.checked })} /> {t('participation.builder.required')}
              </label>
            ) : null}
            {questions.length > 1 ? (
              <button type="button" className="button" onClick={() => setQuestions(questions.filter((_, at) => at !== index))}>
                {t('participation.builder.remove')}
              </button>
            ) : null}
          </fieldset>
        ))}
        <div className="pp-actions">
          <button type="button" className="button" onClick={() => setQuestions([...questions, { kind: 'single', text: {}, options: '', required: false }])}>
            {t('participation.builder.add')}
          </button>
          <SubmitButton busy={busy}>{t('participation.builder.save')}</SubmitButton>
        </div>
      </form>
    </Page>
  );
}
