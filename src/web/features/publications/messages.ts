/**
 * The published reports' messages. `publicationsEn` joins the English catalogue (src/web/i18n/en.ts);
 * `publicationsId` must have every key. Keys start with 'reports.'.
 */
export const publicationsEn = {
  'nav.reports': 'Reports',
  'reports.title': 'Published reports',
  'reports.lead': 'Outcome reports of Bali Process meetings, published to the public, newest first.',
  'reports.year': 'Year',
  'reports.allYears': 'All years',
  'reports.count': '{count} reports',
  'reports.none': 'No reports have been published yet.',
  'reports.download': 'Download {type}, {size}, {language}',
  'reports.pages': 'More reports',
  'reports.previous': 'Newer reports',
  'reports.next': 'Older reports',
} as const;

export const publicationsId: Record<keyof typeof publicationsEn, string> = {
  'nav.reports': 'Laporan',
  'reports.title': 'Laporan yang diterbitkan',
  'reports.lead': 'Laporan hasil pertemuan Proses Bali yang diterbitkan untuk publik, terbaru lebih dahulu.',
  'reports.year': 'Tahun',
  'reports.allYears': 'Semua tahun',
  'reports.count': '{count} laporan',
  'reports.none': 'Belum ada laporan yang diterbitkan.',
  'reports.download': 'Unduh {type}, {size}, {language}',
  'reports.pages': 'Laporan lainnya',
  'reports.previous': 'Laporan lebih baru',
  'reports.next': 'Laporan lebih lama',
};
