import zlib from 'node:zlib';
import negotiate from '@fastify/accept-negotiator';
import compress from '@fastify/compress';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Responses are compressed for clients that accept it (every browser does): an official on a slow Pacific link
 * waits for bytes, not for the server's CPU. Brotli is preferred, gzip next; bodies under 1 KB go as they are.
 * Answers computed once and sent many times (cached search and coverage answers) are compressed once, with
 * {@link PreparedJson}; everything else is compressed as it is sent, by @fastify/compress. Downloads that are
 * compressed already (PDF, XLSX, ZIP, images) are not touched: only text types are.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  // Compressed request bodies are not accepted (nothing sends them; a decompression bomb would get past bodyLimit's
  // spirit): no route gets the plugin's request-decompression hooks.
  app.addHook('onRoute', (route) => {
    route.decompress ??= false;
  });
  await app.register(compress, { global: true, threshold: MIN_BYTES, encodings: [...ENCODINGS] });
}

const ENCODINGS = ['br', 'gzip'] as const;
type Encoding = (typeof ENCODINGS)[number];
const MIN_BYTES = 1024;

/**
 * A JSON answer's text, with its compressed forms made on first need and kept with it, so that an answer served
 * from a cache costs no compression after the first time.
 */
export class PreparedJson {
  private readonly encoded = new Map<Encoding, Buffer>();

  constructor(readonly text: string) {}

  /** The text compressed with `encoding` (brotli at quality 5: about as small as gzip -9 at a fraction of its time). */
  encodedAs(encoding: Encoding): Buffer {
    let body = this.encoded.get(encoding);
    if (!body) {
      const raw = Buffer.from(this.text);
      body = encoding === 'br'
        ? zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
        : zlib.gzipSync(raw, { level: 6 });
      this.encoded.set(encoding, body);
    }
    return body;
  }
}

/** Sends a prepared answer as `application/json`, compressed when the client accepts it and it is worth it. */
export function sendPreparedJson(req: FastifyRequest, reply: FastifyReply, answer: PreparedJson): FastifyReply {
  void reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  const accepted = req.headers['accept-encoding'];
  const encoding = accepted && answer.text.length >= MIN_BYTES ? negotiate<Encoding>(accepted, [...ENCODINGS]) : null;
  if (!encoding) return reply.send(answer.text);
  // A Content-Encoding set here tells @fastify/compress the body is compressed already.
  return reply.header('content-encoding', encoding).send(answer.encodedAs(encoding));
}
