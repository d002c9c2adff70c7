import '@/web/styles/papers.css';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { DataTable } from '@/web/components/data-table';
import { Section } from '@/web/components/page';
import { Select } from '@/web/components/select';
import { Loading, QueryError } from '@/web/components/status';
import { useLocale, useT } from '@/web/i18n/use-t';
import { ApiError } from '@/web/lib/api-client';
import { formatDate, formatDateTime, formatSize, languageName } from '@/web/lib/format';
import {
  fileTypeKey, paperKindList, sensitivityList, useEventPapers, useUpdatePaper, useVersions,
  type EventPapers as EventPapersData, type Paper, type PaperVersion, type Sensitivity,
} from '../api';
import { NewVersionForm, UploadPaperForm } from './upload-form';
import { WithdrawButton } from './withdraw-dialog';

/** "PDF, 2.3 MB": what a download is, before it starts. */
function useFileLabel() {
  const t = useT();
  const locale = useLocale();
  return (v: Pick<PaperVersion, 'fileType' | 'size'>) => `${t(fileTypeKey(v.fileType))}, ${formatSize(v.size, locale)}`;
}

function VersionHistory({ paper, onNotice }: { paper: Paper; onNotice: (message: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const fileLabel = useFileLabel();
  const [open, setOpen] = useState(false);
  const versions = useVersions(paper.id, open);
  return (
    <details className="paper__disclosure" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('papers.history', { count: paper.versionCount })}</summary>
      {versions.isPending && open ? <Loading /> : null}
      {versions.isError ? <QueryError error={versions.error} onRetry={() => void versions.refetch()} /> : null}
      {versions.data ? (
        <DataTable
          caption={t('papers.historyCaption', { title: paper.title })}
          captionHidden
          rows={versions.data.items}
          rowKey={(v) => v.id}
          empty={t('papers.historyFailed')}
          columns={[
            { key: 'number', header: t('papers.col.version'), cell: (v) => t('papers.version', { number: v.number }) },
            { key: 'by', header: t('papers.col.uploadedBy'), cell: (v) => v.uploadedBy?.displayName ?? t('papers.unknownUser') },
            { key: 'at', header: t('papers.col.uploadedAt'), cell: (v) => <time dateTime={v.uploadedAt}>{formatDateTime(v.uploadedAt, locale)}</time> },
            {
              key: 'file',
              header: t('papers.col.file'),
              cell: (v) => (
                <a href={v.downloadUrl} download aria-label={`${t('papers.download')} ${t('papers.version', { number: v.number })} (${fileLabel(v)})`}>
                  {t('papers.download')} ({fileLabel(v)})
                </a>
              ),
            },
            { key: 'note', header: t('papers.col.note'), cell: (v) => v.note ?? '' },
            // A paper's only version goes with the paper (the server refuses it alone).
            ...(paper.canEdit && versions.data.items.length > 1
              ? [{ key: 'withdraw', header: t('papers.col.withdraw'), cell: (v: PaperVersion) => <WithdrawButton paper={paper} number={v.number} onDone={onNotice} /> }]
              : []),
          ]}
        />
      ) : null}
    </details>
  );
}

function SensitivityForm({ paper }: { paper: Paper }) {
  const t = useT();
  const update = useUpdatePaper(paper.eventId);
  const [value, setValue] = useState<Sensitivity>(paper.sensitivity);
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    update.mutate({ id: paper.id, patch: { sensitivity: value } });
  }
  return (
    <form className="paper-sensitivity" onSubmit={onSubmit}>
      <Select label={t('papers.edit.sensitivity')} value={value} onChange={(e) => setValue(e.target.value as Sensitivity)} options={sensitivityList.map((s) => ({ value: s, label: t(`papers.sensitivity.${s}`) }))} />
      <Button type="submit" variant="secondary" pending={update.isPending}>
        {t('papers.edit.save')}
      </Button>
      {update.isError ? <p role="alert">{update.error instanceof ApiError ? (update.error.problem.detail ?? update.error.message) : update.error.message}</p> : null}
      {update.isSuccess ? <p role="status">{t('papers.edit.saved')}</p> : null}
    </form>
  );
}

