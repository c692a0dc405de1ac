import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, conflictCurrent, type ApiResponse } from '../../api';
import { chosenOption, ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { RepeatingRowsEditor } from '../../components/repeating-rows-editor';
import { Notice } from '../../components/notice';

type Overview = ApiResponse<'/api/regions/{slug}/cooperative'>;
type Member = Overview['members'][number];
type Body = Overview['bodies'][number];
type Candidates = NonNullable<Overview['candidates']>;

const MEMBERSHIP_KINDS = ['volwaardig', 'geassocieerd', 'waarnemer'] as const;
const BODY_KINDS = ['stuurgroep', 'werkgroep'] as const;
const BODY_ROLES = ['voorzitter', 'secretaris', 'lid'] as const;

/** The 409 message in the form's language, with the fields of the record as it is now. */
function conflictError(message: string): ApiError {
  return new ApiError(409, 'CONFLICT', message);
}

/** Adds a cooperant (an actor or municipality of the region) or changes a membership. */
export function MemberForm({ slug, candidates, member, onDone }: { slug: string; candidates: Candidates; member?: Member; onDone: () => void }) {
  const { t } = useTranslation();
  const [actorId, setActorId] = useState(member?.actorId ?? '');
  const [membershipKind, setKind] = useState<(typeof MEMBERSHIP_KINDS)[number]>(member?.membershipKind ?? 'volwaardig');
  const [memberSince, setSince] = useState(member?.memberSince ?? new Date().toISOString().slice(0, 10));
  const [municipalityNis, setNis] = useState(member?.municipalityNis ?? '');
  const [representativeUserId, setRepresentative] = useState(member?.representative?.id ?? '');
  const [version, setVersion] = useState(member?.version ?? 1);
  const prefix = member ? `member-${member.id}` : 'member-new';
  const { run, busy, error, setError } = useSubmit(async () => {
    const fields = { membershipKind, memberSince, municipalityNis: municipalityNis.trim() || null, representativeUserId: representativeUserId || null };
    try {
      if (member) await api.PUT('/api/regions/{slug}/cooperative/members/{id}', { params: { path: { slug, id: member.id } }, body: { ...fields, version } });
      else await api.POST('/api/regions/{slug}/cooperative/members', { params: { path: { slug } }, body: { ...fields, actorId } });
      onDone();
    } catch (thrown) {
      const current = member ? conflictCurrent(thrown, 'put', '/api/regions/{slug}/cooperative/members/{id}') : null;
      if (!current) throw thrown;
      setKind(current.membershipKind);
      setSince(current.memberSince);
      setNis(current.municipalityNis ?? '');
      setRepresentative(current.representative?.id ?? '');
      setVersion(current.version);
      setError(conflictError(t('cooperative.forms.conflict')));
    }
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run();
  };
  return (
    <form onSubmit={submit} noValidate className="coop-form" aria-label={member ? t('cooperative.forms.editMember', { name: member.actorName }) : t('cooperative.forms.addMember')}>
      <ErrorSummary
        error={error}
        fields={[
          { path: 'actorId', id: `${prefix}-actor`, label: t('cooperative.forms.actor') },
          { path: 'memberSince', id: `${prefix}-since`, label: t('cooperative.members.since') },
          { path: 'municipalityNis', id: `${prefix}-nis`, label: t('cooperative.forms.municipalityNis') },
          { path: 'representativeUserId', id: `${prefix}-representative`, label: t('cooperative.forms.representative') },
        ]}
      />
      {member ? null : (
        <Field id={`${prefix}-actor`} label={t('cooperative.forms.actor')} error={error?.fieldMessage('actorId')}>
          {(control) => (
            <select {...control} value={actorId} onChange={(event) => setActorId(event.target.value)}>
              <option value="">{t('cooperative.forms.chooseActor')}</option>
              {candidates.actors.map((actor) => (
                <option key={actor.id} value={actor.id}>
                  {actor.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field id={`${prefix}-kind`} label={t('cooperative.members.kind')}>
        {(control) => (
          <select {...control} value={membershipKind} onChange={(event) => setKind(chosenOption(MEMBERSHIP_KINDS, event.target.value, membershipKind))}>
            {MEMBERSHIP_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`cooperative.membershipKinds.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${prefix}-since`} label={t('cooperative.members.since')} error={error?.fieldMessage('memberSince')}>
        {(control) => <input {...control} type="date" value={memberSince} onChange={(event) => setSince(event.target.value)} />}
      </Field>
      <Field id={`${prefix}-nis`} label={t('cooperative.forms.municipalityNis')} hint={t('cooperative.forms.municipalityHint')} error={error?.fieldMessage('municipalityNis')}>
        {(control) => <input {...control} type="text" inputMode="numeric" value={municipalityNis} onChange={(event) => setNis(event.target.value)} />}
      </Field>
      <Field id={`${prefix}-representative`} label={t('cooperative.forms.representative')} error={error?.fieldMessage('representativeUserId')}>
        {(control) => (
          <select {...control} value={representativeUserId} onChange={(event) => setRepresentative(event.target.value)}>
            <option value="">{t('cooperative.forms.nobody')}</option>
            {candidates.users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="button-row">
        <SubmitButton busy={busy}>{member ? t('cooperative.forms.save') : t('cooperative.forms.addMember')}</SubmitButton>
      </div>
    </form>
  );
}

interface BodyMemberDraft {
  userId: string;
  role: (typeof BODY_ROLES)[number];
  memberId: string;
}

/** Sets up the steering group or a working group, or changes one: name, quorum, members and their roles. */
export function BodyForm({ slug, candidates, members, body, onDone }: { slug: string; candidates: Candidates; members: Member[]; body?: Body; onDone: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<(typeof BODY_KINDS)[number]>(body?.kind ?? 'werkgroep');
  const [name, setName] = useState(body?.name ?? '');
  const [description, setDescription] = useState(body?.description ?? '');
  const [quorum, setQuorum] = useState(body?.quorum ? String(body.quorum) : '');
  const [rows, setRows] = useState<BodyMemberDraft[]>(body?.members.map((entry) => ({ userId: entry.userId, role: entry.role, memberId: entry.memberId ?? '' })) ?? []);
  const [version, setVersion] = useState(body?.version ?? 1);
  const prefix = body ? `body-${body.id}` : 'body-new';
  const { run, busy, error, setError } = useSubmit(async () => {
    const payload = {
      name,
      description,
      quorum: quorum.trim() ? Number(quorum) : null,
      members: rows.map((row) => ({ userId: row.userId, role: row.role, memberId: row.memberId || null })),
    };
    try {
      if (body) await api.PUT('/api/regions/{slug}/cooperative/bodies/{id}', { params: { path: { slug, id: body.id } }, body: { ...payload, version } });
      else await api.POST('/api/regions/{slug}/cooperative/bodies', { params: { path: { slug } }, body: { ...payload, kind } });
      onDone();
    } catch (thrown) {
      const current = body ? conflictCurrent(thrown, 'put', '/api/regions/{slug}/cooperative/bodies/{id}') : null;
      if (!current) throw thrown;
      setName(current.name);
      setDescription(current.description);
      setQuorum(current.quorum ? String(current.quorum) : '');
      setRows(current.members.map((entry) => ({ userId: entry.userId, role: entry.role, memberId: entry.memberId ?? '' })));
      setVersion(current.version);
      setError(conflictError(t('cooperative.forms.conflict')));
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
      aria-label={body ? t('cooperative.forms.editBody', { name: body.name }) : t('cooperative.forms.addBody')}
    >
      <ErrorSummary
        error={error}
        fields={[
          { path: 'kind', id: `${prefix}-kind`, label: t('cooperative.forms.bodyKind') },
          { path: 'name', id: `${prefix}-name`, label: t('cooperative.forms.bodyName') },
          { path: 'quorum', id: `${prefix}-quorum`, label: t('cooperative.forms.quorum') },
          { path: 'members', id: `add-${prefix}-members`, label: t('cooperative.forms.bodyMembers') },
        ]}
      />
      {body ? null : (
        <Field id={`${prefix}-kind`} label={t('cooperative.forms.bodyKind')} error={error?.fieldMessage('kind')}>
          {(control) => (
            <select {...control} value={kind} onChange={(event) => setKind(chosenOption(BODY_KINDS, event.target.value, kind))}>
              {BODY_KINDS.map((option) => (
                <option key={option} value={option}>
                  {t(`cooperative.bodyKinds.${option}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field id={`${prefix}-name`} label={t('cooperative.forms.bodyName')} error={error?.fieldMessage('name')}>
        {(control) => <input {...control} type="text" value={name} onChange={(event) => setName(event.target.value)} />}
      </Field>
      <Field id={`${prefix}-description`} label={t('cooperative.forms.description')}>
        {(control) => <textarea {...control} rows={2} value={description} onChange={(event) => setDescription(event.target.value)} />}
      </Field>
      <Field id={`${prefix}-quorum`} label={t('cooperative.forms.quorum')} hint={t('cooperative.forms.quorumHint')} error={error?.fieldMessage('quorum')}>
        {(control) => <input {...control} type="number" min={1} value={quorum} onChange={(event) => setQuorum(event.target.value)} />}
      </Field>
      <RepeatingRowsEditor
        legend={t('cooperative.forms.bodyMembers')}
        rows={rows}
        onChange={setRows}
        newRow={(): BodyMemberDraft => ({ userId: '', role: 'lid', memberId: '' })}
        idPrefix={`${prefix}-members`}
        firstFieldId={(index) => `${prefix}-members-${index}-user`}
        addLabel={t('cooperative.forms.addBodyMember')}
        rowLabel={(_, index) => t('cooperative.forms.bodyMemberN', { n: index + 1 })}
        removeLabel={(_, index) => t('cooperative.forms.removeBodyMember', { n: index + 1 })}
        errorPath="members"
        error={error}
        renderRow={({ row, index, update, fieldError }) => (
          <>
            <Field id={`${prefix}-members-${index}-user`} label={t('cooperative.forms.person', { n: index + 1 })} error={fieldError('userId')}>
              {(control) => (
                <select {...control} value={row.userId} onChange={(event) => update({ userId: event.target.value })}>
                  <option value="">{t('cooperative.forms.choosePerson')}</option>
                  {candidates.users.map((user) => (
                    <option key={user.id} value={user.id}>
                      {user.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`${prefix}-members-${index}-role`} label={t('cooperative.forms.role', { n: index + 1 })}>
              {(control) => (
                <select {...control} value={row.role} onChange={(event) => update({ role: chosenOption(BODY_ROLES, event.target.value, row.role) })}>
                  {BODY_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`cooperative.roles.${role}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`${prefix}-members-${index}-member`} label={t('cooperative.forms.sitsFor', { n: index + 1 })}>
              {(control) => (
                <select {...control} value={row.memberId} onChange={(event) => update({ memberId: event.target.value })}>
                  <option value="">{t('cooperative.forms.noMember')}</option>
                  {members.map((member) => (
                    <option key={member.id} value={member.id}>
                      {member.actorName}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        )}
      />
      <div className="button-row">
        <SubmitButton busy={busy}>{body ? t('cooperative.forms.save') : t('cooperative.forms.addBody')}</SubmitButton>
      </div>
    </form>
  );
}

/** A collapsible admin form ("Wijzigen" / "Coöperant toevoegen"), closed again after saving. */
export function Disclosure({ label, children }: { label: string; children: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const { t } = useTranslation();
  return (
    <>
      <details
        className="coop-disclosure"
        open={open}
        onToggle={(event) => {
          setOpen((event.target as HTMLDetailsElement).open);
          if ((event.target as HTMLDetailsElement).open) setSaved(false);
        }}
      >
        <summary>{label}</summary>
        {open
          ? children(() => {
              setOpen(false);
              setSaved(true);
            })
          : null}
      </details>
      {saved ? <Notice kind="success">{t('cooperative.forms.saved')}</Notice> : null}
    </>
  );
}
