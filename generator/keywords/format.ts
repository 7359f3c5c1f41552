/**
 * `format`: an annotation (in the JSDoc and the exported schema) unless the spec sets
 * `options.check_formats`, as ajv does; then the guards check the formats `runtime/formats.ts`
 * implements, and a spec naming any other format is refused rather than left unchecked.
 */
import { FORMATS } from "../runtime/formats.js";
import { hasType } from "../shape.js";
import { binary, call, chain, index, nonNull, not, str, typeOf } from "../print/expressions.js";
import type { Keyword } from "./keyword.js";

export const format: Keyword = {
  names: ["format"],
  // Not limited to strings: OpenAPI documents put formats (int64, unix-time) on numbers too.
  read(spec, shape) {
    if (spec.format !== undefined) shape.format = spec.format;
  },
  check(spec, context) {
    if (spec.format !== undefined && context.checkFormats && !(spec.format in FORMATS))
      context.report(
        ["format"],
        `"${spec.format}" cannot be checked (options.check_formats is on); checked formats: ${Object.keys(FORMATS).join(", ")}`,
      );
  },
  accepts(shape, value, path, out, context) {
    if (!context.checkFormats || shape.format === undefined || !hasType(value, "string")) return;
    if (!FORMATS[shape.format]!(value as string)) out.push({ path, message: `expected a ${shape.format} string` });
  },
  guard(shape, v, path, g) {
    if (!g.checkFormats || shape.format === undefined) return [];
    const check = call(nonNull(index(g.helper("FORMATS"), str(shape.format))), [v]);
    return [
      g.report(
        chain("&&", [binary(typeOf(v), "===", str("string")), not(check)]),
        path,
        str(`expected a ${shape.format} string`),
      ),
    ];
  },
  schema(shape, out) {
    if (shape.format !== undefined) out.format = shape.format;
  },
  doc(shape) {
    return shape.format === undefined ? [] : [`@format ${shape.format}`];
  },
};
