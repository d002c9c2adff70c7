import '@/web/styles/practices.css';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Checkbox } from '@/web/components/checkbox';
import { Page } from '@/web/components/page';
import { SearchPicker } from '@/web/components/search-picker';
import { Select } from '@/web/components/select';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import type { MessageKey } from '@/web/i18n/en';
import { api, ApiError } from '@/web/lib/api-client';
import { useReference } from '@/web/lib/reference';
import { useCurrentUser } from '@/web/lib/session';
import { findPeople, practiceQuery, usePractice, useSavePractice, type DirectoryPerson, type Practice, type PracticeInput } from '../api';

const list = (s: string) => s.split(/[\s,;]+/).map((v) => v.trim()).filter(Boolean);
const sections = ['problem', 'action', 'results', 'evidence', 'lessons'] as const;

export function PracticeEditRoute() {
  const { id } = useParams();
  const t = useT();
  const user = useCurrentUser();
  if (!user || (user.role !== 'official' && user.role !== 'member_coordinator')) {
    return <Page title={t('practices.new')}><Alert kind="error">{t('practices.forbiddenSubmit')}</Alert></Page>;
  }
  return id ? <EditExisting id={id} /> : <PracticeForm existing={null} scopes={user.memberScopes} />;
}

function EditExisting({ id }: { id: string }) {
  const t = useT();
  const user = useCurrentUser();
  const { data, isError } = usePractice(id);
  if (isError) return <Page title={t('practices.edit')}><Alert kind="error">{t('practices.notFound')}</Alert></Page>;
  if (!data) return <Page title={t('practices.edit')}><p>…</p></Page>;
  if (!data.can.edit) return <Page title={t('practices.edit')}><Alert kind="error">{t('practices.notEditable')}</Alert></Page>;
  return <PracticeForm existing={data} scopes={user?.memberScopes ?? []} />;
}

