import type { ContactChannel } from '@/contracts/directory';
import { useT } from '@/web/i18n/use-t';

function href(c: ContactChannel): string | null {
  if (c.kind === 'email') return `mailto:${c.value}`;
  if (c.kind === 'phone' || c.kind === 'mobile') return `tel:${c.value.replace(/[^\d+]/g, '')}`;
  return null;
}

/** Contact channels with, for each, who may see it: Public, Members, Secretariat or Private, in words. */
export function ChannelList({ channels }: { channels: readonly ContactChannel[] }) {
  const t = useT();
  if (channels.length === 0) return <p className="empty">{t('channels.noneVisible')}</p>;
  return (
    <ul className="channel-list">
      {channels.map((c) => {
        const link = href(c);
        return (
          <li key={c.id}>
            <span className="channel-list__kind">
              {t(`channelKind.${c.kind}`)}
              {c.label ? ` (${c.label})` : ''}:
            </span>{' '}
            {link ? <a href={link}>{c.value}</a> : <span>{c.value}</span>}{' '}
            <span className={`tier tier--${c.visibility}`}>{t('channels.tier', { tier: t(`visibility.${c.visibility}`) })}</span>
          </li>
        );
      })}
    </ul>
  );
}
