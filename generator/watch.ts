import { existsSync, watch as watchFs, type FSWatcher } from "node:fs";
import { basename, dirname, resolve } from "node:path";

/**
 * Runs `run` now and again whenever `file` changes, one run at a time, until a signal (SIGINT,
 * SIGTERM, SIGHUP) or the death of the parent process ends it: then resolves with 0. The folder
 * is watched, not the file, because editors save by writing a new file over the old one; when the
 * folder itself goes away, the watch waits for it to come back and resumes, saying so.
 */
export async function watchFile(
  file: string,
  run: () => Promise<void>,
  say: (message: string) => void = (m) => console.error(m),
  debounceMs = 100,
): Promise<number> {
  const folder = dirname(resolve(file));
  const name = basename(resolve(file));
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;

  const trigger = () => {
    if (running) {
      again = true;
      return;
    }
    running = run().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        trigger();
      }
    });
  };

  const start = () => {
    watcher = watchFs(folder, (_, changed) => {
      if (changed !== null && changed !== name) return;
      clearTimeout(timer);
      timer = setTimeout(trigger, debounceMs);
    });
    watcher.on("error", () => lost());
  };
  // Deleted (or moved away), the folder stops reporting: wait for it, then watch it again.
  const lost = () => {
    watcher?.close();
    watcher = undefined;
    say(`${folder} is gone; waiting for it to come back`);
  };
  const health = setInterval(() => {
    if (watcher && !existsSync(folder)) lost();
    else if (!watcher && existsSync(folder)) {
      say(`watching ${file} again`);
      start();
      trigger();
    }
    // Orphaned (the npm or shell that started us was killed): nobody can stop us with Ctrl-C.
    if (process.ppid !== parent) stop("the parent process is gone");
  }, 500);
  const parent = process.ppid;

  let finish: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => (finish = resolve));
  const stop = (why: string) => {
    clearInterval(health);
    clearTimeout(timer);
    watcher?.close();
    say(`stopped watching ${file} (${why})`);
    for (const signal of SIGNALS) process.off(signal, onSignal);
    finish(0);
  };
  const onSignal = (signal: NodeJS.Signals) => stop(signal);
  for (const signal of SIGNALS) process.on(signal, onSignal);

  start();
  say(`watching ${file} (Ctrl-C to stop)`);
  trigger();
  await done;
  await running;
  return 0;
}

const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
