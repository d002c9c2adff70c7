import { useEffect, useRef } from 'react';
import type { OutboxMessage } from '@/contracts/outbox';
import { Button } from '@/web/components/button';
import { useLocale, useT } from '@/web/i18n/use-t';
import { formatDateTime } from '@/web/lib/format';

/** The full message as plain text: links stay text to select and copy, never live links from email bodies. */
export function MessageReader({ message, onClose }: { message: OutboxMessage; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [message.id]);

  return (
    <section className="reader">
      <h2 ref={heading} tabIndex={-1} className="section__title">
        {message.subject}
      </h2>
      <dl className="details">
        <div>
          <dt>{t('outbox.to')}</dt>
          <dd>{message.to}</dd>
        </div>
        <div>
          <dt>{t('outbox.created')}</dt>
          <dd>{formatDateTime(message.createdAt, locale)}</dd>
        </div>
        <div>
          <dt>{t('outbox.status')}</dt>
          <dd>{t(`outboxStatus.${message.status}`)}</dd>
        </div>
      </dl>
      <pre className="message-text">
        {message.text}
      </pre>
      <Button variant="secondary" onClick={onClose}>
        {t('common.close')}
      </Button>
    </section>
  );
}
