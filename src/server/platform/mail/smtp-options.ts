import net from 'node:net';
import type SMTPPool from 'nodemailer/lib/smtp-pool';

/**
 * Options for nodemailer's SMTP pool from an `smtp://` or `smtps://` address.
 *
 * The address is parsed here rather than passed as `url`: nodemailer builds its options from `url` alone and drops
 * everything beside it (`pool`, `maxConnections`), which silently gave one new connection per message.
 * Query parameters become options as in nodemailer's own URL form (`?tls.rejectUnauthorized=false&name=hub`).
 *
 * Sockets are opened without Nagle's algorithm: an SMTP exchange is a chain of small writes that each wait for a
 * reply, and the final `.` of a message otherwise waits for the server's delayed acknowledgement (about 40 ms per
 * message on Linux).
 */
export function smtpPoolOptions(address: string, maxConnections: number): SMTPPool.Options {
  const url = new URL(address);
  const options: Record<string, unknown> = {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    secure: url.protocol === 'smtps:',
    ...(url.port ? { port: Number(url.port) } : {}),
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
  };
  for (const [key, raw] of url.searchParams) {
    const value: unknown = raw === 'true' ? true : raw === 'false' ? false : raw !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
    const path = key.split('.');
    let target = options;
    for (const part of path.slice(0, -1)) {
      const next = target[part];
      target = (target[part] = typeof next === 'object' && next !== null ? next : {}) as Record<string, unknown>;
    }
    target[path[path.length - 1] ?? key] = value;
  }
  const fromAddress = options as Partial<SMTPPool.Options>; // keys and values as nodemailer reads them from its URL form
  return {
    ...fromAddress,
    pool: true,
    maxConnections,
    maxMessages: 1000,
    getSocket(opts, callback) {
      const socket = net.connect({ host: opts.host ?? 'localhost', port: opts.port ?? (opts.secure ? 465 : 587) });
      socket.setNoDelay(true);
      const failed = (err: Error) => callback(err, undefined);
      socket.once('error', failed);
      socket.once('connect', () => {
        socket.off('error', failed);
        // nodemailer starts TLS over this socket itself when the address is smtps://, and on STARTTLS.
        callback(null, { connection: socket });
      });
    },
  };
}
