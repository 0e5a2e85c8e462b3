import { HealthPanel } from '@/components/HealthPanel';
import { ShieldIcon } from '@/components/ShieldIcon';
import { t } from '@/utils/i18n';

/** The logout health report on a page of its own, for IT: chrome-extension://<id>/health.html. */
export function App() {
  return (
    <main>
      <p class="brand">
        <ShieldIcon size={22} /> {t('extName')}
      </p>
      <HealthPanel level={1} />
    </main>
  );
}
