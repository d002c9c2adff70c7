import { SMTPServer } from 'smtp-server';

/** A local SMTP server that keeps every message it receives, for tests of real mail delivery. */
export interface SmtpSink {
  url: string;
  received: string[];
  /** Connections opened to the sink so far. */
  connections(): number;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: string[] = [];
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // No reverse DNS of 127.0.0.1 (smtp-server's default): a machine without a resolver would wait for it.
    disableReverseLookup: true,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onData(stream, _session, done) {
      let data = '';
      stream.on('data', (c: Buffer) => (data += c.toString()));
      stream.on('end', () => {
        received.push(data);
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${port}`, received, connections: () => connections, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
