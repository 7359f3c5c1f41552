import type { CatalogueModel, EventModel } from "../model.js";
import { defFileName, defValidatorName, ownFieldsValidatorName } from "../names.js";
import { eventParts, type EventParts } from "./envelope-guard.js";
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
  const ownName = ownFieldsValidatorName(event.name);
  const names = [event.typeName, event.validatorName, event.guardName, event.standardSchemaName, ownName];
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
  const parts = eventParts(event);
  const validator = parts ? splitValidator(module, event, parts, ownName) : wholeValidator(module, event);
  return [
    importFrom(`../events/${event.fileName}.js`, [event.typeName], true),
    ...defImports(module, "../defs/"),
    importFrom("../runtime/standard-schema.js", ["standardSchema", "type StandardSchemaV1"]),
    ...runtimeImports(module, "../runtime/"),
    ...module.statements,
    ...validator,
    guardFunction(event.guardName, event.validatorName, event.typeName),
    `/** {@link ${event.validatorName}} as a Standard Schema v1, for libraries that accept one. */\nexport const ${event.standardSchemaName}: StandardSchemaV1<unknown, ${event.typeName}> = /* @__PURE__ */ standardSchema(${event.validatorName});`,
  ];
}

const validatorDoc = (event: EventModel) => [
  `/**`,
  ` * Checks that \`value\` is a {@link ${event.typeName}}. Without \`issues\` it stops at the first`,
  ` * mismatch; with \`issues\` it records every mismatch there. Properties the shape does not name are allowed.`,
  ` */`,
  `export function ${event.validatorName}(value: unknown, issues?: ValidationIssue[]): value is ${event.typeName} {`,
  `const start = issues?.length ?? 0;`,
];

function wholeValidator(module: GuardModule, event: EventModel): string[] {
  const body = module.body(event.shape, undefined, "0");
  return [[...validatorDoc(event), ...body, `return issues === undefined || issues.length === start;`, `}`].join("\n")];
}

/** The validator as the envelope's checks and a call to the event's own checks, which the catalogue's validator calls alone. */
function splitValidator(module: GuardModule, event: EventModel, parts: EventParts, ownName: string): string[] {
  const envelope = [...module.fieldChecks(parts.envelope), ...module.fieldChecks(parts.name)];
  const own = module.fieldChecks(parts.own);
  return [
    [
      ...validatorDoc(event),
      `if (!${module.helper("isObject")}(value)) {`,
      `if (${module.helper("fail")}(issues, "", "object", value)) return false;`,
      `} else {`,
      ...envelope,
      `if (!${ownName}(value, issues) && issues === undefined) return false;`,
      `}`,
      `return issues === undefined || issues.length === start;`,
      `}`,
    ].join("\n"),
    [
      `/** Checks the fields of a {@link ${event.typeName}} besides the envelope and \`type\`: the catalogue's validator checks the envelope once, finds this by \`type\`, and calls it. */`,
      `export function ${ownName}(value: Record<string, unknown>, issues?: ValidationIssue[]): boolean {`,
      `const start = issues?.length ?? 0;`,
      ...own,
      `return issues === undefined || issues.length === start;`,
      `}`,
    ].join("\n"),
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
