/**
 * One event at a time. The chain only orders work inside one worker life; everything that matters is in
 * storage, so a worker that dies with work queued loses nothing but the order.
 */

let chain: Promise<unknown> = Promise.resolve();

/**
 * Run `task` after every earlier task of this worker. A task whose answer is ready before its work is done
 * (a purge is verified before its bookkeeping is stored) hands it to `answer`: the caller has it at once,
 * while the next task still waits for the whole of this one.
 */
export function serialized<T>(task: (answer: (value: T) => void) => Promise<T>): Promise<T> {
  let early: ((value: T) => void) | undefined;
  const answered = new Promise<T>((resolve) => {
    early = resolve;
  });
  const run = () => task(early!);
  const done = chain.then(run, run);
  chain = done.catch(() => undefined);
  return Promise.race([answered, done]);
}

/** Resolves once every task queued so far has run (tests, and the wake's catch-up). */
export const drained = (): Promise<void> => serialized(async () => undefined);
