import type { Readable } from 'node:stream';
import yazl from 'yazl';
import { paperKinds, type FileType } from '@/contracts/papers';
import type { FileStore } from '../../platform/files/file-store';
import { slugFileName } from '../../platform/files/file-store';
import { fileTypeInfo } from '../../platform/files/sniff';
import type { PaperRow } from './papers.repository';

export interface PackEntry {
  name: string;
  storageKey: string;
  size: number;
  mtime: Date;
}

/**
 * The files of a meeting pack and their names, in reading order: by kind (concept note first, annexes last), then
 * title; the language versions of a paper sit together under one number ("03-outcome-report-en.pdf",
 * "03-outcome-report-id.pdf").
 */
export function packEntries(papers: readonly PaperRow[]): PackEntry[] {
  const root = (p: PaperRow) => p.translation_of ?? p.id;
  const groups = new Map<string, PaperRow[]>();
  for (const p of papers) groups.set(root(p), [...(groups.get(root(p)) ?? []), p]);
  const kindOrder = (k: string) => {
    const i = (paperKinds as readonly string[]).indexOf(k);
    return i < 0 ? paperKinds.length : i;
  };
  const lead = (g: PaperRow[]) => g.find((p) => p.translation_of === null) ?? g[0];
  const ordered = [...groups.values()].sort((a, b) => {
    const la = lead(a);
    const lb = lead(b);
    if (!la || !lb) return 0;
    return kindOrder(la.kind) - kindOrder(lb.kind) || la.title.localeCompare(lb.title) || la.id.localeCompare(lb.id);
  });
  const width = String(ordered.length).length < 2 ? 2 : String(ordered.length).length;
  const used = new Set<string>();
  const entries: PackEntry[] = [];
  ordered.forEach((group, i) => {
    const number = String(i + 1).padStart(width, '0');
    for (const p of [...group].sort((a, b) => a.language.localeCompare(b.language))) {
      const ext = fileTypeInfo[p.version.file_type as FileType].extension;
      const base = `${number}-${slugFileName(p.title, 60) || p.kind.replace(/_/g, '-')}-${p.language}`;
      let name = `${base}.${ext}`;
      for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}.${ext}`;
      used.add(name.toLowerCase());
      entries.push({ name, storageKey: p.version.storage_key, size: p.version.size_bytes, mtime: new Date(p.version.uploaded_at) });
    }
  });
  return entries;
}

/**
 * Streams the files into a ZIP archive as it is read: each file is opened only when its turn comes and flows
 * through in chunks, so memory stays flat whatever the pack weighs. Files are stored, not recompressed (PDFs and
 * Office files are compressed already), which also makes the archive's length known up front.
 */
export function zipStream(store: FileStore, entries: readonly PackEntry[]): { stream: Readable; size: number | null } {
  const zip = new yazl.ZipFile();
  // A file gone missing on disk ends the download with an error (the client sees a broken archive), never the process.
  zip.on('error', (err: Error) => (zip.outputStream as Readable).destroy(err));
  for (const e of entries) {
    zip.addReadStreamLazy(e.name, { size: e.size, mtime: e.mtime, compress: false }, (cb) => {
      store.open(e.storageKey).then(({ stream }) => cb(null, stream), (err: unknown) => cb(err, undefined as unknown as NodeJS.ReadableStream));
    });
  }
  let size: number | null = null;
  zip.end(undefined, ((total: number) => {
    size = total >= 0 ? total : null;
  }) as () => void);
  return { stream: zip.outputStream as Readable, size };
}
