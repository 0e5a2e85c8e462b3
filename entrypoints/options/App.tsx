import { useEffect, useMemo, useState } from 'preact/hooks';
import { CoverageSearch } from '@/components/CoverageSearch';
import { DomainList } from '@/components/DomainList';
import { HealthPanel } from '@/components/HealthPanel';
import { NotProtected } from '@/components/NotProtected';
import { OptInPackList } from '@/components/OptInPackList';
import { PackList } from '@/components/PackList';
import { FieldSetting, LockNote, ToggleSetting } from '@/components/Setting';
import { setLanguage, t, tn } from '@/utils/i18n';
import { LANGUAGES, type LanguageSetting } from '@/utils/languages';
import { type Protocol, type SettingsPatch, sendMessage } from '@/utils/messages';
import { PACK_META } from '@/utils/rules/generated/packs';
import type { EffectiveSettings } from '@/utils/settings';
import { domainMessage } from '@/utils/ui/domain-message';
import { optInPackViews, packGroups } from '@/utils/ui/pack-groups';
import { logOutShortcut } from '@/utils/ui/shortcut';
import { coverageAnswer } from './coverage';
import { GRACE_MAX_SECONDS, strengthenOnlyView } from './strengthen-only';

/** The settings in force and what shared-computer mode leaves the person (`strengthenOnly`). */
type OptionsSettings = Protocol['getSettings']['res'];

const LANGUAGE_NAMES = {
  sv: () => t('langSv'),
  en: () => t('langEn'),
  fi: () => t('langFi'),
  nb: () => t('langNb'),
  da: () => t('langDa'),
} as const;

/** Sets the page's language and title; the next render speaks it. */
export function applyLanguage(language: LanguageSetting): void {
  setLanguage(language);
  document.documentElement.lang = t('htmlLang');
  document.title = t('optionsTitle');
}

