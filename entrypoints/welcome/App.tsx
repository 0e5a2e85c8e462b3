import { useEffect, useState } from 'preact/hooks';
import { type Place, PlaceChoice } from '@/components/PlaceChoice';
import { ShieldIcon } from '@/components/ShieldIcon';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messages';
import { placeView } from '@/utils/ui/place-view';

/**
 * The welcome page (utils/background/welcome.ts opens it once, when a person installs Safe Logout): what the
 * button does, how to pin it, and "home or shared computer?", saved through the settings command like the
 * options page. What IT set is shown as managed, and not asked.
 */
export function App({ firefox }: { firefox: boolean }) {
  const [settings, setSettings] = useState<{ sharedComputer: boolean; locked: string[] } | null>(null);
  const [chosen, setChosen] = useState<Place | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    void sendMessage('getSettings', {}).then((s) =>
      setSettings({ sharedComputer: s.sharedComputer, locked: s.locked as string[] }),
    );
  }, []);

  const choose = async (place: Place) => {
    setChosen(place);
    setStatus('');
    try {
      const s = await sendMessage('saveSettings', { patch: { sharedComputer: place === 'shared' } });
      setSettings({ sharedComputer: s.sharedComputer, locked: s.locked as string[] });
      setStatus(s.sharedComputer ? t('welcomeSavedShared') : t('welcomeSavedHome'));
    } catch {
      setStatus(t('welcomeNotSaved'));
    }
  };
  const view = settings ? placeView(settings, chosen) : null;

  return (
    <main>
      <p class="brand">
        <ShieldIcon size={24} /> {t('extName')}
      </p>
      <h1>{t('welcomeTitle')}</h1>
      <section aria-labelledby="button-title">
        <h2 id="button-title">{t('welcomeButtonTitle')}</h2>
        <p>{t('welcomeButtonBody')}</p>
      </section>
      <section aria-labelledby="pin-title">
        <h2 id="pin-title">{t('welcomePinTitle')}</h2>
        <p>{firefox ? t('welcomePinFirefox') : t('welcomePinChromium')}</p>
      </section>
      {view && (
        <section aria-labelledby="place-title" class="card">
          <h2 id="place-title">{t('welcomeWhereTitle')}</h2>
          {view.managed ? (
            <p data-managed={view.managed}>
              {view.managed === 'on' ? t('welcomeManagedOn') : t('welcomeManagedOff')}
            </p>
          ) : (
            <PlaceChoice
              legend={t('welcomeWhereTitle')}
              help={t('welcomeWhereHelp')}
              labels={{ home: t('welcomeHome'), shared: t('welcomeShared') }}
              value={view.selected}
              onChoose={(p) => void choose(p)}
            />
          )}
          <p role="status" class="status">
            {status}
          </p>
        </section>
      )}
      <p>
        <a href="/options.html">{t('welcomeAllSettings')}</a>
      </p>
    </main>
  );
}
