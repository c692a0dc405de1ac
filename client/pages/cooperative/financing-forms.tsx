import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, conflictCurrent, type ApiResponse } from '../../api';
import { chosenOption, ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { euroText, parseEuro } from '../plans/action/action-drafts';

type Year = ApiResponse<'/api/regions/{slug}/cooperative/financing/{id}'>;
type FundingOption = ApiResponse<'/api/regions/{slug}/cooperative/financing'>['fundingOptions'][number];

const KEYS = ['gelijk', 'inwoners', 'vast', 'mix'] as const;

function badAmount(path: string, message: string): ApiError {
  return new ApiError(400, 'VALIDATION', message, [{ path, message }]);
}

/** Opens a working year (budget, key: equal / per inhabitant / fixed table / mix) or changes one. */
export function FinancingYearForm({ slug, fundingOptions, year, onDone }: { slug: string; fundingOptions: FundingOption[]; year?: Year; onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const [yearNumber, setYearNumber] = useState(String(year?.year ?? new Date().getFullYear() + 1));
  const [budget, setBudget] = useState(year ? euroText(year.budgetCents) : '');
  const [keyKind, setKeyKind] = useState<(typeof KEYS)[number]>(year?.keyKind ?? 'gelijk');
  const [weights, setWeights] = useState(year?.weights ?? { equal: 50, inhabitants: 50, fixed: 0 });
  const [planFundingId, setFunding] = useState(year?.planFunding?.id ?? '');
  const [note, setNote] = useState(year?.note ?? '');
  const [version, setVersion] = useState(year?.version ?? 1);
  const prefix = year ? 'year-edit' : 'year-new';
  const { run, busy, error, setError } = useSubmit(async () => {
    const budgetCents = parseEuro(budget);
    if (budgetCents === null || budgetCents < 0) throw badAmount('budgetCents', t('cooperative.forms.badAmount'));
    const payload = { budgetCents, keyKind, weights: keyKind === 'mix' ? weights : { equal: 0, inhabitants: 0, fixed: 0 }, planFundingId: planFundingId || null, note };
    try {
      if (year) {
        await api.PUT('/api/regions/{slug}/cooperative/financing/{id}', { params: { path: { slug, id: year.id } }, body: { ...payload, version } });
        onDone(year.id);
      } else {
        const created = await api.POST('/api/regions/{slug}/cooperative/financing', { params: { path: { slug } }, body: { ...payload, year: Number(yearNumber) } });
        onDone(created.id);
      }
    } catch (thrown) {
      const current = year ? conflictCurrent(thrown, 'put', '/api/regions/{slug}/cooperative/financing/{id}') : null;
      if (!current) throw thrown;
      setBudget(euroText(current.budgetCents));
      setKeyKind(current.keyKind);
      setWeights(current.weights);
      setFunding(current.planFunding?.id ?? '');
      setNote(current.note);
      setVersion(current.version);
      setError(new ApiError(409, 'CONFLICT', t('cooperative.forms.conflict')));
    }
  });
  const weightField = (key: 'equal' | 'inhabitants' | 'fixed', label: string) => (
    <Field id={`${prefix}-weight-${key}`} label={label} error={error?.fieldMessage('weights')}>
      {(control) => <input {...control} type="number" min={0} max={100} value={weights[key]} onChange={(event) => setWeights({ ...weights, [key]: Number(event.target.value) || 0 })} />}
    </Field>
  );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void run();
      }}
      noValidate
      className="coop-form"
      aria-label={year ? t('cooperative.forms.editYear', { year: year.year }) : t('cooperative.forms.addYear')}
    >
      <ErrorSummary
        error={error}
        fields={[
          { path: 'year', id: `${prefix}-year`, label: t('cooperative.forms.year') },
          { path: 'budgetCents', id: `${prefix}-budget`, label: t('cooperative.forms.budget') },
          { path: 'weights', id: `${prefix}-weight-equal`, label: t('cooperative.forms.key') },
          { path: 'planFundingId', id: `${prefix}-funding`, label: t('cooperative.forms.planFunding') },
        ]}
      />
      {year ? null : (
        <Field id={`${prefix}-year`} label={t('cooperative.forms.year')} error={error?.fieldMessage('year')}>
          {(control) => <input {...control} type="number" min={2000} max={2100} value={yearNumber} onChange={(event) => setYearNumber(event.target.value)} />}
        </Field>
      )}
      <Field id={`${prefix}-budget`} label={t('cooperative.forms.budget')} error={error?.fieldMessage('budgetCents')}>
        {(control) => <input {...control} type="text" inputMode="decimal" value={budget} onChange={(event) => setBudget(event.target.value)} />}
      </Field>
      <Field id={`${prefix}-key`} label={t('cooperative.forms.key')}>
        {(control) => (
          <select {...control} value={keyKind} onChange={(event) => setKeyKind(chosenOption(KEYS, event.target.value, keyKind))}>
            {KEYS.map((key) => (
              <option key={key} value={key}>
                {t(`cooperative.financing.keys.${key}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {keyKind === 'mix' ? (
        <>
          {weightField('equal', t('cooperative.forms.weightEqual'))}
          {weightField('inhabitants', t('cooperative.forms.weightInhabitants'))}
          {weightField('fixed', t('cooperative.forms.weightFixed'))}
        </>
      ) : null}
      <Field id={`${prefix}-funding`} label={t('cooperative.forms.planFunding')} error={error?.fieldMessage('planFundingId')}>
        {(control) => (
          <select {...control} value={planFundingId} onChange={(event) => setFunding(event.target.value)}>
            <option value="">{t('cooperative.forms.noFunding')}</option>
            {fundingOptions.map((option) => (
              <option key={option.id} value={option.id}>
                {option.planTitle}: {option.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${prefix}-note`} label={t('cooperative.forms.note')}>
        {(control) => <textarea {...control} rows={2} value={note} onChange={(event) => setNote(event.target.value)} />}
      </Field>
      <SubmitButton busy={busy}>{year ? t('cooperative.forms.save') : t('cooperative.forms.addYear')}</SubmitButton>
    </form>
  );
}

interface ShareDraft {
  memberId: string;
  name: string;
  fixed: string;
  received: string;
  receivedOn: string;
}

function sharesOf(year: Year): ShareDraft[] {
  return year.rows.map((row) => ({ memberId: row.memberId, name: row.actorName, fixed: euroText(row.fixedCents), received: euroText(row.receivedCents), receivedOn: row.receivedOn ?? '' }));
}

/** The fixed table (for the fixed and mixed keys) and the money each cooperant paid, saved in one transaction. */
export function SharesForm({ slug, year, onDone }: { slug: string; year: Year; onDone: () => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<ShareDraft[]>(sharesOf(year));
  const [version, setVersion] = useState(year.version);
  const showFixed = year.keyKind === 'vast' || year.keyKind === 'mix';
  const { run, busy, error, setError } = useSubmit(async () => {
    const payload = rows.map((row, index) => {
      const fixedCents = parseEuro(row.fixed || '0');
      const receivedCents = parseEuro(row.received || '0');
      if (fixedCents === null || fixedCents < 0) throw badAmount(`rows.${index}.fixedCents`, t('cooperative.forms.badAmount'));
      if (receivedCents === null || receivedCents < 0) throw badAmount(`rows.${index}.receivedCents`, t('cooperative.forms.badAmount'));
      return { memberId: row.memberId, fixedCents, receivedCents, receivedOn: row.receivedOn || null };
    });
    try {
      await api.PUT('/api/regions/{slug}/cooperative/financing/{id}/shares', { params: { path: { slug, id: year.id } }, body: { version, rows: payload } });
      onDone();
    } catch (thrown) {
      const current = conflictCurrent(thrown, 'put', '/api/regions/{slug}/cooperative/financing/{id}/shares');
      if (!current) throw thrown;
      setRows(sharesOf(current));
      setVersion(current.version);
      setError(new ApiError(409, 'CONFLICT', t('cooperative.forms.conflict')));
    }
  });
  const update = (index: number, patch: Partial<ShareDraft>) => setRows(rows.map((row, position) => (position === index ? { ...row, ...patch } : row)));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void run();
      }}
      noValidate
      className="coop-form"
      aria-label={t('cooperative.forms.sharesTitle')}
    >
      <ErrorSummary error={error} fields={rows.flatMap((row, index) => [{ path: `rows.${index}`, id: `share-${index}-received`, label: row.name }])} />
      {rows.map((row, index) => (
        <fieldset key={row.memberId} className="coop-share-row">
          <legend>{row.name}</legend>
          {showFixed ? (
            <Field id={`share-${index}-fixed`} label={t('cooperative.forms.fixedFor', { name: row.name })} error={error?.fieldMessage(`rows.${index}.fixedCents`)}>
              {(control) => <input {...control} type="text" inputMode="decimal" value={row.fixed} onChange={(event) => update(index, { fixed: event.target.value })} />}
            </Field>
          ) : null}
          <Field id={`share-${index}-received`} label={t('cooperative.forms.receivedFor', { name: row.name })} error={error?.fieldMessage(`rows.${index}.receivedCents`)}>
            {(control) => <input {...control} type="text" inputMode="decimal" value={row.received} onChange={(event) => update(index, { received: event.target.value })} />}
          </Field>
          <Field id={`share-${index}-on`} label={t('cooperative.forms.receivedOnFor', { name: row.name })}>
            {(control) => <input {...control} type="date" value={row.receivedOn} onChange={(event) => update(index, { receivedOn: event.target.value })} />}
          </Field>
        </fieldset>
      ))}
      <SubmitButton busy={busy}>{t('cooperative.forms.saveShares')}</SubmitButton>
    </form>
  );
}
