import { watch as watchFs } from "node:fs";
import { basename, dirname, resolve } from "node:path";

/**
 * Runs `run` now and again whenever `file` changes, one run at a time; resolves never. The folder
 * is watched, not the file, because editors save by writing a new file over the old one.
 */
export async function watchFile(file: string, run: () => Promise<void>, debounceMs = 100): Promise<never> {
  const name = basename(resolve(file));
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

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

  watchFs(dirname(resolve(file)), (_, changed) => {
    if (changed !== null && changed !== name) return;
    clearTimeout(timer);
    timer = setTimeout(trigger, debounceMs);
  });
  trigger();
  return new Promise<never>(() => {});
}
