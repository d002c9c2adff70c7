import '../exchange.css';
import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useT } from '@/web/i18n/use-t';
import { can } from '@/web/lib/roles';
import { useCurrentUser } from '@/web/lib/session';
import { exportFilters, exportUrl, personVcardUrl, vcardsUrl } from '../api';

/**
 * For the directory search page: "Export" (the records matching the search words and filters in the address, as CSV, XLSX or vCards)
 * and, for those who curate the directory, "Import a spreadsheet". Plain links: the browser downloads the file with
 * the session cookie, so each reader gets exactly the contact details they may see.
 */
export function DirectoryExchangeTools() {
  const t = useT();
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const filters = exportFilters(params);
  const filtered = Object.values(filters).some(Boolean);
  const explainId = useId();

  return (
    <div className="exchange-tools">
      {user && can(user.role, 'directoryEdit') ? (
        <Link to="/directory/import" className="button button--secondary">
          {t('exchange.import')}
        </Link>
      ) : null}
      <details className="export-menu">
        <summary className="button button--secondary">{t('exchange.export')}</summary>
        <div className="export-menu__body">
          <p id={explainId}>{filtered ? t('exchange.export.filtered') : t('exchange.export.all')}</p>
          <ul className="export-menu__list" aria-labelledby={explainId}>
            <li>
              <a href={exportUrl('csv', filters)} download>
                {t('exchange.export.csv')}
              </a>
            </li>
            <li>
              <a href={exportUrl('xlsx', filters)} download>
                {t('exchange.export.xlsx')}
              </a>
            </li>
            <li>
              <a href={vcardsUrl(filters)} download>
                {t('exchange.export.vcf')}
              </a>
            </li>
          </ul>
        </div>
      </details>
    </div>
  );
}

/** For a person's page: their vCard, with the contact details the reader may see. */
export function PersonVcardLink({ personId }: { personId: string }) {
  const t = useT();
  return (
    <p>
      <a href={personVcardUrl(personId)} download>
        {t('exchange.vcard')}
      </a>
    </p>
  );
}
