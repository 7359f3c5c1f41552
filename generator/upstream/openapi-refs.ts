/**
 * Local references of an OpenAPI document (`#/components/schemas/…`, `…/pathItems/…`,
 * `…/requestBodies/…`, `…/parameters/…`), followed to what they point at, own properties only,
 * with the place they lead to (so what is read there is reported at its own pointer).
 */
import { unescapePointer } from "../errors.js";

type Json = Record<string, unknown>;

const REF_CHAIN_LIMIT = 32;

/** What `value` is or refers to, and its pointer (`at` when it is no reference); a dangling reference is left as it is. */
export function followAt(value: unknown, root: Json, at: string): { node: Json; pointer: string } {
  let current = value;
  let pointer = at;
  for (let i = 0; i < REF_CHAIN_LIMIT; i++) {
    const ref = (current as Json | undefined)?.$ref;
    if (typeof ref !== "string" || !ref.startsWith("#/")) break;
    const target = pointerPath(ref.slice(1)).reduce<unknown>(
      (node, key) =>
        typeof node === "object" && node !== null && Object.hasOwn(node, key) ? (node as Json)[key] : undefined,
      root,
    );
    if (target === undefined) break;
    current = target;
    pointer = ref.slice(1);
  }
  return { node: (current && typeof current === "object" ? current : {}) as Json, pointer };
}

/** What `value` is or refers to. */
export function follow(value: unknown, root: Json): Json {
  return followAt(value, root, "").node;
}

/** A JSON pointer (`/a/b~1c`) as the steps of a path. */
export function pointerPath(pointer: string): (string | number)[] {
  return pointer.split("/").slice(1).map(unescapePointer);
}
