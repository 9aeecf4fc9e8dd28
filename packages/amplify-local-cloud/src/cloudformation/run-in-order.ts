type Work = (id: string) => Promise<boolean>;

/**
 * Runs `work` for every id once all of its dependencies succeeded; independent ids run concurrently. After a failure no
 * new work starts unless `continueOnFailure` (deletes go on with what does not depend on the failed resource).
 * Answers the ids that failed.
 */
export function runInOrder(ids: string[], needs: (id: string) => Iterable<string>, work: Work, continueOnFailure = false): Promise<string[]> {
  const all = new Set(ids);
  const pending = new Set(ids);
  const done = new Set<string>();
  const failed: string[] = [];
  let running = 0;
  let stopped = false;
  return new Promise((resolve) => {
    const launch = (): void => {
      if (!stopped) {
        for (const id of [...pending]) {
          if ([...needs(id)].every((need) => done.has(need) || !all.has(need))) {
            pending.delete(id);
            running += 1;
            const settle = (ok: boolean): void => {
              running -= 1;
              if (ok) done.add(id);
              else {
                failed.push(id);
                stopped = !continueOnFailure;
              }
              launch();
            };
            work(id).then(settle, () => settle(false));
          }
        }
      }
      if (running === 0) resolve(failed);
    };
    launch();
  });
}
