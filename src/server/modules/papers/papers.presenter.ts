import type { FileType, Paper, PaperKind, PaperVersion, Sensitivity } from '@/contracts/papers';
import { slugFileName } from '../../platform/files/file-store';
import { fileTypeInfo } from '../../platform/files/sniff';
import type { PaperRow, VersionRow } from './papers.repository';
import type { PapersTable } from './papers.tables';

const enc = encodeURIComponent;

export function versionUrl(paperId: string, number: number): string {
  return `/api/papers/${enc(paperId)}/versions/${number}/file`;
}

export function presentVersion(v: VersionRow): PaperVersion {
  return {
    id: v.id,
    number: v.number,
    fileType: v.file_type as FileType,
    contentType: v.content_type,
    size: v.size_bytes,
    sha256: v.sha256,
    note: v.note,
    uploadedBy: v.uploaded_by ? { id: v.uploaded_by, displayName: v.uploader_name ?? '' } : null,
    uploadedAt: v.uploaded_at,
    downloadUrl: versionUrl(v.paper_id, v.number),
  };
}

export function presentPaper(row: PaperRow, languageVersions: PapersTable[], canEdit: boolean): Paper {
  return {
    id: row.id,
    eventId: row.event_id,
    kind: row.kind as PaperKind,
    title: row.title,
    language: row.language,
    sensitivity: row.sensitivity as Sensitivity,
    translationOf: row.translation_of,
    languageVersions: languageVersions.filter((p) => p.id !== row.id).map((p) => ({ id: p.id, language: p.language, title: p.title })),
    latest: presentVersion(row.version),
    versionCount: row.version_count,
    canEdit,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The name a downloaded version gets: title, language and version, with the extension of its real type. */
export function downloadName(paper: Pick<PapersTable, 'title' | 'kind' | 'language'>, version: Pick<VersionRow, 'number' | 'file_type'>): string {
  const base = slugFileName(paper.title) || paper.kind.replace(/_/g, '-');
  const ext = fileTypeInfo[version.file_type as FileType].extension;
  return `${base}-${paper.language}-v${version.number}.${ext}`;
}
