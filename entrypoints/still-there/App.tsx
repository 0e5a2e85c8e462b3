import { useEffect, useRef, useState } from 'preact/hooks';
import { ShieldIcon } from '@/components/ShieldIcon';
import { t, tn } from '@/utils/i18n';

const secondsLeft = (until: number) => Math.max(0, Math.ceil((until - Date.now()) / 1000));

/**
 * "Are you still there?" — the idle-logout countdown, in a small window of its own (nothing is ever injected
 * into a web page). Any input answers it (the background hears the system turn active); so does the button,
 * which closes the window. Unanswered, the background purges and closes this window.
 */
export function App({ until }: { until: number }) {
  const [left, setLeft] = useState(secondsLeft(until));
  const stay = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    stay.current?.focus();
    const timer = setInterval(() => setLeft(secondsLeft(until)), 250);
    return () => clearInterval(timer);
  }, [until]);

  return (
    <main data-seconds-left={left}>
      <p class="brand">
        <ShieldIcon size={22} /> {t('extName')}
      </p>
      <h1>{t('stillThereTitle')}</h1>
      <p role="timer" aria-live="off" class="count">
        {left > 0 ? tn('stillThereBody', left) : t('stillThereLeaving')}
      </p>
      <button ref={stay} type="button" class="primary" onClick={() => window.close()}>
        {t('stillThereStay')}
      </button>
    </main>
  );
}
