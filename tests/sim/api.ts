import { randomUUID } from 'node:crypto';
import type { SimContext } from './context';
import { notFound, type SimRequest, type SimResponse, setCookie } from './http';
import type { Person } from './services';

export const API_PATHS = {
  /** `POST ?t=<token>` from "Mina sidor": the platform's session, a cookie partitioned under the e-service. */
  session: '/v1/session',
  /** The person's profile as JSON, `Cache-Control: private, max-age=600` (the mistake this API makes). */
  profile: '/v1/min-profil',
} as const;

export const API_COOKIE = 'plattform_sid';

/** The token "Mina sidor" hands to its script (a sim: the person, readable; a real one would be signed). */
export const apiToken = (p: Person) => Buffer.from(JSON.stringify(p)).toString('base64url');

/**
 * The e-service platform's API, on a domain of its own (on no list, never visited top-level): "Mina sidor"
 * fetches the person's profile from it with credentials. Its answer is cacheable, so the browser keeps it
 * under the e-service's pages, keyed by the API's own URL.
 */
export function createApi(ctx: SimContext) {
  const sessions = new Map<string, Person>();
  const cors = (req: SimRequest): Record<string, string> => {
    const origin = req.origin;
    const allowed = origin !== undefined && Object.values(ctx.hosts).some((h) => ctx.origin(h) === origin);
    return allowed
      ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' }
      : {};
  };
  const json = (
    req: SimRequest,
    body: unknown,
    headers: Record<string, string | string[]> = {},
  ): SimResponse => ({
    status: 200,
    headers: { 'content-type': 'application/json', ...cors(req), ...headers },
    body: JSON.stringify(body),
  });

  return function handleApi(req: SimRequest): SimResponse {
    const path = req.url.pathname;
    if (req.method === 'POST' && path === API_PATHS.session) {
      let person: Person | null = null;
      try {
        person = JSON.parse(
          Buffer.from(req.url.searchParams.get('t') ?? '', 'base64url').toString(),
        ) as Person;
      } catch {
        person = null;
      }
      if (!person?.name) return json(req, { ok: false }, { 'cache-control': 'no-store' });
      const sid = randomUUID();
      sessions.set(sid, person);
      return json(
        req,
        { ok: true },
        {
          'cache-control': 'no-store',
          'set-cookie': setCookie(API_COOKIE, sid, { httpOnly: true, sameSite: 'None', partitioned: true }),
        },
      );
    }
    if (req.method === 'GET' && path === API_PATHS.profile) {
      const person = sessions.get(req.cookies[API_COOKIE] ?? '');
      return person
        ? json(
            req,
            { namn: person.name, personnummer: person.personnummer },
            { 'cache-control': 'private, max-age=600' },
          )
        : json(req, { namn: null }, { 'cache-control': 'no-store' });
    }
    return notFound();
  };
}
