import { describe, expect, it } from 'vitest';
import { storeKindOf } from '@/utils/background/popup-status';
import type { GroupSummary } from '@/utils/messages';
import { sessionLine } from '@/utils/ui/session-line';

const text = {
  loginService: 'login service',
  loginServices: (n: number) => `${n} login services`,
  signedInThrough: (host: string, service: string) => `${host}, signed in through ${service}`,
  privateWindow: 'private window',
  container: 'container',
};
const group = (over: Partial<GroupSummary>): GroupSummary => ({
  id: 'g',
  labels: ['Järfälla kommun'],
  hosts: ['e-tjanster.jarfalla.se', 'login.eidbrygga.net'],
  loginHosts: ['login.eidbrygga.net'],
  tabCount: 1,
  startedAt: 0,
  ...over,
});

describe('sessionLine', () => {
  it('names the e-service, its hosts and the login service in words', () => {
    expect(sessionLine(group({}), text)).toEqual({
      name: 'Järfälla kommun',
      where: 'e-tjanster.jarfalla.se + login service',
    });
  });

  it('counts several login services and lists several sites', () => {
    const g = group({
      labels: ['Järfälla kommun', 'Vklass'],
      hosts: ['e-tjanster.jarfalla.se', 'www.vklass.se', 'login.eidbrygga.net', 'bankid.example'],
      loginHosts: ['login.eidbrygga.net', 'bankid.example'],
    });
    expect(sessionLine(g, text)).toEqual({
      name: 'Järfälla kommun + Vklass',
      where: 'e-tjanster.jarfalla.se + www.vklass.se + 2 login services',
    });
  });

  it('says nothing of login services when the group passed none', () => {
    expect(sessionLine(group({ hosts: ['a.jarfalla.se'], loginHosts: [] }), text).where).toBe(
      'a.jarfalla.se',
    );
  });

  it('names a site on no list by its host and the login service it signed in through', () => {
    const g = group({
      labels: ['mina.bostadsbolaget-exempel.se'],
      signedInThrough: { 'mina.bostadsbolaget-exempel.se': 'GrandID (Svensk e-identitet)' },
      hosts: ['mina.bostadsbolaget-exempel.se', 'login.grandid.com'],
      loginHosts: ['login.grandid.com'],
    });
    expect(sessionLine(g, text)).toEqual({
      name: 'mina.bostadsbolaget-exempel.se, signed in through GrandID (Svensk e-identitet)',
      where: 'mina.bostadsbolaget-exempel.se + login service',
    });
  });

  it('tags a session in a private window, so it is not taken for the same site in the normal window', () => {
    expect(sessionLine(group({ store: 'private' }), text)).toEqual({
      name: 'Järfälla kommun',
      where: 'e-tjanster.jarfalla.se + login service',
      store: 'private window',
    });
  });

  it('tags a session in a Firefox container as a container, without its name', () => {
    expect(sessionLine(group({ store: 'container' }), text).store).toBe('container');
  });

  it('tags nothing for the normal window', () => {
    expect(sessionLine(group({}), text)).not.toHaveProperty('store');
  });
});

describe('storeKindOf', () => {
  it('gives the kind of a group’s cookie store, never its id', () => {
    expect(storeKindOf({ storeId: undefined })).toEqual({});
    expect(storeKindOf({ storeId: '0' })).toEqual({});
    expect(storeKindOf({ storeId: '1' })).toEqual({ store: 'private' });
    expect(storeKindOf({ storeId: 'firefox-private' })).toEqual({ store: 'private' });
    expect(storeKindOf({ storeId: 'firefox-container-3' })).toEqual({ store: 'container' });
  });
});
