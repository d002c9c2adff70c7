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
 *
 * Brotli is made twice. The first ask gets quality 5 at once (a quarter of a millisecond for a search answer). An
 * answer asked for again is one people repeat, so it is compressed once more at quality 11, on libuv's thread pool
 * (about 6 ms of a pool thread, none of the event loop's), and every send after that is the smaller body: 12% fewer
 * bytes on the directory benchmark's search answers (1,411 -> 1,234 bytes on average over its 327 distinct queries), on every repeat, for
 * officials on slow links. Answers asked once never pay for it.
 */
export class PreparedJson {
  private readonly encoded = new Map<Encoding, Buffer>();
  /** Whether the quality 11 brotli compression has been started (it replaces the first body when it is smaller). */
  private refining = false;

  constructor(readonly text: string) {}

  /** The text compressed with `encoding`: gzip -6, or brotli (see the class). */
  encodedAs(encoding: Encoding): Buffer {
    const body = this.encoded.get(encoding);
    if (!body) {
      const raw = Buffer.from(this.text);
      const made = encoding === 'br' ? zlib.brotliCompressSync(raw, brotli(5, raw.length)) : zlib.gzipSync(raw, { level: 6 });
      this.encoded.set(encoding, made);
      return made;
    }
    if (encoding === 'br' && !this.refining) {
      this.refining = true;
      this.refine(body);
    }
    return body;
  }

  private refine(fast: Buffer): void {
    const raw = Buffer.from(this.text);
    zlib.brotliCompress(raw, brotli(11, raw.length), (err, best) => {
      // A failure only leaves the quality 5 body in place.
      if (!err && best.length < fast.length) this.encoded.set('br', best);
    });
  }
}

const brotli = (quality: number, size: number): zlib.BrotliOptions => ({
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT },
});

/** Sends a prepared answer as `application/json`, compressed when the client accepts it and it is worth it. */
export function sendPreparedJson(req: FastifyRequest, reply: FastifyReply, answer: PreparedJson): FastifyReply {
  void reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  const accepted = req.headers['accept-encoding'];
  const encoding = accepted && answer.text.length >= MIN_BYTES ? negotiate<Encoding>(accepted, [...ENCODINGS]) : null;
  if (!encoding) return reply.send(answer.text);
  // A Content-Encoding set here tells @fastify/compress the body is compressed already.
  return reply.header('content-encoding', encoding).send(answer.encodedAs(encoding));
}
