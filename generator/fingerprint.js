// @ts-check
/**
 * What the output depends on, as one hash, and the quick check built on it. Plain JavaScript so
 * that `generate --check` can answer "up to date" without loading the TypeScript toolchain:
 * CI and pre-commit hooks run it constantly.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

// The same root and the same sources hashed whether this runs from generator/ or from its build in lib/generator/.
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = basename(dirname(HERE)) === "lib" ? dirname(dirname(HERE)) : dirname(HERE);
const GENERATOR = existsSync(join(ROOT, "generator")) ? join(ROOT, "generator") : HERE;
/** The packages whose versions change the bytes written (the runtime's build, the YAML reader). */
const TOOLS = ["prettier", "typescript", "yaml"];
export const MANIFEST = ".webhook-event-codegen.json";

/** @param {string} dir @returns {string[]} files below `dir`, `/`-separated, sorted */
export function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      relative(dir, join(entry.parentPath ?? entry.path, entry.name))
        .split(sep)
        .join("/"),
    )
    .sort();
}

/**
 * The spec's path relative to the output folder, `/`-separated: generated files name it in their header.
 * @param {string} specFile @param {string} outDir
 */
export function sourceName(specFile, outDir) {
  return relative(resolve(outDir), resolve(specFile)).split(sep).join("/");
}

/** @param {string | Uint8Array} bytes */
export function sha256(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The hash of everything the output depends on: the spec's bytes, the spec's path as the files'
 * headers name it (relative to the output folder), the generator's own source files, and the
 * versions of the tools that shape the output.
 * @param {string} specFile @param {string} outDir
 */
export function inputsFingerprint(specFile, outDir) {
  const hash = createHash("sha256").update("spec\0").update(readFileSync(specFile));
  hash.update(`\0source\0${sourceName(specFile, outDir)}`);
  for (const file of listFiles(GENERATOR)) hash.update(`\0${file}\0`).update(readFileSync(join(GENERATOR, file)));
  for (const tool of TOOLS) {
    const manifest = join(ROOT, "node_modules", tool, "package.json");
    hash.update(`\0${tool}@${existsSync(manifest) ? JSON.parse(readFileSync(manifest, "utf8")).version : "missing"}`);
  }
  return hash.digest("hex");
}

/**
 * True when the folder holds exactly what the manifest lists, byte for byte, and the manifest was
 * written from the same inputs. False means "look closer" (the full check), never "out of date".
 * @param {string} specFile @param {string} outDir
 */
export function quickCheck(specFile, outDir) {
  try {
    const manifest = JSON.parse(readFileSync(join(outDir, MANIFEST), "utf8"));
    if (manifest.inputs !== inputsFingerprint(specFile, outDir)) return false;
    const listed = Object.keys(manifest.files ?? {});
    const present = listFiles(outDir).filter((file) => file !== MANIFEST);
    if (listed.length !== present.length || listed.some((file, i) => file !== present[i])) return false;
    return listed.every((file) => sha256(readFileSync(join(outDir, file))) === manifest.files[file]);
  } catch {
    return false;
  }
}