/** What IT has set that the person cannot change here (only shown when there is something). */
function PolicySummary({ s }: { s: EffectiveSettings }) {
  const lines = [
    s.lockSettings ? t('optPolicyLocked') : null,
    s.idleTimeoutSeconds > 0 ? tn('optPolicyIdle', s.idleTimeoutSeconds) : null,
    s.disablePasswordSaving ? t('optPolicyPasswords') : null,
    s.startPage ? t('optPolicyStartPage', s.startPage) : null,
  ].filter((l): l is string => l !== null);
  const noticeKeys = [...new Set(s.policyNotices.map((n) => n.key))];
  if (!lines.length && !noticeKeys.length) return null;
  return (
    <section aria-labelledby="policy-title" class="card policy">
      <h2 id="policy-title">{t('optPolicyHeading')}</h2>
      {lines.length > 0 && (
        <ul>
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
      {noticeKeys.length > 0 && (
        <p class="help">
          {t('optPolicyNotices')}{' '}
          {noticeKeys.map((k, i) => (
            <span key={k}>
              {i > 0 && ', '}
              <code>{k}</code>
            </span>
          ))}
        </p>
      )}
    </section>
  );
}

export function App() {
  const [s, setS] = useState<OptionsSettings | null>(null);
  const [saved, setSaved] = useState('');
  const [domainMsg, setDomainMsg] = useState<{ text: string; error: boolean } | null>(null);
  const [shortcut, setShortcut] = useState<string | null>(null);

  useEffect(() => {
    void sendMessage('getSettings', {}).then(setS);
    void logOutShortcut().then(setShortcut);
  }, []);
  const answer = useMemo(() => (s ? coverageAnswer(s) : () => []), [s]);
  if (!s) return null;

  const apply = (next: OptionsSettings) => {
    if (next.language !== s.language) applyLanguage(next.language);
    setS(next);
    setSaved(t('optSaved'));
  };
  // The answer to a change has no `strengthenOnly`: the settings are read again (shared-computer mode may
  // have been switched).
  const save = async (patch: SettingsPatch) => {
    setSaved('');
    await sendMessage('saveSettings', { patch });
    apply(await sendMessage('getSettings', {}));
  };
  const locked = (k: keyof EffectiveSettings) => (s.locked as string[]).includes(k);
  const managed = t('optManaged');
  const strict = strengthenOnlyView(s, s.strengthenOnly);

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <p class="intro">{t('extDescription')}</p>
      <PolicySummary s={s} />
      {strict.reasonId && (
        <div class="card strict">
          <LockNote id={strict.reasonId} text={t('sharedModeStrengthenOnly')} />
        </div>
      )}

      <CoverageSearch
        text={{ heading: t('coverHeading'), help: t('coverHelp'), label: t('coverLabel') }}
        answer={answer}
      />

      <section aria-labelledby="general-title" class="card">
        <h2 id="general-title">{t('popupSettings')}</h2>
        <FieldSetting
          id="language"
          label={t('optLanguage')}
          help={t('optLanguageHelp')}
          locked={false}
          lockedText={managed}
        >
          {(a) => (
            <select
              id={a.id}
              aria-describedby={a.describedBy}
              value={s.language}
              onChange={(e) => void save({ language: e.currentTarget.value as LanguageSetting })}
            >
              <option value="auto">{t('optLanguageAuto')}</option>
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]()}
                </option>
              ))}
            </select>
          )}
        </FieldSetting>
        <ToggleSetting
          id="shared-computer"
          label={t('optShared')}
          help={t('optSharedHelp')}
          checked={s.sharedComputer}
          locked={locked('sharedComputer')}
          lockedText={managed}
          onChange={(v) => void save({ sharedComputer: v })}
        />
        <FieldSetting
          id="grace"
          label={t('optGrace')}
          help={t('optGraceHelp')}
          locked={locked('graceSeconds')}
          lockedText={managed}
          boundReason={strict.graceMax < GRACE_MAX_SECONDS ? strict.reasonId : null}
        >
          {(a) => (
            <>
              <input
                id={a.id}
                type="number"
                min={0}
                max={strict.graceMax}
                step={1}
                inputMode="numeric"
                value={s.graceSeconds}
                disabled={a.disabled}
                aria-describedby={a.describedBy}
                onChange={(e) => {
                  const n = e.currentTarget.valueAsNumber;
                  if (Number.isFinite(n) && n <= strict.graceMax) void save({ graceSeconds: n });
                  else e.currentTarget.value = String(s.graceSeconds);
                }}
              />{' '}
              <span class="unit">{t('optSeconds')}</span>
            </>
          )}
        </FieldSetting>
        <ToggleSetting
          id="clear-history"
          label={t('optHistory')}
          help={t('optHistoryHelp')}
          checked={s.clearHistory}
          locked={locked('clearHistory')}
          lockedText={managed}
          onOnlyReason={strict.onOnly.clearHistory ? strict.reasonId : null}
          onChange={(v) => void save({ clearHistory: v })}
        />
        <ToggleSetting
          id="clear-downloads"
          label={t('optDownloads')}
          help={t('optDownloadsHelp')}
          checked={s.clearDownloads}
          locked={locked('clearDownloads')}
          lockedText={managed}
          onOnlyReason={strict.onOnly.clearDownloads ? strict.reasonId : null}
          onChange={(v) => void save({ clearDownloads: v })}
        />
        <ToggleSetting
          id="clear-form-data"
          label={t('optFormData')}
          help={t('optFormDataHelp')}
          checked={s.clearFormData}
          locked={locked('clearFormData')}
          lockedText={managed}
          onOnlyReason={strict.onOnly.clearFormData ? strict.reasonId : null}
          onChange={(v) => void save({ clearFormData: v })}
        />
      </section>

      <section aria-labelledby="packs-title" class="card">
        <h2 id="packs-title">{t('optPacks')}</h2>
        <p class="help">{t('optPacksHelp')}</p>
        <PackList
          groups={packGroups(PACK_META, s.disabledPacks)}
          locked={locked('disabledPacks')}
          lockedText={managed}
          onOnlyReason={strict.onOnly.packs ? strict.reasonId : null}
          onToggle={(id, on) =>
            void save({
              disabledPacks: on ? s.disabledPacks.filter((p) => p !== id) : [...s.disabledPacks, id],
            })
          }
        />
      </section>

      <OptInPackList
        group={optInPackViews(PACK_META, s.optInPacks)}
        warning={t('optInWarning')}
        locked={locked('optInPacks')}
        lockedText={managed}
        onOnlyReason={strict.onOnly.optInPacks ? strict.reasonId : null}
        onToggle={(id, on) =>
          void save({ optInPacks: on ? [...s.optInPacks, id] : s.optInPacks.filter((p) => p !== id) })
        }
      />

      <div class="card">
        <DomainList
          text={{
            heading: t('optCustom'),
            help: t('optCustomHelp'),
            inputLabel: t('optCustomInput'),
            add: t('optCustomAdd'),
            remove: t('optRemove'),
            removeFor: (d) => t('optRemoveFor', d),
            none: t('optCustomNone'),
            managed,
          }}
          domains={s.customDomains}
          policyDomains={s.policyDomains}
          message={domainMsg}
          locked={locked('customDomains')}
          removable={strict.canRemoveDomains}
          onAdd={async (input) => {
            const r = await sendMessage('addCustomDomain', { input });
            setDomainMsg(domainMessage(r));
            if (r.ok) setS(await sendMessage('getSettings', {}));
            return r.ok;
          }}
          onRemove={async (d) => {
            await sendMessage('removeCustomDomain', { domain: d });
            setS(await sendMessage('getSettings', {}));
            setDomainMsg({ text: t('optCustomRemoved', d), error: false });
            document.getElementById('custom-input')?.focus();
          }}
        />
      </div>

      <HealthPanel level={2} />

      <section aria-labelledby="shortcut-title" class="card">
        <h2 id="shortcut-title">{t('optShortcut')}</h2>
        <p class="help">{shortcut ? t('optShortcutHelp', shortcut) : t('optShortcutNone')}</p>
      </section>

      <p class="saved" role="status">
        {saved}
      </p>
      <NotProtected />
    </main>
  );
}
