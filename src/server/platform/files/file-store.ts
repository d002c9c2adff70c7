import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { newId } from '../crypto';
import { AppError } from '../errors';
import { fileErrors, fileTypeInfo, sniff, type SniffedType, type SniffSource } from './sniff';

/** An upload that streamed in and passed its checks, waiting in the temporary folder to be kept or dropped. */
export interface ReceivedFile {
  tempPath: string;
  size: number;
  sha256: string;
  type: SniffedType;
  contentType: string;
  extension: string;
  /** The name the uploader's computer gave it: for the record and the checks, never for storage. */
  originalName: string;
}

/** A kept file: its server-generated key under UPLOAD_DIR. */
export interface StoredFile {
  key: string;
  size: number;
}

/**
 * Counts, hashes and watches an upload as it streams to disk: the size limit, the SHA-256, whether it is all
 * valid UTF-8 and free of control characters (for the text check), without holding more than one chunk.
 */
class UploadMeter extends Transform {
  size = 0;
  readonly hash = crypto.createHash('sha256');
  utf8 = true;
  controlChars = false;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(private readonly maxBytes: number, private readonly maxMb: number) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      done(fileErrors.tooLarge(this.maxMb));
      return;
    }
    this.hash.update(chunk);
    this.watchText(chunk, true);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    this.watchText(Buffer.alloc(0), false);
    done();
  }

  private watchText(chunk: Buffer, more: boolean): void {
    if (!this.utf8 || this.controlChars) return;
    try {
      const text = this.decoder.decode(chunk, { stream: more });
      // eslint-disable-next-line no-control-regex -- looking for exactly these
      if (/[\x00-\x08\x0e-\x1f\x7f]/.test(text)) this.controlChars = true;
    } catch {
      this.utf8 = false;
    }
  }
}

/**
 * Uploaded files on disk: streamed into a temporary folder, checked (size, type from the content, SHA-256), then
 * kept under a server-generated key (`ab/abcdef…`), never under the uploader's name. Shared by the modules that
 * take uploads (papers, later the library).
 */
export class FileStore {
  private readonly root: string;
  private readonly tmp: string;

  constructor(uploadDir: string, private readonly maxMb: number) {
    this.root = path.resolve(uploadDir);
    this.tmp = path.join(this.root, 'tmp');
  }

  get maxBytes(): number {
    return this.maxMb * 1024 * 1024;
  }

  /**
   * Streams an upload to a temporary file and checks it. On any refusal (too large, empty, damaged, disguised)
   * the temporary file is removed and an AppError thrown: nothing is kept.
   */
  async receive(source: Readable, originalName: string): Promise<ReceivedFile> {
    await fsp.mkdir(this.tmp, { recursive: true });
    const tempPath = path.join(this.tmp, `${newId()}.part`);
    const meter = new UploadMeter(this.maxBytes, this.maxMb);
    try {
      await pipeline(source, meter, fs.createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }));
      const type = await this.check(tempPath, meter, originalName);
      const info = fileTypeInfo[type];
      return { tempPath, size: meter.size, sha256: meter.hash.digest('hex'), type, contentType: info.contentType, extension: info.extension, originalName };
    } catch (err) {
      await fsp.rm(tempPath, { force: true });
      // A stream cut short by a size limit upstream (the multipart parser) says so with its own error.
      if (!(err instanceof AppError) && (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileErrors.tooLarge(this.maxMb);
      throw err;
    }
  }

  private async check(file: string, meter: UploadMeter, name: string): Promise<SniffedType> {
    const handle = await fsp.open(file, 'r');
    try {
      const src: SniffSource = {
        size: meter.size,
        utf8: meter.utf8,
        controlChars: meter.controlChars,
        read: async (offset, length) => {
          const start = Math.max(0, offset);
          const n = Math.max(0, Math.min(length, meter.size - start));
          const buf = Buffer.alloc(n);
          const { bytesRead } = await handle.read(buf, 0, n, start);
          return buf.subarray(0, bytesRead);
        },
      };
      return await sniff(src, name);
    } finally {
      await handle.close();
    }
  }

  /** Moves a checked upload to its permanent, server-generated name. */
  async keep(received: ReceivedFile): Promise<StoredFile> {
    const key = this.newKey();
    const target = this.pathOf(key);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await fsp.rename(received.tempPath, target);
    return { key, size: received.size };
  }

  /** Writes generated content (demo papers, say) under a new key. */
  async write(data: Buffer): Promise<StoredFile> {
    const key = this.newKey();
    const target = this.pathOf(key);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await fsp.writeFile(target, data, { mode: 0o600 });
    return { key, size: data.length };
  }

  /** Drops a received upload that will not be kept (a later check refused it). */
  async discard(received: ReceivedFile): Promise<void> {
    await fsp.rm(received.tempPath, { force: true });
  }

  async remove(key: string): Promise<void> {
    await fsp.rm(this.pathOf(key), { force: true });
  }

  /** Opens a kept file for streaming; 404 when it is missing on disk. */
  async open(key: string): Promise<{ stream: fs.ReadStream; size: number }> {
    const file = this.pathOf(key);
    try {
      const stat = await fsp.stat(file);
      return { stream: fs.createReadStream(file), size: stat.size };
    } catch {
      throw new AppError(404, 'not_found', 'The file was not found on the server.');
    }
  }

  pathOf(key: string): string {
    if (!/^[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error(`not a file key: ${key}`);
    return path.join(this.root, key);
  }

  private newKey(): string {
    const id = newId();
    return `${id.slice(0, 2)}/${id}`;
  }
}

/** `attachment` with an ASCII fallback name and the real one in RFC 5987 `filename*`. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\%;]/g, '').trim() || 'download';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A file name from a title: letters and digits of any script, joined by hyphens. */
export function slugFileName(text: string, max = 80): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}