/** One paper: its title, label, latest file with its size, version history and, for the secretariat, a new version. */
function PaperItem({ paper, maxMb, onNotice }: { paper: Paper; maxMb: number; onNotice: (message: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const fileLabel = useFileLabel();
  const language = languageName(paper.language, locale);
  return (
    <article className="paper" lang={paper.language} aria-labelledby={`paper-${paper.id}`}>
      <h4 className="paper__title" id={`paper-${paper.id}`}>
        {paper.title}
      </h4>
      <div className="paper__meta" lang={locale}>
        <span className={`badge paper__sensitivity paper__sensitivity--${paper.sensitivity}`}>
          <span className="visually-hidden">{t('papers.sensitivityLabel', { label: '' })}</span>
          {t(`papers.sensitivity.${paper.sensitivity}`)}
        </span>
        <span>{language}</span>
        <span>{t('papers.updated', { number: paper.latest.number, date: formatDate(paper.latest.uploadedAt, locale) })}</span>
      </div>
      <p className="paper__download" lang={locale}>
        <a href={paper.latest.downloadUrl} download aria-label={t('papers.downloadNamed', { title: paper.title, language, file: fileLabel(paper.latest) })}>
          {t('papers.download')}
        </a>{' '}
        <span className="paper__size">({fileLabel(paper.latest)})</span>
      </p>
      <div lang={locale}>
        <VersionHistory paper={paper} onNotice={onNotice} />
        {paper.canEdit ? (
          <>
            <details className="paper__disclosure">
              <summary>{t('papers.newVersion.open')}</summary>
              <NewVersionForm paper={paper} maxMb={maxMb} onDone={onNotice} />
            </details>
            <SensitivityForm paper={paper} key={paper.sensitivity} />
            <WithdrawButton paper={paper} onDone={onNotice} />
          </>
        ) : null}
      </div>
    </article>
  );
}

function PackLinks({ data }: { data: EventPapersData }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="inline-list paper-links">
      {data.meetingPack.papers > 0 ? (
        <li>
          <a href={data.meetingPack.url} download>
            {t('papers.pack', { count: data.meetingPack.papers, size: formatSize(data.meetingPack.size, locale) })}
          </a>
        </li>
      ) : null}
      {data.canDownloadParticipantList ? (
        <>
          <li>
            <a href={data.participantList.pdfUrl} download>
              {t('papers.participantListPdfName')}
            </a>
          </li>
          <li>
            <a href={data.participantList.xlsxUrl} download>
              {t('papers.participantListXlsxName')}
            </a>
          </li>
        </>
      ) : null}
    </ul>
  );
}

/** The papers of one event (versions, languages, meeting pack), shown on the event page. */
export function EventPapers({ eventId }: { eventId: string }) {
  const t = useT();
  const query = useEventPapers(eventId);
  const [notice, setNotice] = useState<string | null>(null);
  if (query.isPending) return <Loading />;
  if (query.isError) {
    // The event page says so when the event is not there; nothing more to add here.
    if (query.error instanceof ApiError && query.error.status === 404) return null;
    return (
      <Section title={t('papers.title')}>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Section>
    );
  }
  const data = query.data;
  const ids = new Set(data.items.map((p) => p.id));
  // A translation sits under its original when the reader sees the original; otherwise it stands on its own.
  const leads = data.items.filter((p) => !p.translationOf || !ids.has(p.translationOf));
  const translationsOf = (p: Paper) => data.items.filter((x) => x.translationOf === p.id);
  if (data.items.length === 0 && !data.canUpload && !data.canDownloadParticipantList) return null;
  return (
    <Section title={t('papers.title')}>
      <div className="papers">
        {notice ? (
          <Alert kind="success">
            <p>{notice}</p>
          </Alert>
        ) : null}
        <PackLinks data={data} />
        {data.items.length === 0 ? <p className="muted">{t('papers.none')}</p> : null}
        {paperKindList.map((kind) => {
          const papers = leads.filter((p) => p.kind === kind);
          if (papers.length === 0) return null;
          return (
            <section key={kind} className="paper-group" aria-labelledby={`papers-${kind}`}>
              <h3 id={`papers-${kind}`}>{t(`papers.kind.${kind}`)}</h3>
              <ul className="paper-list">
                {papers.map((p) => {
                  const translations = translationsOf(p);
                  return (
                    <li key={p.id}>
                      <PaperItem paper={p} maxMb={data.maxUploadMb} onNotice={setNotice} />
                      {translations.length > 0 ? (
                        <div className="paper__translations">
                          <p className="paper__also">{t('papers.alsoIn')}</p>
                          <ul className="paper-list">
                            {translations.map((tr) => (
                              <li key={tr.id}>
                                <PaperItem paper={tr} maxMb={data.maxUploadMb} onNotice={setNotice} />
                              </li>
                            ))}
                          </ul>
                        </div>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
        {data.canUpload ? (
          <details className="paper-upload">
            <summary>{t('papers.upload.open')}</summary>
            <UploadPaperForm eventId={eventId} maxMb={data.maxUploadMb} originals={data.items.filter((p) => !p.translationOf)} onDone={setNotice} />
          </details>
        ) : null}
      </div>
    </Section>
  );
}
