import type { CatalogueModel, DefModel } from "../model.js";
import { defValidatorName } from "../names.js";
import { depthParameter, GuardModule } from "./guard-code.js";
import { defImports, guardFunction, runtimeImports } from "./guards.js";
import { renderModule, type GeneratedFile, type Statement } from "./module.js";
import { TypeWriter, typeImports } from "./types.js";

/**
 * `defs/<Name>.ts` for each shared shape of `$defs`: its type, its validator and its guard, once,
 * imported by every event (and shared shape) that uses it. A shape that reaches itself gets a
 * validator that counts depth, so a cyclic value ends with a mismatch, not a stack overflow.
 */
export function emitDefs(model: CatalogueModel): GeneratedFile[] {
  return model.defModels.map((def) => ({
    path: `defs/${def.fileName}.ts`,
    contents: renderModule(model.source, defModule(model, def)),
  }));
}

function defModule(model: CatalogueModel, def: DefModel): Statement[] {
  const types = new TypeWriter();
  const declaration = types.declaration(def.typeName, def.shape);
  const reserved = [...model.defNames.map(defValidatorName), def.typeName, def.guardName, "ValidationIssue", "FORMATS"];
  const module = new GuardModule(model.defs, model.checkFormats, reserved, defValidatorName);
  const body = module.body(def.shape, "path", "depth");
  if (def.recursive) module.helper("MAX_DEPTH");
  if (def.recursive) module.helper("report");
  return [
    ...typeImports(types.references, "./", def.name),
    ...defImports(module, "./", def.name),
    ...runtimeImports(module, "../runtime/"),
    declaration,
    ...module.statements,
    [
      `/**`,
      ` * Checks that \`value\` is a {@link ${def.typeName}}. Without \`issues\` it stops at the first`,
      ` * mismatch; with \`issues\` it records every mismatch there, under \`path\`.`,
      ` */`,
      `export function ${def.validatorName}(value: unknown, issues?: ValidationIssue[], path = "", ${def.recursive ? "depth" : depthParameter(body)} = 0): value is ${def.typeName} {`,
      ...(def.recursive
        ? [
            `if (depth > MAX_DEPTH) return !report(issues, path, \`is nested more than \${MAX_DEPTH} levels deep\`) && false;`,
          ]
        : []),
      `const start = issues?.length ?? 0;`,
      ...body,
      `return issues === undefined || issues.length === start;`,
      `}`,
    ].join("\n"),
    guardFunction(def.guardName, def.validatorName, def.typeName),
  ];
}
