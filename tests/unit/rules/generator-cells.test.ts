import { describe, expect, it } from 'vitest';
import { extractHosts } from '@/utils/rules/generator/cells.mjs';

const hosts = (cell: string) => extractHosts(cell).hosts.map((h) => h.host);
const reasons = (cell: string) =>
  Object.fromEntries(extractHosts(cell).skipped.map((s) => [s.token, s.reason]));

describe('reading hostnames out of data cells', () => {
  it('splits lists on ; , and |, and reads "domain: hosts" labels', () => {
    expect(hosts('vklass.se: www.vklass.se | auth.vklass.se')).toEqual([
      'vklass.se',
      'www.vklass.se',
      'auth.vklass.se',
    ]);
    expect(hosts('a1.example.se; a2.example.se, a3.example.se')).toEqual([
      'a1.example.se',
      'a2.example.se',
      'a3.example.se',
    ]);
  });

  it('treats parentheses as notes, even when they contain ; or URLs', () => {
    const cell =
      'tunnistus.suomi.fi (IdP metadata /static/x.xml; entityID https://tunnistautuminen.suomi.fi/idp1); suomi.fi';
    expect(hosts(cell)).toEqual(['tunnistus.suomi.fi', 'suomi.fi']);
  });

  it('skips test:, QA: and dev: segments and hosts with test labels', () => {
    const cell =
      'login.grandid.com; test: client-test.grandid.com, test.grandid.com; QA: qa.x.se; appapi2.test.bankid.com';
    expect(hosts(cell)).toEqual(['login.grandid.com']);
    expect(reasons(cell)['client-test.grandid.com']).toBe('test / QA host');
    expect(reasons(cell)['appapi2.test.bankid.com']).toBe('test / QA host');
  });

  it('turns URL schemes into nothing and URLs into their host', () => {
    expect(hosts('bankid:/// (URL scheme); frejaeid://; app.bankid.com')).toEqual(['app.bankid.com']);
    expect(reasons('bankid:///')['bankid:///']).toBe('URL scheme, not a domain');
    expect(extractHosts('open24.ist-asp.com/boras/').hosts).toEqual([
      { host: 'open24.ist-asp.com', qualified: true },
    ]);
  });

  it('reduces placeholders and wildcards to the concrete suffix, or to nothing', () => {
    expect(hosts('<kommun>.enamnd.se | <kommun>-sso.skola24.se | *.idp.funktionstjanster.se')).toEqual([
      'enamnd.se',
      'skola24.se',
      'idp.funktionstjanster.se',
    ]);
    expect(hosts('e-tjanster.<kommun-domain> | <kommun>.se | login*.<kommun-domain>')).toEqual([]);
  });

  it('refuses bare public suffixes, a whole gTLD included', () => {
    expect(hosts('*.stockholm; start.stockholm')).toEqual(['start.stockholm']);
    expect(reasons('*.stockholm')['*.stockholm']).toBe('bare public suffix (a whole TLD)');
    expect(reasons('<name>.kommune.no')['<name>.kommune.no']).toBe('bare public suffix');
  });

  it('leaves out what the data marks unverified', () => {
    expect(hosts('forsakringskassan.se; fk.se (alias, unverified)')).toEqual(['forsakringskassan.se']);
    expect(hosts('x.no; y.no (all unverified - not researched)')).toEqual([]);
  });

  it('keeps only the first host of a redirect chain', () => {
    expect(hosts('broker.unilogin.dk (SAML IdP broker) -> nemlog-in.mitid.dk -> mitid.dk')).toEqual([
      'broker.unilogin.dk',
    ]);
  });

  it('ignores words, entity ids and abbreviations', () => {
    expect(hosts("entity 'jonkoping-skolfederation-idp', e.g. Survey&Report")).toEqual([]);
  });
});
