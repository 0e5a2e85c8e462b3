import type { NextPersonReach } from './next-person';

/** Turns what the next person reached into a plain-English table (pure; used by the walkthrough). */

export interface Column {
  heading: string;
  reach: NextPersonReach | null;
  /** Shown in every cell when `reach` is null (e.g. "not built"). */
  missing?: string;
}

interface Row {
  label: string;
  cell: (r: NextPersonReach, name: string) => string;
}

const yes = (b: boolean, detail = '') => (b ? `YES${detail ? ` (${detail})` : ''}` : 'no');
const holds = (v: unknown, name: string) => JSON.stringify(v).includes(name);

const ROWS: Row[] = [
  {
    label: 'Logged in at Järfälla without typing',
    cell: (r, n) => yes(r.login.kommun.loggedInAs === n, r.login.kommun.via ?? ''),
  },
  {
    label: 'Logged in at Vklass without typing',
    cell: (r, n) => yes(r.login.vklass.loggedInAs === n, r.login.vklass.via ?? ''),
  },
  { label: 'IdP single sign-on still valid', cell: (r, n) => yes(r.idpSsoAs === n) },
  { label: 'Her data in localStorage', cell: (r, n) => yes(holds(r.storage.kommun.localStorage, n)) },
  { label: 'Her data in IndexedDB', cell: (r, n) => yes(holds(r.storage.kommun.indexedDB, n)) },
  { label: 'Her data in Cache Storage', cell: (r, n) => yes(holds(r.storage.kommun.cacheStorage, n)) },
  {
    label: 'Her receipt from the HTTP cache',
    cell: (r, n) => yes(r.httpCache.kommun.servedFromCache && r.httpCache.kommun.shownName === n),
  },
  { label: 'IdP partitioned (CHIPS) cookie', cell: (r) => yes(r.cookies.partitioned.length > 0) },
  { label: 'Cookies of the e-services and IdP', cell: (r) => String(r.cookies.group.length) },
  {
    label: 'Lokaltidningen cookie + storage kept',
    cell: (r) => (r.unrelated.cookie && r.unrelated.localStorage ? 'kept' : 'LOST'),
  },
];

/** Rows = channels, columns = (trigger × with/without extension). `name` is the first person's name. */
export function reachTable(columns: readonly Column[], name: string): string {
  const header = ['What the next person could reach', ...columns.map((c) => c.heading)];
  const body = ROWS.map((row) => [
    row.label,
    ...columns.map((c) => (c.reach ? row.cell(c.reach, name) : (c.missing ?? '–'))),
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-+-'), ...body.map(line)].join('\n');
}
