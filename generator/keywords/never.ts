/**
 * The schema `false`: no value matches. Written where a schema stands (`properties.x: false` says x
 * must be absent; `items: false`, only the empty array), it is read as the shape `{ never: true }`.
 * The schema `true` needs no module: it is the empty shape, any value (`unknown`).
 */
import { str } from "../print/expressions.js";
import { t } from "../print/types.js";
import type { Keyword } from "./keyword.js";

/** What the guards, the validators and the generator's own example check say of a value there. */
export const NOT_ALLOWED = "is not allowed here (its schema is false)";

export const never: Keyword = {
  // It owns no keyword a spec writes: only the whole schema `false`.
  names: [],
  accepts(shape, value, path, out) {
    if (shape.never && value !== undefined) out.push({ path, message: NOT_ALLOWED });
  },
  guard(shape, _v, path, g) {
    // An absent value is judged by the caller: required ("is required") or optional (fine).
    return shape.never ? [g.report(undefined, path, str(NOT_ALLOWED))] : [];
  },
  tsType(shape) {
    return shape.never ? t("never") : undefined;
  },
  schema(shape, out) {
    // `{ not: {} }` is `false` written as an object, which is what every exported schema is here.
    if (shape.never) out.not = {};
  },
};
