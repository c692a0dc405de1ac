import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Survey } from '../../../common/schemas/participation.js';
import type { ApiError } from '../../api';
import { ErrorSummary, SubmitButton, useSubmit } from '../../components/form';
import { inLanguage } from './participation-common';

export type Answers = Record<string, string | string[] | number>;

/** The questions of a survey as a form in one of its languages (sections as headings). */
export function SurveyForm({ survey, language, onSubmit }: { survey: Survey; language: string; onSubmit: (answers: Answers) => Promise<void> }) {
  const { t } = useTranslation();
  const words = (key: 'submit' | 'required') => t(`participation.publicWords.${survey.languages.includes(language as never) ? language : 'nl'}.${key}`);
  const [rankings, setRankings] = useState<Record<string, string[]>>({});
  const { run, busy, error } = useSubmit(async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const answers: Answers = {};
    for (const question of survey.questions) {
      if (question.kind === 'single') answers[question.id] = String(data.get(question.id) ?? '');
      else if (question.kind === 'multiple') answers[question.id] = data.getAll(question.id).map(String);
      else if (question.kind === 'ranking') answers[question.id] = (rankings[question.id] ?? []).filter(Boolean);
      else if (question.kind === 'scale') {
        const value = data.get(question.id);
        if (value) answers[question.id] = Number(value);
      } else if (question.kind !== 'section') answers[question.id] = String(data.get(question.id) ?? '');
    }
    await onSubmit(answers);
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(event.currentTarget);
  };
  const fieldError = (id: string) => (error as ApiError | undefined)?.fieldMessage(`answers.${id}`);
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary error={error} fields={survey.questions.map((question) => ({ path: `answers.${question.id}`, id: `q-${question.id}`, label: inLanguage(question.text, language) }))} />
      {survey.questions.map((question) => {
        const text = inLanguage(question.text, language);
        if (question.kind === 'section') return <h2 key={question.id}>{text}</h2>;
        const problem = fieldError(question.id);
        const legend = (
          <legend>
            {text} {question.required ? <span>{words('required')}</span> : null}
          </legend>
        );
        const errorLine = problem ? (
          <p className="field__error" id={`q-${question.id}-error`}>
            {problem}
          </p>
        ) : null;
        if (question.kind === 'short' || question.kind === 'long') {
          return (
            <div key={question.id} className={`field pp-question${problem ? ' field--invalid' : ''}`}>
              <label htmlFor={`q-${question.id}`}>
                {text} {question.required ? words('required') : ''}
              </label>
              {errorLine}
              {question.kind === 'short' ? (
                <input id={`q-${question.id}`} name={question.id} maxLength={300} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `q-${question.id}-error` : undefined} />
              ) : (
                <textarea id={`q-${question.id}`} name={question.id} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `q-${question.id}-error` : undefined} />
              )}
            </div>
          );
        }
        return (
          <fieldset key={question.id} id={`q-${question.id}`} tabIndex={-1} className="pp-question" aria-describedby={problem ? `q-${question.id}-error` : undefined}>
            {legend}
            {errorLine}
            {question.kind === 'single' || question.kind === 'multiple'
              ? question.options.map((option) => (
                  <label key={option.key} className="pp-choice">
                    <input type={question.kind === 'single' ? 'radio' : 'checkbox'} name={question.id} value={option.key} /> {inLanguage(option.label, language)}
                  </label>
                ))
              : null}
            {question.kind === 'scale' ? (
              <div className="pp-scale">
                {Array.from({ length: question.scaleMax - question.scaleMin + 1 }, (_, index) => question.scaleMin + index).map((value) => (
                  <label key={value}>
                    <input type="radio" name={question.id} value={value} />
                    {value}
                  </label>
                ))}
              </div>
            ) : null}
            {question.kind === 'ranking'
              ? question.options.map((_, place) => (
                  <div key={place} className="field">
                    <label htmlFor={`q-${question.id}-${place}`}>{place + 1}.</label>
                    <select
                      id={`q-${question.id}-${place}`}
                      value={rankings[question.id]?.[place] ?? ''}
                      onChange={(event) => {
                        const next = [...(rankings[question.id] ?? [])];
                        next[place] = event.target.value;
                        setRankings({ ...rankings, [question.id]: next });
                      }}
                    >
                      <option value="">–</option>
                      {question.options.map((option) => (
                        <option key={option.key} value={option.key}>
                          {inLanguage(option.label, language)}
                        </option>
                      ))}
                    </select>
                  </div>
                ))
              : null}
          </fieldset>
        );
      })}
      <SubmitButton busy={busy}>{words('submit')}</SubmitButton>
    </form>
  );
}
