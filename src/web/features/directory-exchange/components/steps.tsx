import { useEffect, useRef, type ReactNode } from 'react';
import type { MessageKey } from '@/web/i18n/en';
import { useT } from '@/web/i18n/use-t';

export type StepName = 'upload' | 'map' | 'check' | 'apply';
const order: readonly StepName[] = ['upload', 'map', 'check', 'apply'];
const names: Record<StepName, MessageKey> = {
  upload: 'exchange.step.upload',
  map: 'exchange.step.map',
  check: 'exchange.step.check',
  apply: 'exchange.step.apply',
};
const titles: Record<StepName, MessageKey> = {
  upload: 'exchange.upload.title',
  map: 'exchange.map.title',
  check: 'exchange.check.title',
  apply: 'exchange.apply.title',
};

/** Where the import is: four steps, the current one marked for screen readers too. */
export function StepList({ current }: { current: StepName }) {
  const t = useT();
  const at = order.indexOf(current);
  return (
    <ol className="import-steps" aria-label={t('exchange.stepsLabel')}>
      {order.map((s, i) => (
        <li key={s} className={i === at ? 'import-steps__item is-current' : i < at ? 'import-steps__item is-done' : 'import-steps__item'} aria-current={i === at ? 'step' : undefined}>
          <span className="import-steps__number" aria-hidden="true">
            {i + 1}
          </span>{' '}
          {t(names[s])}
        </li>
      ))}
    </ol>
  );
}

/**
 * The current step's heading. When the step changes, focus moves to it, so keyboard and screen-reader users start
 * at the new step. On the first render it takes focus only when asked (after an upload, not after a reload).
 */
export function StepHeading({ step, focusOnMount = false, children }: { step: StepName; focusOnMount?: boolean; children?: ReactNode }) {
  const t = useT();
  const ref = useRef<HTMLHeadingElement>(null);
  const shown = useRef<StepName | null>(focusOnMount ? null : step);

  useEffect(() => {
    if (shown.current === step) return;
    shown.current = step;
    // After the page's own effect, which focuses the h1 when the address changes. Not cancelled on clean-up: the
    // development double run of effects must not lose it (and an unmounted heading has no ref).
    window.setTimeout(() => ref.current?.focus(), 0);
  }, [step]);

  return (
    <h2 ref={ref} tabIndex={-1} className="section__title import-step__title">
      {t('exchange.stepOf', { n: order.indexOf(step) + 1, total: order.length, title: t(titles[step]) })}
      {children}
    </h2>
  );
}
