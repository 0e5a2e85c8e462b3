/** The health report's pure parts: counting within bounds, the words in every language, the files, the section. */
import { afterEach, describe, expect, it } from 'vitest';
import { HealthSection } from '@/components/HealthPanel';
import { logoutOutcome } from '@/utils/health/classify';
import { sessionMarks } from '@/utils/health/marks';
import { MAX_SERVICES, readReport, recordLogout } from '@/utils/health/record';
import type { HealthReport } from '@/utils/health/types';
import { setLanguage } from '@/utils/i18n';
import { LANGUAGES } from '@/utils/languages';
import { healthCsv, healthJson } from '@/utils/ui/health-export';
import { healthRows } from '@/utils/ui/health-view';
import { all, render, text } from '../components/render';

afterEach(() => setLanguage('auto'));

const report = (services: HealthReport['services']): HealthReport => ({ services });
const vklass = (leftSignedIn: number, ended: number) =>
  report({ Vklass: { leftSignedIn, ended, loginServices: [] } });

describe('counting', () => {
  it('adds to the service of the logout, and stops adding new services at the cap', () => {
    let r: HealthReport = { services: {} };
    for (let i = 0; i < MAX_SERVICES + 5; i++)
      r = recordLogout(r, { services: [`Kommun ${i}`], loginServices: [], outcome: 'ended' });
    expect(Object.keys(r.services)).toHaveLength(MAX_SERVICES);
    r = recordLogout(r, { services: ['Kommun 0'], loginServices: ['BankID'], outcome: 'left-signed-in' });
    expect(r.services['Kommun 0']).toEqual({ leftSignedIn: 1, ended: 1, loginServices: ['BankID'] });
    expect(r.services[`Kommun ${MAX_SERVICES}`]).toBeUndefined();
  });

  it('reads a damaged stored copy as what is valid in it', () => {
    expect(readReport(null)).toEqual({ services: {} });
    expect(
      readReport({ services: { A: { leftSignedIn: 2, ended: 'x' }, B: { leftSignedIn: 1, ended: 0 } } }),
    ).toEqual({ services: { B: { leftSignedIn: 1, ended: 0, loginServices: [] } } });
  });

  it('a session mark is an HttpOnly cookie that reaches a login host; its value is never in it', () => {
    const base = {
      path: '/',
      secure: true,
      sameSite: 'no_restriction' as const,
      session: true,
      storeId: '0',
    };
    const cookies = [
      { ...base, name: 'sso', value: 'Anna-token', domain: '.idp.example', hostOnly: false, httpOnly: true },
      { ...base, name: 'lang', value: 'sv', domain: 'login.idp.example', hostOnly: true, httpOnly: false },
      { ...base, name: 'x', value: '1', domain: 'other.idp.example', hostOnly: true, httpOnly: true },
    ];
    const marks = sessionMarks(cookies, ['login.idp.example']);
    expect(marks).toHaveLength(1);
    expect(marks.join()).not.toContain('Anna');
    expect(logoutOutcome(marks, marks)).toBe('left-signed-in');
    expect(logoutOutcome(marks, [])).toBe('ended');
    expect(logoutOutcome(undefined, marks)).toBeNull();
  });
});

describe('words', () => {
  it('says each case in English, with singular and plural', () => {
    setLanguage('en');
    expect(healthRows(vklass(12, 0))[0]?.sentence).toBe(
      'Vklass: its own logout left you signed in at the login service 12 times out of 12. Safe Logout cleared it each time.',
    );
    expect(healthRows(vklass(0, 3))[0]?.sentence).toBe(
      "Vklass: its own logout ended the login service's session too: 3 times out of 3.",
    );
    expect(healthRows(vklass(1, 0))[0]?.sentence).toBe(
      'Vklass: its own logout left you signed in at the login service 1 time out of 1. Safe Logout cleared it.',
    );
    expect(healthRows(vklass(2, 1))[0]?.sentence).toBe(
      "Vklass: its own logout left you signed in at the login service 2 times out of 3. Safe Logout cleared it each time. The other time it ended the login service's session too.",
    );
    expect(healthRows(vklass(1, 4))[0]?.sentence).toBe(
      "Vklass: its own logout left you signed in at the login service 1 time out of 5. Safe Logout cleared it. The other 4 times it ended the login service's session too.",
    );
  });

  it('says it in Swedish', () => {
    setLanguage('sv');
    expect(
      healthRows(report({ 'Järfälla kommun': { leftSignedIn: 12, ended: 0, loginServices: [] } }))[0]
        ?.sentence,
    ).toBe(
      'Järfälla kommun: dess egen utloggning lämnade dig inloggad hos inloggningstjänsten 12 gånger av 12. Säker utloggning rensade det varje gång.',
    );
    expect(healthRows(vklass(0, 1))[0]?.sentence).toBe(
      'Vklass: dess egen utloggning avslutade även inloggningstjänstens session: 1 gång av 1.',
    );
  });

  it.each(LANGUAGES)('%s: every case has its words and numbers', (lang) => {
    setLanguage(lang);
    for (const [l, e] of [
      [12, 0],
      [0, 3],
      [1, 0],
      [0, 1],
      [2, 3],
      [3, 1],
    ] as const) {
      const s = healthRows(vklass(l, e))[0]?.sentence ?? '';
      expect(s.startsWith('Vklass')).toBe(true);
      expect(s).toContain(String(l + e));
      expect(s).not.toMatch(/\$/);
    }
  });

  it('lists broken services first', () => {
    setLanguage('en');
    const rows = healthRows(
      report({
        Alpha: { leftSignedIn: 0, ended: 2, loginServices: [] },
        Beta: { leftSignedIn: 1, ended: 0, loginServices: [] },
      }),
    );
    expect(rows.map((r) => r.service)).toEqual(['Beta', 'Alpha']);
  });
});

describe('files', () => {
  const r = report({
    Vklass: { leftSignedIn: 12, ended: 0, loginServices: ['BankID', 'Inloggningstjänst (CGI)'] },
    '=cmd, "x"': { leftSignedIn: 0, ended: 3, loginServices: [] },
  });
  it('CSV: a header and one row per service; a formula-like or quoted label stays text', () => {
    expect(healthCsv(r)).toBe(
      'service,left_signed_in,ended,login_services\nVklass,12,0,BankID; Inloggningstjänst (CGI)\n"\'=cmd, ""x""",0,3,\n',
    );
  });
  it('JSON: the counts and what they are', () => {
    expect(JSON.parse(healthJson(r))).toEqual({
      format: 'safe-logout-health-report',
      version: 1,
      services: r.services,
    });
  });
});

describe('the section', () => {
  const handlers = { status: '', onExport: () => undefined, onClear: () => undefined };
  it('is not shown on the options page when IT has the report off; the page says it is off', () => {
    setLanguage('en');
    const off = { enabled: false, report: { services: {} } };
    expect(render(<HealthSection state={off} level={2} {...handlers} />)).toEqual([]);
    expect(text(render(<HealthSection state={off} level={1} {...handlers} />))).toContain(
      'Your organisation has turned the logout health report off.',
    );
  });
  it('shows the sentences, a table with headers, and where it is kept', () => {
    setLanguage('en');
    const tree = render(
      <HealthSection state={{ enabled: true, report: vklass(12, 0) }} level={2} {...handlers} />,
    );
    expect(text(tree)).toContain('Kept on this computer only');
    expect(all(tree, (e) => e.tag === 'th' && e.props.scope === 'col')).toHaveLength(4);
    expect(text(all(tree, (e) => e.tag === 'li'))).toContain('12 times out of 12');
  });
});
