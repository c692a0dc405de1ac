import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PHOTO_MAX_BYTES, PHOTO_TYPES } from '../../../common/schemas/lending.js';
import { formatNumber } from '../../../common/format.js';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { LiveStatus } from '../../components/notice';
import { api, ApiError, apiHref } from '../../api';

interface Photo {
  id: string;
  alt: string;
}

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function isPhotoType(type: string): type is (typeof PHOTO_TYPES)[number] {
  return (PHOTO_TYPES as readonly string[]).includes(type);
}

/** An item's photos with their descriptions; its managers upload (type and size checked before sending, and again by the server) and remove them. */
export function ItemPhotos({ slug, itemId, itemName, photos, canManage, onChange }: { slug: string; itemId: string; itemName: string; photos: Photo[]; canManage: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const contentError = (message: string) => new ApiError(400, 'VALIDATION_FAILED', t('errors.VALIDATION_FAILED'), [{ path: 'content', message }]);

  const upload = useSubmit(async () => {
    setStatus(null);
    if (!file) throw contentError(t('lending.photos.missingFile'));
    if (!isPhotoType(file.type)) throw contentError(t('lending.validation.photoType'));
    if (file.size > PHOTO_MAX_BYTES) throw contentError(t('lending.validation.photoTooLarge', { size: formatNumber(Math.round((file.size / (1024 * 1024)) * 10) / 10, 1) }));
    await api.POST('/api/regions/{slug}/lending/items/{itemId}/photos', { params: { path: { slug, itemId } }, body: { contentType: file.type, content: await toBase64(file), alt } });
    setFile(null);
    setAlt('');
    if (fileRef.current) fileRef.current.value = '';
    setStatus(t('lending.photos.uploaded'));
    onChange();
  });
  const remove = useSubmit(async (photoId: string) => {
    setStatus(null);
    await api.DELETE('/api/regions/{slug}/lending/items/{itemId}/photos/{photoId}', { params: { path: { slug, itemId, photoId } } });
    setStatus(t('lending.photos.removed'));
    onChange();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void upload.run();
  };

  if (photos.length === 0 && !canManage) return null;
  return (
    <section aria-labelledby="item-photos">
      <h2 id="item-photos">{t('lending.photos.heading')}</h2>
      {photos.length === 0 ? <p className="muted">{t('lending.photos.none')}</p> : null}
      <ul className="lending-photos plain-list">
        {photos.map((photo, index) => (
          <li key={photo.id}>
            <img className="lending-photo" src={apiHref('/api/regions/{slug}/lending/items/{itemId}/photos/{photoId}', { path: { slug, itemId, photoId: photo.id } })} alt={photo.alt || t('lending.item.photo', { name: itemName })} />
            {canManage ? (
              <button type="button" className="button button--small button--danger-outline" onClick={() => void remove.run(photo.id)}>
                {t('lending.photos.remove', { number: index + 1 })}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {canManage ? (
        <form className="form" onSubmit={submit} noValidate aria-labelledby="item-photo-upload">
          <h3 id="item-photo-upload">{t('lending.item.addPhoto')}</h3>
          <ErrorSummary error={upload.error ?? remove.error} fields={[{ path: 'content', id: 'photo-file', label: t('lending.photos.file') }]} />
          <Field id="photo-file" label={t('lending.photos.file')} hint={t('lending.photos.fileHint')} error={upload.error?.fieldMessage('content') ?? upload.error?.fieldMessage('contentType')}>
            {(control) => <input {...control} ref={fileRef} type="file" accept={PHOTO_TYPES.join(',')} onChange={(event) => setFile(event.target.files?.[0] ?? null)} />}
          </Field>
          <Field id="photo-alt" label={t('lending.photos.alt')} hint={t('lending.photos.altHint')} error={upload.error?.fieldMessage('alt')}>
            {(control) => <input {...control} type="text" maxLength={300} value={alt} onChange={(event) => setAlt(event.target.value)} />}
          </Field>
          <SubmitButton busy={upload.busy}>{t('lending.photos.upload')}</SubmitButton>
        </form>
      ) : null}
      <LiveStatus message={status} />
    </section>
  );
}
