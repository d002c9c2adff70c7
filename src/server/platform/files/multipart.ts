import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, errors } from '../errors';
import type { FileStore, ReceivedFile } from './file-store';
import { fileErrors } from './sniff';

/** Room for the form's other fields and the multipart boundaries around the file. */
const FORM_OVERHEAD = 256 * 1024;

/**
 * Lets the routes of one plugin scope take multipart/form-data uploads (the parser is encapsulated: the rest of
 * the API keeps refusing multipart bodies). One file per request; the size limit is enforced while it streams.
 */
export async function registerUploads(scope: FastifyInstance, store: FileStore): Promise<void> {
  await scope.register(multipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: store.maxBytes + 1, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 22, headerPairs: 100 },
  });
}

export interface Upload {
  file: ReceivedFile;
  /** The form's text fields (first value of each name); empty values are left out. */
  fields: Record<string, string>;
}

/**
 * Reads a multipart request: its text fields, in any order around the file, and the file itself streamed to a
 * temporary file and checked by the store. Throws a problem (400, 413, 415) and keeps nothing when the request or
 * the file is refused; the caller keeps or discards the file it gets.
 */
export async function readUpload(req: FastifyRequest, store: FileStore): Promise<Upload> {
  if (!req.isMultipart()) {
    throw new AppError(415, 'unsupported_media_type', 'Send the file as multipart/form-data, with the file in a field named "file".');
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > store.maxBytes + FORM_OVERHEAD) throw fileErrors.tooLarge(store.maxBytes / 1024 / 1024);
  const fields: Record<string, string> = {};
  let file: ReceivedFile | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) {
          part.file.resume();
          throw errors.field(part.fieldname, 'Send one file, in the field named "file".');
        }
        file = await store.receive(part.file, part.filename);
        if (part.file.truncated) throw fileErrors.tooLarge(store.maxBytes / 1024 / 1024);
      } else if (typeof part.value === 'string' && part.value.trim() !== '' && !(part.fieldname in fields)) {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    if (file) await store.discard(file);
    throw asProblem(err, store);
  }
  if (!file) throw errors.field('file', 'Choose a file to upload.');
  return { file, fields };
}

function asProblem(err: unknown, store: FileStore): unknown {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code ?? '';
  if (code === 'FST_REQ_FILE_TOO_LARGE') return fileErrors.tooLarge(store.maxBytes / 1024 / 1024);
  if (code.startsWith('FST_') || /multipart|terminated early|Unexpected end/i.test((err as Error).message ?? '')) {
    return new AppError(400, 'bad_request', 'The upload could not be read: it was cut off or is not a valid form. Try again.');
  }
  return err;
}
