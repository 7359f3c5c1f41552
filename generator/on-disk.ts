/** What the reuse and write stages ask of a file or folder that is already there. */
import { lstatSync, realpathSync } from "node:fs";

/** A regular file's identity: a file renamed over it, or written to, has another. Undefined for anything else. */
export function fileStamp(path: string): string | undefined {
  try {
    const stat = lstatSync(path);
    return stat.isFile() ? `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}` : undefined;
  } catch {
    return undefined;
  }
}

/** A folder's real path (links resolved), or undefined when it does not exist. */
export function realFolder(dir: string): string | undefined {
  try {
    return realpathSync(dir);
  } catch {
    return undefined;
  }
}
