import '@/web/styles/library.css';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Checkbox } from '@/web/components/checkbox';
import { Page } from '@/web/components/page';
import { Select } from '@/web/components/select';
import { TextField } from '@/web/components/text-field';
import { useLocale, useT } from '@/web/i18n/use-t';
import { ApiError } from '@/web/lib/api-client';
import { useReference } from '@/web/lib/reference';
import { useCurrentUser, useSession } from '@/web/lib/session';
import { resourceQuery, resourceTypes, sensitivities, uploadFile, useResource, useSaveResource, type Resource, type ResourceChoice, type ResourceInput } from '../api';
import { OriginalPicker } from '../components/original-picker';

const list = (s: string) => s.split(/[\s,;]+/).map((v) => v.trim()).filter(Boolean);

/** The original of an existing language version, titled from the versions the resource lists. */
function originalOf(r: Resource | null): ResourceChoice | null {
  if (!r?.translationOf) return null;
  return r.languageVersions.find((v) => v.id === r.translationOf) ?? { id: r.translationOf, title: r.translationOf, languages: [] };
}

export function ResourceEditRoute() {
  const { id } = useParams();
  const t = useT();
  const user = useCurrentUser();
  if (!user || (user.role !== 'secretariat_admin' && user.role !== 'secretariat_staff')) {
    return <Page title={t('library.newTitle')}><Alert kind="error">{t('library.forbidden')}</Alert></Page>;
  }
  return id ? <EditExisting id={id} /> : <ResourceForm existing={null} />;
}

function EditExisting({ id }: { id: string }) {
  const t = useT();
  const { data, isError } = useResource(id);
  if (isError) return <Page title={t('library.editTitle')}><Alert kind="error">{t('library.notFound')}</Alert></Page>;
  if (!data) return <Page title={t('library.editTitle')}><p>…</p></Page>;
  return <ResourceForm existing={data} />;
}

function ResourceForm({ existing }: { existing: Resource | null }) {
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const reference = useReference();
  const session = useSession();
  const save = useSaveResource(existing?.id ?? null);
  const qc = useQueryClient();
  const [type, setType] = useState<string>(existing?.type ?? 'practitioner_guide');
  const [title, setTitle] = useState(existing?.title ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [themes, setThemes] = useState<string[]>(existing?.themes ?? []);
  const [countries, setCountries] = useState((existing?.countries ?? []).join(', '));
  const [languages, setLanguages] = useState((existing?.languages ?? ['en']).join(', '));
  const [year, setYear] = useState(existing?.year ? String(existing.year) : '');
  const [publisher, setPublisher] = useState(existing?.publisher ?? '');
  const [sensitivity, setSensitivity] = useState<string>(existing?.sensitivity ?? 'public');
  const [original, setOriginal] = useState<ResourceChoice | null>(() => originalOf(existing));
  const [linkUrl, setLinkUrl] = useState(existing?.linkUrl ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const fieldError = (name: string) => problem?.fields[name];

  useEffect(() => setProblem(null), [existing?.id]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const input: ResourceInput = {
      type: type as ResourceInput['type'], title, description, themes, countries: list(countries).map((c) => c.toUpperCase()), languages: list(languages),
      year: year ? Number(year) : null, publisher, sensitivity: sensitivity as ResourceInput['sensitivity'], translationOf: original?.id ?? null, linkUrl: linkUrl.trim() || null,
    };
    try {
      const saved = await save.mutateAsync(input);
      if (file) {
        setProgress(0);
        const withFile = await uploadFile(saved.id, file, { csrfToken: session.data?.csrfToken ?? null, language: locale, onProgress: (sent, total) => setProgress(total ? Math.round((sent / total) * 100) : 0) });
        qc.setQueryData(resourceQuery(saved.id).queryKey, withFile);
      }
      void navigate(`/library/${encodeURIComponent(saved.id)}`);
    } catch (err) {
      setProgress(null);
      const fields: Record<string, string> = {};
      if (err instanceof ApiError) for (const f of err.problem.errors ?? []) fields[f.field.split('.')[0] ?? f.field] = f.message;
      setProblem({ message: err instanceof ApiError ? err.problem.detail ?? err.problem.title : t('library.form.failed'), fields });
    }
  };

  return (
    <Page title={existing ? t('library.editTitle') : t('library.newTitle')}>
      <form className="library-form" onSubmit={(e) => void submit(e)} noValidate>
        {problem ? <Alert kind="error">{problem.message}</Alert> : null}
        <Select label={t('library.form.type')} value={type} onChange={(e) => setType(e.target.value)} options={resourceTypes.map((v) => ({ value: v, label: t(`library.type.${v}`) }))} error={fieldError('type')} />
        <TextField label={t('library.form.title')} value={title} onChange={(e) => setTitle(e.target.value)} required error={fieldError('title')} />
        <div className="field">
          <label htmlFor="library-description">{t('library.form.description')}</label>
          <textarea id="library-description" className="input" value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        <fieldset>
          <legend>{t('library.themes')}</legend>
          <div className="library-form__checks">
            {(reference.data?.themes ?? []).map((th) => (
              <Checkbox key={th.code} label={th.name} checked={themes.includes(th.code)} onChange={(e) => setThemes(e.target.checked ? [...themes, th.code] : themes.filter((c) => c !== th.code))} />
            ))}
          </div>
        </fieldset>
        <TextField label={t('library.form.countries')} description={t('library.form.countriesHint')} value={countries} onChange={(e) => setCountries(e.target.value)} error={fieldError('countries')} />
        <TextField label={t('library.form.languages')} description={t('library.form.languagesHint')} value={languages} onChange={(e) => setLanguages(e.target.value)} error={fieldError('languages')} />
        <TextField label={t('library.form.year')} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} error={fieldError('year')} />
        <TextField label={t('library.form.publisher')} value={publisher} onChange={(e) => setPublisher(e.target.value)} />
        <Select label={t('library.sensitivity')} value={sensitivity} onChange={(e) => setSensitivity(e.target.value)} options={sensitivities.map((v) => ({ value: v, label: t(`library.sensitivity.${v}`) }))} />
        <OriginalPicker value={original} onChange={setOriginal} selfId={existing?.id ?? null} error={fieldError('translationOf')} />
        <TextField label={t('library.form.link')} type="url" value={linkUrl} onChange={(e) => setLinkUrl(e.target.value)} error={fieldError('linkUrl')} />
        <div className="field">
          <label htmlFor="library-file">{t('library.form.file', { mb: existing?.maxUploadMb ?? 50 })}</label>
          <input id="library-file" type="file" accept=".pdf,.docx,.xlsx,application/pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        {progress !== null ? <progress max={100} value={progress} aria-label={t('library.form.uploading', { percent: progress })}>{progress}%</progress> : null}
        <div className="resource__actions">
          <Button type="submit" pending={save.isPending || progress !== null}>{t('library.form.save')}</Button>
          <Link to={existing ? `/library/${encodeURIComponent(existing.id)}` : '/library'}>{t('library.back')}</Link>
        </div>
      </form>
    </Page>
  );
}
