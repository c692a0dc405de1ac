import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, conflictCurrent, type ApiResponse } from '../../api';
import { chosenOption, ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { RepeatingRowsEditor } from '../../components/repeating-rows-editor';

type Meeting = ApiResponse<'/api/regions/{slug}/cooperative/meetings/{id}'>;
type BodyOption = { id: string; name: string };

const LINK_KINDS = ['', 'voorstel', 'actie', 'peiling', 'document'] as const;
const ATTENDANCE = ['aanwezig', 'verontschuldigd', 'afwezig'] as const;
const POINT_STATUSES = ['open', 'bezig', 'klaar'] as const;

interface AgendaDraft {
  title: string;
  description: string;
  linkKind: (typeof LINK_KINDS)[number];
  linkRef: string;
}

/** An ISO moment as a datetime-local value in the browser's time zone (and back). */
function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
function fromLocalInput(value: string): string {
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString();
}

function agendaOf(meeting: Meeting): AgendaDraft[] {
  return meeting.agenda.map((item) => ({ title: item.title, description: item.description, linkKind: item.linkKind ?? '', linkRef: item.linkRef ?? '' }));
}

/** Plans a meeting of a group, or changes its date, place, video link, visibility and agenda (with links). */
export function MeetingForm({ slug, bodies, meeting, onDone }: { slug: string; bodies: BodyOption[]; meeting?: Meeting; onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const [bodyId, setBodyId] = useState(meeting?.bodyId ?? bodies[0]?.id ?? '');
  const [title, setTitle] = useState(meeting?.title ?? '');
  const [startsAt, setStartsAt] = useState(meeting ? toLocalInput(meeting.startsAt) : '');
  const [endsAt, setEndsAt] = useState(meeting ? toLocalInput(meeting.endsAt) : '');
  const [location, setLocation] = useState(meeting?.location ?? '');
  const [videoUrl, setVideoUrl] = useState(meeting?.videoUrl ?? '');
  const [minutesPublic, setMinutesPublic] = useState(meeting?.minutesPublic ?? false);
  const [agenda, setAgenda] = useState<AgendaDraft[]>(meeting ? agendaOf(meeting) : []);
  const [version, setVersion] = useState(meeting?.version ?? 1);
  const prefix = meeting ? 'meeting-edit' : 'meeting-new';
  const { run, busy, error, setError } = useSubmit(async () => {
    const payload = {
      title,
      startsAt: fromLocalInput(startsAt),
      endsAt: fromLocalInput(endsAt),
      location,
      videoUrl: videoUrl.trim() || null,
      minutesPublic,
      agenda: agenda.map((item) => ({ title: item.title, description: item.description, linkKind: item.linkKind || null, linkRef: item.linkKind ? item.linkRef.trim() || null : null })),
    };
    try {
      if (meeting) {
        await api.PUT('/api/regions/{slug}/cooperative/meetings/{id}', { params: { path: { slug, id: meeting.id } }, body: { ...payload, version } });
        onDone(meeting.id);
      } else {
        const created = await api.POST('/api/regions/{slug}/cooperative/meetings', { params: { path: { slug } }, body: { ...payload, bodyId } });
        onDone(created.id);
      }
    } catch (thrown) {
      const current = meeting ? conflictCurrent(thrown, 'put', '/api/regions/{slug}/cooperative/meetings/{id}') : null;
      if (!current) throw thrown;
      setTitle(current.title);
      setStartsAt(toLocalInput(current.startsAt));
      setEndsAt(toLocalInput(current.endsAt));
      setLocation(current.location);
      setVideoUrl(current.videoUrl ?? '');
      setMinutesPublic(current.minutesPublic);
      setAgenda(agendaOf(current));
      setVersion(current.version);
      setError(new ApiError(409, 'CONFLICT', t('cooperative.forms.conflict')));
    }
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void run();
      }}
      noValidate
      className="coop-form"
      aria-label={meeting ? t('cooperative.forms.editMeeting') : t('cooperative.forms.addMeeting')}
    >
      <ErrorSummary
        error={error}
        fields={[
          { path: 'bodyId', id: `${prefix}-body`, label: t('cooperative.forms.body') },
          { path: 'title', id: `${prefix}-title`, label: t('cooperative.forms.meetingTitle') },
          { path: 'startsAt', id: `${prefix}-starts`, label: t('cooperative.forms.startsAt') },
          { path: 'endsAt', id: `${prefix}-ends`, label: t('cooperative.forms.endsAt') },
          { path: 'videoUrl', id: `${prefix}-video`, label: t('cooperative.forms.videoUrl') },
          { path: 'agenda', id: `add-${prefix}-agenda`, label: t('cooperative.forms.agenda') },
        ]}
      />
      {meeting ? null : (
        <Field id={`${prefix}-body`} label={t('cooperative.forms.body')} error={error?.fieldMessage('bodyId')}>
          {(control) => (
            <select {...control} value={bodyId} onChange={(event) => setBodyId(event.target.value)}>
              {bodies.map((body) => (
                <option key={body.id} value={body.id}>
                  {body.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field id={`${prefix}-title`} label={t('cooperative.forms.meetingTitle')} error={error?.fieldMessage('title')}>
        {(control) => <input {...control} type="text" value={title} onChange={(event) => setTitle(event.target.value)} />}
      </Field>
      <Field id={`${prefix}-starts`} label={t('cooperative.forms.startsAt')} error={error?.fieldMessage('startsAt')}>
        {(control) => <input {...control} type="datetime-local" value={startsAt} onChange={(event) => setStartsAt(event.target.value)} />}
      </Field>
      <Field id={`${prefix}-ends`} label={t('cooperative.forms.endsAt')} error={error?.fieldMessage('endsAt')}>
        {(control) => <input {...control} type="datetime-local" value={endsAt} onChange={(event) => setEndsAt(event.target.value)} />}
      </Field>
      <Field id={`${prefix}-location`} label={t('cooperative.forms.location')}>
        {(control) => <input {...control} type="text" value={location} onChange={(event) => setLocation(event.target.value)} />}
      </Field>
      <Field id={`${prefix}-video`} label={t('cooperative.forms.videoUrl')} hint={t('cooperative.forms.videoUrlHint')} error={error?.fieldMessage('videoUrl')}>
        {(control) => <input {...control} type="url" value={videoUrl} onChange={(event) => setVideoUrl(event.target.value)} />}
      </Field>
      <div className="field">
        <label>
          <input type="checkbox" checked={minutesPublic} onChange={(event) => setMinutesPublic(event.target.checked)} /> {t('cooperative.forms.minutesPublic')}
        </label>
      </div>
      <RepeatingRowsEditor
        legend={t('cooperative.forms.agenda')}
        rows={agenda}
        onChange={setAgenda}
        newRow={(): AgendaDraft => ({ title: '', description: '', linkKind: '', linkRef: '' })}
        idPrefix={`${prefix}-agenda`}
        firstFieldId={(index) => `${prefix}-agenda-${index}-title`}
        addLabel={t('cooperative.forms.addAgendaItem')}
        rowLabel={(_, index) => t('cooperative.forms.agendaItemN', { n: index + 1 })}
        removeLabel={(_, index) => t('cooperative.forms.removeAgendaItem', { n: index + 1 })}
        errorPath="agenda"
        error={error}
        reorderable
        renderRow={({ row, index, update, fieldError }) => (
          <>
            <Field id={`${prefix}-agenda-${index}-title`} label={t('cooperative.forms.agendaTitle', { n: index + 1 })} error={fieldError('title')}>
              {(control) => <input {...control} type="text" value={row.title} onChange={(event) => update({ title: event.target.value })} />}
            </Field>
            <Field id={`${prefix}-agenda-${index}-description`} label={t('cooperative.forms.agendaDescription', { n: index + 1 })}>
              {(control) => <input {...control} type="text" value={row.description} onChange={(event) => update({ description: event.target.value })} />}
            </Field>
            <Field id={`${prefix}-agenda-${index}-kind`} label={t('cooperative.forms.linkKind', { n: index + 1 })}>
              {(control) => (
                <select {...control} value={row.linkKind} onChange={(event) => update({ linkKind: chosenOption(LINK_KINDS, event.target.value, row.linkKind) })}>
                  {LINK_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {kind ? t(`cooperative.meetings.linkKinds.${kind}`) : t('cooperative.forms.noLink')}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {row.linkKind ? (
              <Field id={`${prefix}-agenda-${index}-ref`} label={t('cooperative.forms.linkRef', { n: index + 1 })} error={fieldError('linkRef')}>
                {(control) => <input {...control} type="text" value={row.linkRef} onChange={(event) => update({ linkRef: event.target.value })} />}
              </Field>
            ) : null}
          </>
        )}
      />
      <div className="button-row">
        <SubmitButton busy={busy}>{meeting ? t('cooperative.forms.save') : t('cooperative.forms.addMeeting')}</SubmitButton>
      </div>
    </form>
  );
}

/** Who was present, excused or absent; the quorum follows from it. */
export function AttendanceForm({ slug, meeting, onDone }: { slug: string; meeting: Meeting; onDone: () => void }) {
  const { t } = useTranslation();
  const [statuses, setStatuses] = useState<Record<string, (typeof ATTENDANCE)[number] | ''>>(Object.fromEntries(meeting.attendance.map((entry) => [entry.userId, entry.status ?? ''])));
  const { run, busy, error } = useSubmit(async () => {
    const rows = Object.entries(statuses).flatMap(([userId, status]) => (status ? [{ userId, status }] : []));
    await api.PUT('/api/regions/{slug}/cooperative/meetings/{id}/attendance', { params: { path: { slug, id: meeting.id } }, body: { rows } });
    onDone();
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void run();
      }}
      noValidate
      className="coop-form"
      aria-label={t('cooperative.forms.attendanceTitle')}
    >
      <ErrorSummary error={error} />
      {meeting.attendance.map((entry) => (
        <Field key={entry.userId} id={`attendance-${entry.userId}`} label={t('cooperative.forms.attendanceFor', { name: entry.name })}>
          {(control) => (
            <select {...control} value={statuses[entry.userId] ?? ''} onChange={(event) => setStatuses({ ...statuses, [entry.userId]: chosenOption(['', ...ATTENDANCE] as const, event.target.value, '') })}>
              <option value="">{t('cooperative.attendance.unknown')}</option>
              {ATTENDANCE.map((status) => (
                <option key={status} value={status}>
                  {t(`cooperative.attendance.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ))}
      <SubmitButton busy={busy}>{t('cooperative.forms.saveAttendance')}</SubmitButton>
    </form>
  );
}

/** A new action point: what, who, by when, status, and the plan action it belongs to. */
export function ActionPointForm({ slug, meeting, onDone }: { slug: string; meeting: Meeting; onDone: () => void }) {
  const { t } = useTranslation();
  const [description, setDescription] = useState('');
  const [assigneeUserId, setAssignee] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [status, setStatus] = useState<(typeof POINT_STATUSES)[number]>('open');
  const [planActionId, setPlanAction] = useState('');
  const { run, busy, error } = useSubmit(async () => {
    await api.POST('/api/regions/{slug}/cooperative/meetings/{id}/action-points', {
      params: { path: { slug, id: meeting.id } },
      body: { description, assigneeUserId: assigneeUserId || null, dueOn: dueOn || null, status, planActionId: planActionId || null },
    });
    setDescription('');
    setDueOn('');
    onDone();
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void run();
      }}
      noValidate
      className="coop-form"
      aria-label={t('cooperative.forms.addActionPoint')}
    >
      <ErrorSummary
        error={error}
        fields={[
          { path: 'description', id: 'point-what', label: t('cooperative.forms.what') },
          { path: 'assigneeUserId', id: 'point-who', label: t('cooperative.forms.who') },
          { path: 'dueOn', id: 'point-due', label: t('cooperative.forms.due') },
          { path: 'planActionId', id: 'point-action', label: t('cooperative.forms.planAction') },
        ]}
      />
      <Field id="point-what" label={t('cooperative.forms.what')} error={error?.fieldMessage('description')}>
        {(control) => <input {...control} type="text" value={description} onChange={(event) => setDescription(event.target.value)} />}
      </Field>
      <Field id="point-who" label={t('cooperative.forms.who')} error={error?.fieldMessage('assigneeUserId')}>
        {(control) => (
          <select {...control} value={assigneeUserId} onChange={(event) => setAssignee(event.target.value)}>
            <option value="">{t('cooperative.forms.nobody')}</option>
            {meeting.attendance.map((entry) => (
              <option key={entry.userId} value={entry.userId}>
                {entry.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="point-due" label={t('cooperative.forms.due')} error={error?.fieldMessage('dueOn')}>
        {(control) => <input {...control} type="date" value={dueOn} onChange={(event) => setDueOn(event.target.value)} />}
      </Field>
      <Field id="point-status" label={t('cooperative.forms.status')}>
        {(control) => (
          <select {...control} value={status} onChange={(event) => setStatus(chosenOption(POINT_STATUSES, event.target.value, status))}>
            {POINT_STATUSES.map((option) => (
              <option key={option} value={option}>
                {t(`cooperative.actionPointStatus.${option}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="point-action" label={t('cooperative.forms.planAction')} error={error?.fieldMessage('planActionId')}>
        {(control) => (
          <select {...control} value={planActionId} onChange={(event) => setPlanAction(event.target.value)}>
            <option value="">{t('cooperative.forms.noPlanAction')}</option>
            {meeting.planActionOptions.map((action) => (
              <option key={action.id} value={action.id}>
                {action.planTitle}: {action.number} {action.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton busy={busy}>{t('cooperative.forms.addActionPoint')}</SubmitButton>
    </form>
  );
}

/** The status of one action point, saved as soon as it changes (409 when someone changed it meanwhile). */
export function ActionPointStatus({ slug, point, onDone }: { slug: string; point: Meeting['actionPoints'][number]; onDone: () => void }) {
  const { t } = useTranslation();
  const { run, error } = useSubmit(async (next: (typeof POINT_STATUSES)[number]) => {
    await api.PUT('/api/regions/{slug}/cooperative/action-points/{id}', {
      params: { path: { slug, id: point.id } },
      body: { description: point.description, assigneeUserId: point.assignee?.id ?? null, dueOn: point.dueOn, status: next, planActionId: point.planAction?.id ?? null, version: point.version },
    });
    onDone();
  });
  return (
    <Field id={`point-status-${point.id}`} label={t('cooperative.forms.statusOf', { what: point.description })} error={error?.message} className="coop-inline-field">
      {(control) => (
        <select {...control} value={point.status} onChange={(event) => void run(chosenOption(POINT_STATUSES, event.target.value, point.status))}>
          {POINT_STATUSES.map((option) => (
            <option key={option} value={option}>
              {t(`cooperative.actionPointStatus.${option}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
