/**
 * Where the generator's own files are, whether it runs from its TypeScript sources (`generator/`,
 * in the tests) or from its build (`lib/generator/`): the same root either way.
 */
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const BUILT = basename(dirname(HERE)) === "lib";

/** The generator's package folder (holding `package.json`, `spec/`, `generator/`). */
export const PACKAGE_ROOT: string = BUILT ? dirname(dirname(HERE)) : dirname(HERE);

/** The runtime every generated package shares: its TypeScript sources, copied as they are. */
export const RUNTIME_SOURCES: string = join(PACKAGE_ROOT, "generator", "runtime");

/** The runtime's JavaScript and declarations, printed once when the generator is built (`npm run build`). */
export const RUNTIME_BUILD: string = join(PACKAGE_ROOT, "lib", "runtime");
