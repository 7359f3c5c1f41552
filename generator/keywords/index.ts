/**
 * Every keyword the shape language supports, in the order their parts appear in the exported
 * schema and the checks run. A keyword not owned by one of these modules is refused.
 */
import { allOf } from "./all-of.js";
import { annotations } from "./annotations.js";
import { array } from "./array.js";
import { format } from "./format.js";
import { never } from "./never.js";
import type { Keyword } from "./keyword.js";
import { number } from "./number.js";
import { object } from "./object.js";
import { ref } from "./ref.js";
import { string } from "./string.js";
import { type } from "./type.js";
import { union } from "./union.js";
import { values } from "./values.js";

export const KEYWORDS: readonly Keyword[] = [
  annotations,
  never,
  type,
  values,
  ref,
  string,
  format,
  number,
  object,
  array,
  union,
  allOf,
];

/** Every keyword a shape may use. */
export const SUPPORTED_KEYWORDS: readonly string[] = KEYWORDS.flatMap((k) => k.names);
