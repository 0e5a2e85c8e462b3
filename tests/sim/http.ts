/** The sim's tiny HTTP vocabulary: a parsed request in, a response value out (no framework). */

export interface SimRequest {
  method: string;
  /** Full URL as the browser asked for it (`https://host/path?query`). */
  url: URL;
  host: string;
  cookies: Record<string, string>;
  /** The `Origin` request header (fetches and POSTs), if any. */
  origin?: string;
  /** Parsed `application/x-www-form-urlencoded` body of a POST, else empty. */
  form: URLSearchParams;
}

export interface SimResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: string | Buffer;
}

export interface CookieOptions {
  /** Seconds; omit for a session cookie. `0` deletes it. */
  maxAge?: number;
  httpOnly?: boolean;
  sameSite?: 'Lax' | 'Strict' | 'None';
  partitioned?: boolean;
  path?: string;
}

/** A `Set-Cookie` value. Every sim cookie is `Secure` (the sim is HTTPS only). */
export function setCookie(name: string, value: string, opts: CookieOptions = {}): string {
  const parts = [`${name}=${value}`, `Path=${opts.path ?? '/'}`, 'Secure'];
  if (opts.maxAge !== undefined) parts.push(`Max-Age=${opts.maxAge}`);
  if (opts.httpOnly) parts.push('HttpOnly');
  parts.push(`SameSite=${opts.sameSite ?? 'Lax'}`);
  if (opts.partitioned) parts.push('Partitioned');
  return parts.join('; ');
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

const NO_STORE = { 'cache-control': 'no-store' };

export function html(
  body: string,
  headers: Record<string, string | string[]> = {},
  status = 200,
): SimResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...NO_STORE, ...headers }, body };
}

export function json(value: unknown, headers: Record<string, string | string[]> = {}): SimResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', ...NO_STORE, ...headers },
    body: JSON.stringify(value),
  };
}

/** 302 for GET hops (service → IdP), 303 after a POST (ACS → page, logout form → page). */
export function redirect(
  location: string,
  status = 302,
  headers: Record<string, string | string[]> = {},
): SimResponse {
  return { status, headers: { location, ...NO_STORE, ...headers }, body: '' };
}

export function notFound(): SimResponse {
  return html(
    layout({ title: 'Sidan finns inte', body: '<h1>Sidan finns inte</h1>', attrs: { page: 'not-found' } }),
    {},
    404,
  );
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that is safe inside an inline `<script>`. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export interface LayoutOptions {
  title: string;
  body: string;
  /** Rendered as `data-*` attributes on `<body>`: the hooks tests query. */
  attrs?: Record<string, string>;
  head?: string;
}

/** A plain Swedish page. `attrs` become `data-*` on the body (`loggedInAs` → `data-logged-in-as`). */
export function layout({ title, body, attrs = {}, head = '' }: LayoutOptions): string {
  const data = Object.entries(attrs)
    .map(([k, v]) => ` data-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}="${escapeHtml(v)}"`)
    .join('');
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0; color: #222; background: #f6f6f4; }
header { background: #0b4f6c; color: #fff; padding: 0.8rem 1.5rem; display: flex; justify-content: space-between; align-items: center; }
header a { color: #fff; }
header button { color: #fff; background: transparent; border: 1px solid #fff; border-radius: 3px; padding: 0.2rem 0.6rem; font: inherit; cursor: pointer; }
header form { display: inline; margin-left: 1rem; }
main { max-width: 46rem; margin: 1.5rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: 4px; }
table { border-collapse: collapse; width: 100%; }
td, th { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #ddd; }
.bankid { background: #193e4f; color: #fff; border: 0; padding: 0.7rem 1.2rem; font-size: 1rem; border-radius: 4px; }
iframe { border: 1px solid #ddd; width: 100%; height: 3.2rem; }
</style>
${head}
</head>
<body${data}>
${body}
</body>
</html>
`;
}

/** The HTTP-POST binding: a form with hidden fields that submits itself (no-script users press the button). */
export function autoPostForm(action: string, fields: Record<string, string>, label: string): string {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('\n');
  return `<form method="post" action="${escapeHtml(action)}">
${inputs}
<noscript><button type="submit">${escapeHtml(label)}</button></noscript>
</form>
<script>document.forms[0].submit();</script>`;
}
