// @ts-check
/**
 * The quick check: "up to date" answered from the manifest alone, in plain JavaScript so that
 * `generate --check` need not load the generator (CI and pre-commit hooks run it constantly).
 * The manifest's `inputs` is the key: the hash of the exact inputs of the run that wrote the
 * folder. It is only a key: when it differs (a comment edited, another generator version), the full
 * check generates in memory and compares the files, and `inputs` alone differing is not a difference.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

// The same root and the same sources hashed whether this runs from generator/ or from its build in lib/generator/.
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = basename(dirname(HERE)) === "lib" ? dirname(dirname(HERE)) : dirname(HERE);
const GENERATOR = existsSync(join(ROOT, "generator")) ? join(ROOT, "generator") : HERE;
/** The runtime as `npm run build` printed it (with the prettier and TypeScript of that build). */
const RUNTIME_BUILD = join(ROOT, "lib", "runtime");
/** The packages a run uses whose versions could change the bytes written. */
const TOOLS = ["yaml"];
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
 * The hash of the exact inputs of a run: the spec's bytes, the spec's path as the files' headers
 * name it (relative to the output folder), and the generator (see generatorFingerprint).
 * @param {string} specFile @param {string} outDir
 */
export function inputsFingerprint(specFile, outDir) {
  const hash = createHash("sha256").update("spec\0").update(readFileSync(specFile));
  hash.update(`\0source\0${sourceName(specFile, outDir)}`);
  return hash.update(`\0generator\0${generatorFingerprint()}`).digest("hex");
}

/** @type {string | undefined} */
let generator;

/**
 * The hash of what turns a spec into bytes: the generator's own files, the runtime it copies, and
 * the versions of the tools it runs. Read once per process.
 */
export function generatorFingerprint() {
  if (generator !== undefined) return generator;
  const hash = createHash("sha256");
  for (const dir of [GENERATOR, RUNTIME_BUILD])
    for (const file of listFiles(dir)) hash.update(`\0${file}\0`).update(readFileSync(join(dir, file)));
  for (const tool of TOOLS) hash.update(`\0${tool}@${toolVersion(tool)}`);
  return (generator = hash.digest("hex"));
}

/**
 * A package's version as Node would find it from here: in the nearest `node_modules` up the tree
 * (an installed generator's dependencies are hoisted beside it).
 * @param {string} name
 */
function toolVersion(name) {
  for (let dir = HERE; ; dir = dirname(dir)) {
    const manifest = join(dir, "node_modules", name, "package.json");
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, "utf8")).version;
    if (dirname(dir) === dir) return "missing";
  }
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
