import type { CatalogueModel, DefModel } from "../model.js";
import { defValidatorName } from "../names.js";
import type { Declaration } from "../print/declarations.js";
import { binary, call, chain, id, not, num, str, template } from "../print/expressions.js";
import { ifStmt, ret } from "../print/statements.js";
import { arrayOf, predicate, t } from "../print/types.js";
import { GuardModule, outcome, startCount } from "./guard-code.js";
import { defImports, guardFunction, runtimeImports } from "./guards.js";
import { moduleOf, type Emitted } from "./module.js";
import { TypeWriter, typeImports } from "./types.js";

/**
 * `defs/<Name>.ts` for each shared shape of `$defs`: its type, its validator and its guard, once,
 * imported by every event (and shared shape) that uses it. A shape that reaches itself gets a
 * validator that counts depth, so a cyclic value ends with a mismatch, not a stack overflow.
 */
export function emitDefs(model: CatalogueModel): Emitted[] {
  return model.defModels.map((def) => moduleOf(`defs/${def.fileName}`, model.source, defModule(model, def)));
}

function defModule(model: CatalogueModel, def: DefModel): Declaration[] {
  const types = new TypeWriter();
  const declaration = types.declaration(def.typeName, def.shape);
  const reserved = [...model.defNames.map(defValidatorName), def.typeName, def.guardName, "ValidationIssue", "FORMATS"];
  const module = new GuardModule(model.defs, model.checkFormats, reserved, defValidatorName);
  const { statements, usesDepth } = module.body(def.shape, "path", id("depth"));
  if (def.recursive) module.helper("MAX_DEPTH");
  if (def.recursive) module.helper("report");
  // `!report(…) && false`: records the issue, then answers false either way.
  const tooDeep = ifStmt(
    binary("depth", ">", "MAX_DEPTH"),
    ret(
      chain("&&", [
        not(call("report", ["issues", "path", template(["is nested more than ", " levels deep"], ["MAX_DEPTH"])])),
        id("false"),
      ]),
    ),
  );
  const validator: Declaration = {
    k: "function",
    name: def.validatorName,
    exported: true,
    doc: [
      `Checks that \`value\` is a {@link ${def.typeName}}. Without \`issues\` it stops at the first`,
      "mismatch; with `issues` it records every mismatch there, under `path`.",
    ],
    params: [
      { name: "value", type: t("unknown") },
      { name: "issues", type: arrayOf(t("ValidationIssue")), optional: true },
      { name: "path", type: t("string"), default: str("") },
      { name: def.recursive || usesDepth ? "depth" : "_depth", type: t("number"), default: num(0) },
    ],
    returns: predicate("value", t(def.typeName)),
    body: [...(def.recursive ? [tooDeep] : []), startCount(), ...statements, outcome()],
  };
  return [
    ...typeImports(types.references, "./", def.name),
    ...defImports(module, "./", def.name),
    ...runtimeImports(module, "../runtime/"),
    declaration,
    ...module.statements,
    validator,
    guardFunction(def.guardName, def.validatorName, def.typeName),
  ];
}
