import { describe, expect, it } from 'vitest';
import { isLogoutText, isLogoutUrl } from '@/utils/logout-detect';

describe('isLogoutText', () => {
  it.each([
    'Logga ut',
    'LOGGA UT',
    '  Logga   ut ',
    'Logga ut från Mina sidor',
    'Logg ut',
    'Log ud',
    'Kirjaudu ulos',
    'Log out',
    'Logout',
    'Sign out',
    'Log off',
  ])('recognises %j', (text) => expect(isLogoutText(text)).toBe(true));

  it.each([
    'Logga in',
    'Logga in med BankID',
    'Utloggad? Logga in igen här',
    'Ansökan om förskoleplats',
    '',
    'Login',
    'Sign in',
    'Outlook',
  ])('ignores %j', (text) => expect(isLogoutText(text)).toBe(false));
});

describe('isLogoutUrl', () => {
  it.each([
    'https://e-tjanster.jarfalla.se/logout',
    'https://e-tjanster.jarfalla.se/oversikt/logga-ut',
    'https://www.vklass.se/Account/LogOff',
    'https://idp.example.net/saml2/idp/SLO',
    'https://login.idporten.no/logout?post_logout_redirect_uri=x',
    'https://auth.example.fi/oidc/endsession',
    'https://sso.example.dk/auth/logout.aspx',
    'https://portal.example.no/index.php?action=logout',
    'https://x.example.se/signout',
    'https://x.example.se/kirjaudu-ulos',
  ])('recognises %s', (url) => expect(isLogoutUrl(url)).toBe(true));

  it.each([
    'https://e-tjanster.jarfalla.se/',
    'https://login.eidbrygga.net/sso?RelayState=https%3A%2F%2Fe-tjanster.jarfalla.se%2Flogout',
    'https://e-tjanster.jarfalla.se/login',
    'https://e-tjanster.jarfalla.se/slots/booking',
    'https://e-tjanster.jarfalla.se/blog/logout-tips-for-kids-is-long',
    'chrome://settings/logout',
    'not a url',
  ])('ignores %s', (url) => expect(isLogoutUrl(url)).toBe(false));
});
