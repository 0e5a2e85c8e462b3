import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { addCustomDomain, removeCustomDomain } from '@/utils/custom-domains';
import { setLanguage } from '@/utils/i18n';
import { userSettings } from '@/utils/storage';
import { domainMessage } from '@/utils/ui/domain-message';

describe('custom domains', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores a valid domain once, normalised, with notices for what was stripped', async () => {
    const r = await addCustomDomain('https://Mina-Sidor.Example-Kommun.se:8443/login?x=1');
    expect(r).toMatchObject({ ok: true, domain: 'mina-sidor.example-kommun.se', added: true });
    expect(r.ok && r.notices.map((n) => n.code)).toEqual(
      expect.arrayContaining(['scheme-stripped', 'port-stripped', 'path-stripped']),
    );
    expect(await addCustomDomain('*.mina-sidor.example-kommun.se')).toMatchObject({ ok: true, added: false });
    expect((await userSettings.getValue()).customDomains).toEqual(['mina-sidor.example-kommun.se']);
  });

  it('turns internationalised names into punycode', async () => {
    await addCustomDomain('e-tjänster.järfälla.se');
    const [stored] = (await userSettings.getValue()).customDomains;
    expect(stored).toBe(new URL('http://e-tjänster.järfälla.se').hostname);
    expect(stored).toMatch(/^xn--.*\.xn--.*\.se$/);
  });

  it.each([
    ['se', 'public-suffix'],
    ['co.uk', 'public-suffix'],
    ['192.168.1.10', 'ip-address'],
    ['[::1]', 'ip-address'],
    ['localhost', 'single-label'],
    ['', 'empty'],
    ['not a domain!', 'invalid'],
    ['amazonaws.com', 'shared-hosting'],
    ['googleusercontent.com', 'shared-hosting'],
    ['core.windows.net', 'shared-hosting'],
  ])('refuses %j (%s) and stores nothing', async (input, error) => {
    expect(await addCustomDomain(input)).toMatchObject({ ok: false, error });
    expect((await userSettings.getValue()).customDomains).toEqual([]);
  });

  it('says why a name that covers strangers (a private-section public suffix inside it) is refused', async () => {
    setLanguage('en');
    const r = await addCustomDomain('amazonaws.com');
    expect(r).toMatchObject({ ok: false, error: 'shared-hosting', detail: 's3.amazonaws.com' });
    const { text, error } = domainMessage(r);
    expect(error).toBe(true);
    expect(text).toContain('s3.amazonaws.com');
    expect(text).not.toBe(domainMessage({ ok: false, error: 'public-suffix' }).text);
    setLanguage('auto');
  });

  it('removes a domain', async () => {
    await addCustomDomain('example-kommun.se');
    await removeCustomDomain('example-kommun.se');
    expect((await userSettings.getValue()).customDomains).toEqual([]);
  });
});
