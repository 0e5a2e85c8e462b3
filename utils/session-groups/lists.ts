/** The small list arithmetic of the session state: sets kept as arrays (they go to storage as JSON). */

/** At most this many top-level URLs per group or trail: history removal by name stays bounded. */
export const MAX_GROUP_URLS = 300;

/** The list with `item` added at the end, unless it is there already. */
export const add = <T>(list: T[], item: T): T[] => (list.includes(item) ? list : [...list, item]);

/** Remember a top-level URL (for history removal), up to the bound. */
export const addUrl = (list: string[] | undefined, url: string): string[] => {
  const l = list ?? [];
  return l.includes(url) || l.length >= MAX_GROUP_URLS ? l : [...l, url];
};
