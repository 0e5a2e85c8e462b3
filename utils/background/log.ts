/** Background work started from a listener or a timer never fails silently: errors reach the worker's console. */
export const logged =
  (what: string) =>
  (p: Promise<unknown>): void =>
    void p.catch((e: unknown) => console.error(`Safe Logout: ${what}`, e));
