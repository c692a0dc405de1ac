import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BrokeringSheet } from '../../../common/schemas/brokering.js';
import { api, apiHref, conflictCurrent } from '../../api';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { useApi } from '../../use-api';
import { useRegion } from '../regions/region-context';
import { brokeringPaths, download, SaveStatus, useSaver } from './brokering-common';
import { ProfileStep } from './profile-step';
import { CardsStep } from './cards-step';
import { CombinationsStep } from './combinations-step';

const STEPS = [1, 2, 3, 4, 5] as const;

/** One organisation's pass through "Bouw je netwerk uit": the five steps, saved as you go. */
export function SheetPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { sheetId = '' } = useParams();
  const slug = region.slug;
  const loaded = useApi('/api/regions/{slug}/brokering/sheets/{sheetId}', { params: { path: { slug, sheetId } } });
  const [sheet, setSheet] = useState<BrokeringSheet | null>(null);
  const saver = useSaver();
  useEffect(() => {
    if (loaded.data) setSheet(loaded.data);
  }, [loaded.data]);

  if (loaded.error) return <Notice kind="error">{loaded.error.message}</Notice>;
  if (!sheet) return <p>{t('brokering.loading')}</p>;

  const goTo = (step: number) =>
    saver.run(async () => {
      try {
        setSheet(await api.PATCH('/api/regions/{slug}/brokering/sheets/{sheetId}', { params: { path: { slug, sheetId } }, body: { currentStep: step, version: sheet.version } }));
      } catch (error) {
        const current = conflictCurrent(error, 'patch', '/api/regions/{slug}/brokering/sheets/{sheetId}');
        if (!current) throw error;
        // Another device moved on meanwhile: take its state, then go where this user asked.
        setSheet(await api.PATCH('/api/regions/{slug}/brokering/sheets/{sheetId}', { params: { path: { slug, sheetId } }, body: { currentStep: step, version: current.version } }));
      }
    });
  const step = sheet.currentStep;
  const pdfHref = apiHref('/api/regions/{slug}/brokering/sheets/{sheetId}/pdf', { path: { slug, sheetId } });

  return (
    <Page title={`${t('brokering.title')}: ${sheet.organisationName}`} regionName={region.name}>
      <p>
        <Link to={brokeringPaths.home(slug)}>{t('brokering.title')}</Link>
      </p>
      <nav aria-label={t('brokering.steps.label')}>
        <ol className="step-list">
          {STEPS.map((number) => (
            <li key={number}>
              <button type="button" aria-current={number === step ? 'step' : undefined} onClick={() => void goTo(number)}>
                {t(`brokering.steps.${number}`)}
                {number === step ? <span className="visually-hidden"> ({t('brokering.steps.current')})</span> : null}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <SaveStatus state={saver.state} />
      <h2>
        {step}. {t(`brokering.steps.${step}`)}
      </h2>
      {step === 1 || step === 2 ? <ProfileStep key={step} slug={slug} sheet={sheet} step={step} onSheet={setSheet} saver={saver} /> : null}
      {step === 3 ? <CardsStep slug={slug} sheet={sheet} onSheet={setSheet} saver={saver} /> : null}
      {step === 4 ? <CombinationsStep slug={slug} sheet={sheet} onSheet={setSheet} saver={saver} /> : null}
      {step === 5 ? (
        <div>
          <p>{t('brokering.done.text')}</p>
          <a
            className="button button--primary"
            href={pdfHref}
            onClick={(event) => {
              event.preventDefault();
              void download(pdfHref, `werkblad-${sheet.id.slice(0, 8)}.pdf`);
            }}
          >
            {t('brokering.done.pdf')}
          </a>
        </div>
      ) : null}
      <div className="step-actions">
        {step > 1 ? (
          <button type="button" className="button" onClick={() => void goTo(step - 1)}>
            {t('brokering.steps.previous')}
          </button>
        ) : null}
        {step < 5 ? (
          <button type="button" className="button button--primary" onClick={() => void goTo(step + 1)}>
            {t('brokering.steps.next')}
          </button>
        ) : null}
      </div>
    </Page>
  );
}
