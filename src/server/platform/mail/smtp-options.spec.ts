import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { startSmtpSink } from '../../../../test/helpers/smtp-sink';
import { smtpPoolOptions } from './smtp-options';

describe('SMTP pool options from an address', () => {
  it('reads host, port, TLS, credentials and query options from the address', () => {
    const options = smtpPoolOptions('smtps://relay%40rso.example:p%3Ass@mail.example.org:2465/?name=hub.example&tls.rejectUnauthorized=false&connectionTimeout=5000', 4);
    expect(options).toMatchObject({
      host: 'mail.example.org',
      port: 2465,
      secure: true,
      auth: { user: 'relay@rso.example', pass: 'p:ss' },
      name: 'hub.example',
      tls: { rejectUnauthorized: false },
      connectionTimeout: 5000,
      pool: true,
      maxConnections: 4,
    });
    expect(smtpPoolOptions('smtp://127.0.0.1:2525', 8)).toMatchObject({ host: '127.0.0.1', port: 2525, secure: false, pool: true });
    expect(smtpPoolOptions('smtp://mail.example.org', 8)).not.toHaveProperty('auth');
  });

  it('delivers many messages over a few kept-open connections, not one connection per message', async () => {
    const sink = await startSmtpSink();
    const transport = nodemailer.createTransport(smtpPoolOptions(sink.url, 2));
    try {
      for (let i = 0; i < 10; i++) await transport.sendMail({ from: 'hub@example.org', to: `reader-${i}@example.org`, subject: `Digest ${i}`, text: 'Two new papers.' });
      await Promise.all(Array.from({ length: 20 }, (_, i) => transport.sendMail({ from: 'hub@example.org', to: `many-${i}@example.org`, subject: `Notice ${i}`, text: 'A paper was published.' })));
      expect(sink.received).toHaveLength(30);
      expect(sink.received.filter((m) => m.includes('Subject: Digest 7'))).toHaveLength(1);
      expect(sink.connections()).toBeLessThanOrEqual(2);
    } finally {
      transport.close();
      await sink.close();
    }
  });
});
