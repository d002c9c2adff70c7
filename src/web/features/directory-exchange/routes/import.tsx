import '@/web/styles/directory.css';
import '../exchange.css';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { Page } from '@/web/components/page';
import { Loading, QueryError } from '@/web/components/status';
import { useT } from '@/web/i18n/use-t';
import { exchangeKeys, useImport } from '../api';
import { ApplyStep } from '../components/apply-step';
import { CheckStep } from '../components/check-step';
import { MapStep } from '../components/map-step';
import { RecentImports } from '../components/recent-imports';
import { StepHeading, StepList, type StepName } from '../components/steps';
import { UploadStep } from '../components/upload-step';

/**
 * Importing a spreadsheet into the directory, in four steps: upload, match the columns, check (dry run), import.
 * The import's id is in the address (/directory/import/:id) and its state on the server, so a reload, or coming
 * back later, resumes where it stands.
 */
export function DirectoryImportRoute() {
  const t = useT();
  const { id } = useParams();
  const location = useLocation();
  // Set by the links and the upload that lead from one step to the next, not by a reload or a typed address.
  const focusStep = (location.state as { focusStep?: boolean } | null)?.focusStep === true;

  return (
    <Page title={t('exchange.title')} lead={t('exchange.lead')}>
      <p>
        <Link to="/directory">{t('directory.back')}</Link>
      </p>
      {id ? (
        <ImportFlow key={id} id={id} focusOnMount={focusStep} />
      ) : (
        <>
          <StepList current="upload" />
          <section className="section import-step">
            <StepHeading step="upload" focusOnMount={focusStep} />
            <UploadStep />
          </section>
          <RecentImports />
        </>
      )}
    </Page>
  );
}

function ImportFlow({ id, focusOnMount }: { id: string; focusOnMount: boolean }) {
  const qc = useQueryClient();
  const query = useImport(id);
  // Back from the check (or a failed import) to the column choices.
  const [editing, setEditing] = useState(false);
  const status = query.data?.status;

  useEffect(() => {
    if (status === 'applied' || status === 'failed') void qc.invalidateQueries({ queryKey: exchangeKeys.imports });
    // What the directory shows has changed.
    if (status === 'applied') void qc.invalidateQueries({ queryKey: ['directory'] });
  }, [status, qc]);

  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const imp = query.data;
  const step: StepName = imp.status === 'uploaded' || (editing && (imp.status === 'validated' || imp.status === 'failed')) ? 'map' : imp.status === 'validated' ? 'check' : 'apply';

  return (
    <>
      <StepList current={step} />
      <section className="section import-step">
        <StepHeading step={step} focusOnMount={focusOnMount} />
        {step === 'map' ? (
          <MapStep imp={imp} onChecked={() => setEditing(false)} />
        ) : step === 'check' ? (
          <CheckStep imp={imp} onEditMapping={() => setEditing(true)} />
        ) : (
          <ApplyStep imp={imp} onCheckAgain={() => setEditing(true)} />
        )}
      </section>
    </>
  );
}
