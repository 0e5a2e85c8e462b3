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
    'Log-out',
    'Logg av',
    'Log af',
    'Ja, logga ut',
    'Avsluta och logga ut',
    'Logga ut ›',
    'Sign out?',
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
    'Glömt att logga ut? Så gör du',
    'Hur loggar jag ut?',
    'Logotyp',
    'Ja',
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
    'https://minasidor.example.se/users/sign_out',
    'https://adfs.kommun.example.se/adfs/ls/?wa=wsignout1.0&wreply=https%3A%2F%2Fe.example.se',
    'https://e.example.se/?wa=wsignoutcleanup1.0',
    'https://idp.example.net/idp/profile/Logout',
    'https://sp.example.se/Shibboleth.sso/Logout?return=x',
    'https://login.example.net/auth/realms/kommun/protocol/openid-connect/logout',
    'https://e.example.no/logg-av',
    'https://e.example.dk/log_af',
  ])('recognises %s', (url) => expect(isLogoutUrl(url)).toBe(true));

  it.each([
    'https://e-tjanster.jarfalla.se/',
    'https://login.eidbrygga.net/sso?RelayState=https%3A%2F%2Fe-tjanster.jarfalla.se%2Flogout',
    'https://e-tjanster.jarfalla.se/login',
    'https://e-tjanster.jarfalla.se/slots/booking',
    'https://e-tjanster.jarfalla.se/blog/logout-tips-for-kids-is-long',
    'chrome://settings/logout',
    'https://adfs.kommun.example.se/adfs/ls/?wa=wsignin1.0&wreply=https%3A%2F%2Fe.example.se%2Flogout',
    'not a url',
  ])('ignores %s', (url) => expect(isLogoutUrl(url)).toBe(false));
});
