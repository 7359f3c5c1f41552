import type { CatalogueContext, EventModel } from "../model.js";
import { defFileName, defValidatorName, ownFieldsValidatorName } from "../names.js";
import { importFrom, type Declaration } from "../print/declarations.js";
import { call, id, not, num, pure, str } from "../print/expressions.js";
import { ifStmt, ret, trailing, tryCatch, type Stmt } from "../print/statements.js";
import { arrayOf, predicate, ref, t } from "../print/types.js";
import { stopUnless } from "../keywords/keyword.js";
import { eventParts, type EventParts } from "./envelope-guard.js";
import { GuardModule, outcome, RUNTIME_HELPERS, startCount } from "./guard-code.js";
import { moduleOf, type Emitted } from "./module.js";

/**
 * `guards/<name>.ts`: the event's validator and guard, compiled from its shape into straight-line
 * checks. The validator is the one description of the shape at run time: the guard calls it
 * without an issue list, `parseWebhookEvent` with one, so they cannot disagree.
 */
export function eventGuards(model: CatalogueContext, event: EventModel): Emitted[] {
  return [moduleOf(`guards/${event.fileName}`, model.source, eventGuardModule(model, event))];
}

function eventGuardModule(model: CatalogueContext, event: EventModel): Declaration[] {
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
    standardSchemaConstant(event.standardSchemaName, event.validatorName, event.typeName),
  ];
}

/** `export const XSchema: StandardSchemaV1<unknown, X> = standardSchema(validateX);` */
export function standardSchemaConstant(name: string, validator: string, typeName: string): Declaration {
  return {
    k: "const",
    name,
    exported: true,
    doc: `{@link ${validator}} as a Standard Schema v1, for libraries that accept one.`,
    type: ref("StandardSchemaV1", [t("unknown"), t(typeName)]),
    init: pure(call("standardSchema", [validator])),
  };
}

const validatorDoc = (event: EventModel) => [
  `Checks that \`value\` is a {@link ${event.typeName}}. Without \`issues\` it stops at the first`,
  "mismatch; with `issues` it records every mismatch there. Properties the shape does not name are allowed.",
];

/** `export function validateX(value: unknown, issues?: ValidationIssue[]): value is X { … }` */
export function validatorDeclaration(
  name: string,
  typeName: string,
  doc: readonly string[],
  body: readonly Stmt[],
): Declaration {
  return {
    k: "function",
    name,
    exported: true,
    doc,
    params: [
      { name: "value", type: t("unknown") },
      { name: "issues", type: arrayOf(t("ValidationIssue")), optional: true },
    ],
    returns: predicate("value", t(typeName)),
    body,
  };
}

const validatorFunction = (event: EventModel, body: readonly Stmt[]): Declaration =>
  validatorDeclaration(event.validatorName, event.typeName, validatorDoc(event), body);

function wholeValidator(module: GuardModule, event: EventModel): Declaration[] {
  const { statements } = module.body(event.shape, undefined, num(0));
  return [validatorFunction(event, [startCount(), ...statements, outcome()])];
}

/** The validator as the envelope's checks and a call to the event's own checks, which the catalogue's validator calls alone. */
function splitValidator(module: GuardModule, event: EventModel, parts: EventParts, ownName: string): Declaration[] {
  const envelope = [...module.fieldChecks(parts.envelope), ...module.fieldChecks(parts.name)];
  const own = module.fieldChecks(parts.own);
  const notObject = ifStmt(call(module.helper("fail"), ["issues", str(""), str("object"), "value"]), ret(id("false")));
  return [
    validatorFunction(event, [
      startCount(),
      ifStmt(
        not(call(module.helper("isObject"), ["value"])),
        [notObject],
        [...envelope, stopUnless(call(ownName, ["value", "issues"]))],
      ),
      outcome(),
    ]),
    {
      k: "function",
      name: ownName,
      exported: true,
      doc: `Checks the fields of a {@link ${event.typeName}} besides the envelope and \`type\`: the catalogue's validator checks the envelope once, finds this by \`type\`, and calls it.`,
      params: [
        { name: "value", type: ref("Record", [t("string"), t("unknown")]) },
        { name: "issues", type: arrayOf(t("ValidationIssue")), optional: true },
      ],
      returns: t("boolean"),
      body: [startCount(), ...own, outcome()],
    },
  ];
}

/** The guard around a validator: true or false, never an exception. */
export function guardFunction(
  guardName: string,
  validatorName: string,
  typeName: string,
  doc = `True when \`value\` is a {@link ${typeName}}: the whole shape is checked, not only \`type\`. Never throws.`,
): Declaration {
  return {
    k: "function",
    name: guardName,
    exported: true,
    doc,
    params: [{ name: "value", type: t("unknown") }],
    returns: predicate("value", t(typeName)),
    body: [
      tryCatch(
        [ret(call(validatorName, ["value"]))],
        [trailing(ret(id("false")), "a getter or Proxy that throws is not a webhook payload")],
      ),
    ],
  };
}

/** Imports of the shared shapes' validators a module calls. */
export function defImports(module: GuardModule, folder: string, except?: string): Declaration[] {
  return [...module.references]
    .filter((name) => name !== except)
    .sort()
    .map((name) => importFrom(`${folder}${defFileName(name)}.js`, [defValidatorName(name)]));
}

/** Imports of the runtime helpers a module's checks use. */
export function runtimeImports(module: GuardModule, folder: string): Declaration[] {
  const helpers = RUNTIME_HELPERS.filter((name) => module.helpers.has(name));
  return [
    importFrom(`${folder}validation.js`, [...helpers, "type ValidationIssue"]),
    ...(module.helpers.has("FORMATS") ? [importFrom(`${folder}formats.js`, ["FORMATS"])] : []),
  ];
}
