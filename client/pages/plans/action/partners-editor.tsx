import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api';
import { Field } from '../../../components/form';
import { RepeatingRowsEditor } from '../../../components/repeating-rows-editor';
import type { PartnerDraft } from './action-drafts';

/** The partners of the edit form: one name per row; a link to an actor stays while the name does. */
export function PartnersEditor({ partners, onChange, error }: { partners: PartnerDraft[]; onChange: (partners: PartnerDraft[]) => void; error: ApiError | undefined }) {
  const { t } = useTranslation();
  return (
    <RepeatingRowsEditor
      legend={t('plans.tree.partners')}
      rows={partners}
      onChange={onChange}
      newRow={() => ({ name: '', actorId: null, linkedName: null })}
      idPrefix="partner"
      firstFieldId={(index) => `partner-${index}-name`}
      addLabel={t('plans.edit.addPartner')}
      rowLabel={(partner, index) => partner.name || t('plans.edit.partnerName', { n: index + 1 })}
      removeLabel={(partner, index) => t('plans.edit.removePartner', { name: partner.name || String(index + 1) })}
      errorPath="partners"
      error={error}
      rowLegend={false}
      reorderable
      renderRow={({ row: partner, index, update, fieldError }) => (
        <Field
          id={`partner-${index}-name`}
          label={t('plans.edit.partnerName', { n: index + 1 })}
          hint={partner.actorId && partner.linkedName === partner.name.trim() ? t('plans.action.partnerLinked') : undefined}
          error={fieldError()}
        >
          {(control) => <input {...control} type="text" value={partner.name} onChange={(event) => update({ name: event.target.value })} />}
        </Field>
      )}
    />
  );
}