function PracticeForm({ existing, scopes }: { existing: Practice | null; scopes: readonly string[] }) {
  const t = useT();
  const navigate = useNavigate();
  const reference = useReference();
  const save = useSavePractice(existing?.id ?? null);
  const qc = useQueryClient();
  const names = new Map((reference.data?.members ?? []).map((m) => [m.code, m.name]));
  const [title, setTitle] = useState(existing?.title ?? '');
  const [memberCode, setMemberCode] = useState(existing?.memberCode ?? scopes[0] ?? '');
  const [themes, setThemes] = useState<string[]>(existing?.themes ?? []);
  const [text, setText] = useState<Record<(typeof sections)[number], string>>({
    problem: existing?.problem ?? '', action: existing?.action ?? '', results: existing?.results ?? '', evidence: existing?.evidence ?? '', lessons: existing?.lessons ?? '',
  });
  const [links, setLinks] = useState((existing?.evidenceLinks ?? []).join('\n'));
  const [contact, setContact] = useState(existing?.contact ?? '');
  const [contactPerson, setContactPerson] = useState<DirectoryPerson | null>(existing?.contactPerson ? { id: existing.contactPerson.id, name: existing.contactPerson.name, subtitle: null } : null);
  const [languages, setLanguages] = useState((existing?.languages ?? ['en']).join(', '));
  const [problem, setProblem] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const fieldError = (name: string) => problem?.fields[name];

  const send = async (e: FormEvent, andSubmit: boolean) => {
    e.preventDefault();
    setProblem(null);
    const input: PracticeInput = {
      title, memberCode, themes, ...text, evidenceLinks: list(links), contact, contactPersonId: contactPerson?.id ?? null, languages: list(languages),
    };
    try {
      const saved = await save.mutateAsync(input);
      if (andSubmit) {
        const submitted = await api<Practice>(`/api/practices/${encodeURIComponent(saved.id)}/submit`, { method: 'POST', body: {} });
        qc.setQueryData(practiceQuery(submitted.id).queryKey, submitted);
        await qc.invalidateQueries({ queryKey: ['practices'] });
      }
      void navigate(`/practices/${encodeURIComponent(saved.id)}`);
    } catch (err) {
      const fields: Record<string, string> = {};
      if (err instanceof ApiError) for (const f of err.problem.errors ?? []) fields[f.field.split('.')[0] ?? f.field] = f.message;
      setProblem({ message: err instanceof ApiError ? err.problem.detail ?? err.problem.title : t('practices.failed'), fields });
    }
  };

  return (
    <Page title={existing ? t('practices.edit') : t('practices.new')} lead={t('practices.formLead')}>
      <form className="practice-form" onSubmit={(e) => void send(e, false)} noValidate>
        {problem ? <Alert kind="error">{problem.message}</Alert> : null}
        <TextField label={t('practices.form.title')} value={title} onChange={(e) => setTitle(e.target.value)} required error={fieldError('title')} />
        <Select label={t('practices.member')} value={memberCode} onChange={(e) => setMemberCode(e.target.value)} options={scopes.map((c) => ({ value: c, label: names.get(c) ?? c }))} error={fieldError('memberCode')} />
        <fieldset>
          <legend>{t('practices.themes')}</legend>
          <div className="practice-form__checks">
            {(reference.data?.themes ?? []).map((th) => (
              <Checkbox key={th.code} label={th.name} checked={themes.includes(th.code)} onChange={(e) => setThemes(e.target.checked ? [...themes, th.code] : themes.filter((c) => c !== th.code))} />
            ))}
          </div>
          {fieldError('themes') ? <p className="field__error">{fieldError('themes')}</p> : null}
        </fieldset>
        {sections.map((s) => (
          <div className="field" key={s}>
            <label htmlFor={`practice-${s}`}>{t(`practices.section.${s}` as MessageKey)}</label>
            <textarea id={`practice-${s}`} className="input" value={text[s]} aria-invalid={fieldError(s) ? true : undefined} aria-describedby={fieldError(s) ? `practice-${s}-error` : undefined}
              onChange={(e) => setText({ ...text, [s]: e.target.value })} />
            {fieldError(s) ? <p className="field__error" id={`practice-${s}-error`}>{fieldError(s)}</p> : null}
          </div>
        ))}
        <div className="field">
          <label htmlFor="practice-links">{t('practices.form.links')}</label>
          <textarea id="practice-links" className="input" value={links} onChange={(e) => setLinks(e.target.value)} aria-describedby={fieldError('evidenceLinks') ? 'practice-links-error' : undefined} />
          {fieldError('evidenceLinks') ? <p className="field__error" id="practice-links-error">{fieldError('evidenceLinks')}</p> : null}
        </div>
        <TextField label={t('practices.section.contact')} value={contact} onChange={(e) => setContact(e.target.value)} error={fieldError('contact')} />
        <SearchPicker<DirectoryPerson>
          label={t('practices.form.contactPerson')}
          description={t('practices.form.contactPersonHint')}
          error={fieldError('contactPersonId')}
          queryKey={['practices', 'people']}
          search={findPeople}
          optionId={(p) => p.id}
          optionLabel={(p) => p.name}
          renderOption={(p) => <>{p.name}{p.subtitle ? <span className="practice__meta"> · {p.subtitle}</span> : null}</>}
          value={contactPerson}
          onChange={setContactPerson}
        />
        <TextField label={t('practices.languages')} description={t('practices.form.languagesHint')} value={languages} onChange={(e) => setLanguages(e.target.value)} error={fieldError('languages')} />
        <div className="practice__actions">
          <Button type="submit" variant="secondary" pending={save.isPending}>{t('practices.saveDraft')}</Button>
          <Button type="button" onClick={(e) => void send(e, true)}>{t('practices.saveSubmit')}</Button>
          <Link to={existing ? `/practices/${encodeURIComponent(existing.id)}` : '/practices'}>{t('practices.back')}</Link>
        </div>
      </form>
    </Page>
  );
}
