import type { CatalogueModel, EventModel } from "../model.js";
import { defFileName, defValidatorName } from "../names.js";
import { GuardModule, RUNTIME_HELPERS } from "./guard-code.js";
import { importFrom, renderModule, type GeneratedFile, type Statement } from "./module.js";

/**
 * `guards/<name>.ts`: the event's validator and guard, compiled from its shape into straight-line
 * checks. The validator is the one description of the shape at run time: the guard calls it
 * without an issue list, `parseWebhookEvent` with one, so they cannot disagree.
 */
export function emitGuards(model: CatalogueModel): GeneratedFile[] {
  return model.events.map((event) => ({
    path: `guards/${event.fileName}.ts`,
    contents: renderModule(model.source, eventGuardModule(model, event)),
  }));
}

function eventGuardModule(model: CatalogueModel, event: EventModel): Statement[] {
  const names = [event.typeName, event.validatorName, event.guardName, event.standardSchemaName];
  const module = new GuardModule(
    model.defs,
    model.checkFormats,
    [
      ...names,
      ...model.defNames.map(defValidatorName),
      "standardSchema",
      "StandardSchemaV1",
      "ValidationIssue",
      "FORMATS",
    ],
    defValidatorName,
  );
  const body = module.body(event.shape, undefined, "0");
  return [
    importFrom(`../events/${event.fileName}.js`, [event.typeName], true),
    ...defImports(module, "../defs/"),
    importFrom("../runtime/standard-schema.js", ["standardSchema", "type StandardSchemaV1"]),
    ...runtimeImports(module, "../runtime/"),
    ...module.statements,
    [
      `/**`,
      ` * Checks that \`value\` is a {@link ${event.typeName}}. Without \`issues\` it stops at the first`,
      ` * mismatch; with \`issues\` it records every mismatch there. Properties the shape does not name are allowed.`,
      ` */`,
      `export function ${event.validatorName}(value: unknown, issues?: ValidationIssue[]): value is ${event.typeName} {`,
      `const start = issues?.length ?? 0;`,
      ...body,
      `return issues === undefined || issues.length === start;`,
      `}`,
    ].join("\n"),
    guardFunction(event.guardName, event.validatorName, event.typeName),
    `/** {@link ${event.validatorName}} as a Standard Schema v1, for libraries that accept one. */\nexport const ${event.standardSchemaName}: StandardSchemaV1<unknown, ${event.typeName}> = /* @__PURE__ */ standardSchema(${event.validatorName});`,
  ];
}

/** The guard around a validator: true or false, never an exception. */
export function guardFunction(guardName: string, validatorName: string, typeName: string): string {
  return [
    `/** True when \`value\` is a {@link ${typeName}}: the whole shape is checked, not only \`type\`. Never throws. */`,
    `export function ${guardName}(value: unknown): value is ${typeName} {`,
    `try {`,
    `return ${validatorName}(value);`,
    `} catch {`,
    `return false; // a getter or Proxy that throws is not a webhook payload`,
    `}`,
    `}`,
  ].join("\n");
}

/** Imports of the shared shapes' validators a module calls. */
export function defImports(module: GuardModule, folder: string, except?: string): Statement[] {
  return [...module.references]
    .filter((name) => name !== except)
    .sort()
    .map((name) => importFrom(`${folder}${defFileName(name)}.js`, [defValidatorName(name)]));
}

/** Imports of the runtime helpers a module's checks use. */
export function runtimeImports(module: GuardModule, folder: string): Statement[] {
  const helpers = RUNTIME_HELPERS.filter((name) => module.helpers.has(name));
  return [
    importFrom(`${folder}validation.js`, [...helpers, "type ValidationIssue"]),
    ...(module.helpers.has("FORMATS") ? [importFrom(`${folder}formats.js`, ["FORMATS"])] : []),
  ];
}
