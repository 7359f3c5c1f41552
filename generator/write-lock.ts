/**
 * One writer per output folder. The lock is a file beside the folder holding a random token: a
 * run takes it exclusively, refreshes it while it works, checks it still holds it before the
 * swap, and removes it at the end. A lock is stale when its process is gone, or when it has not
 * been refreshed for STALE_MS (a process ID reused by another process cannot keep it fresh); a
 * stale lock is taken over and the run says so. Another live run is waited for, then refused.
 */
import { randomBytes } from "node:crypto";
import { openSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, closeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

const STALE_MS = 30_000;
const WAIT_MS = 30_000;

export interface Lock {
  /** Marks the lock as still in use (call between long steps). */
  refresh(): void;
  /** True while the lock file still holds this run's token. */
  held(): boolean;
  release(): void;
}

export class LockError extends Error {
  override name = "LockError";
}

export function lockPath(out: string): string {
  return join(dirname(out), `.${basename(out)}.lock`);
}

/** Takes the lock of `out`, waiting for another live run; `notice` hears about a stale lock taken over. */
export function acquireLock(out: string, notice: (message: string) => void = () => {}): Lock {
  const path = lockPath(out);
  const token = randomBytes(16).toString("hex");
  const contents = `${JSON.stringify({ pid: process.pid, token, started: new Date().toISOString() })}\n`;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      closeSync(openSync(path, "wx"));
      writeFileSync(path, contents);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = readHolder(path);
    if (holder === undefined) continue; // released meanwhile
    if (isStale(path, holder.pid)) {
      // Replace it whole (rename is atomic), then make sure no other run replaced it too.
      const mine = `${path}.${token}`;
      writeFileSync(mine, contents);
      renameSync(mine, path);
      if (readHolder(path)?.token !== token) continue;
      notice(`took over a stale lock of ${out} (process ${holder.pid} is gone or stopped refreshing it)`);
      break;
    }
    if (Date.now() > deadline)
      throw new LockError(
        `${out} is being written by another run (process ${holder.pid}, since ${holder.started}); wait for it to finish`,
      );
    sleep(50);
  }
  return {
    refresh: () => utimesSync(path, new Date(), new Date()),
    held: () => readHolder(path)?.token === token,
    release: () => {
      if (readHolder(path)?.token === token) rmSync(path, { force: true });
    },
  };
}

function readHolder(path: string): { pid: number; token: string; started: string } | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

function isStale(path: string, pid: number): boolean {
  try {
    if (Date.now() - statSync(path).mtimeMs > STALE_MS) return true;
  } catch {
    return false;
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "EPERM";
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
