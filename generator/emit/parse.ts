import type { CatalogueModel } from "../model.js";
import { defValidatorName, ownFieldsValidatorName } from "../names.js";
import { importFrom, type Declaration } from "../print/declarations.js";
import { as, binary, call, chain, id, member, not, object, str, typeOf, type Expr } from "../print/expressions.js";
import { comment, constant, exprStmt, ifStmt, ret, tryCatch, type Stmt } from "../print/statements.js";
import { t, union } from "../print/types.js";
import { envelopeOnce } from "./envelope-guard.js";
import { GuardModule, RUNTIME_HELPERS } from "./guard-code.js";
import { defImports, validatorDeclaration } from "./guards.js";
import { moduleOf, type Emitted } from "./module.js";
import { emitHeaderParse } from "./parse-header.js";
import { isWebhookEvent, parseHead, webhookEventSchema } from "./parse-parts.js";

/** What parse.ts declares: the envelope's checks may not take these names. */
const RESERVED = [
  "VALIDATORS",
  "ParseResult",
  "validateWebhookEvent",
  "isWebhookEvent",
  "parseWebhookEvent",
  "unknownTypeOf",
  "WebhookEventSchema",
  "WebhookEvent",
  "standardSchema",
  "StandardSchemaV1",
  "ValidationIssue",
  "FORMATS",
  "validate",
  "type",
  "unknownName",
];

const FALSE = id("false");

/** `parse.ts`: the catalogue-wide validator, guard, parser and Standard Schema, dispatching on `type` through one lookup. */
export function emitParse(model: CatalogueModel): Emitted[] {
  if (model.layout) return emitHeaderParse(model);
  const plan = envelopeOnce(model);
  const module = new GuardModule(
    model.defs,
    model.checkFormats,
    [
      ...RESERVED,
      ...model.events.map((e) => ownFieldsValidatorName(e.name)),
      ...model.events.map((e) => e.validatorName),
      ...model.defNames.map(defValidatorName),
    ],
    defValidatorName,
  );
  const envelopeChecks = plan ? module.fieldChecks(plan.envelope) : undefined;
  const issues = "issues";
  const validation: Stmt[] = [
    ifStmt(not(call("isObject", ["value"])), [
      exprStmt(call("fail", [issues, str(""), str("object"), "value"])),
      ret(FALSE),
    ]),
    constant("type", member("value", "type")),
    ifStmt(binary(typeOf("type"), "!==", str("string")), [
      exprStmt(call("fail", [issues, str("type"), str("string"), "type"])),
      ret(FALSE),
    ]),
    constant("validate", call(member("VALIDATORS", "get"), ["type"])),
    ifStmt(binary("validate", "===", "undefined"), [
      exprStmt(call("report", [issues, str("type"), call("unknownName", [str("event type"), "type"])])),
      ret(FALSE),
    ]),
    ...(envelopeChecks
      ? [
          comment("Every event's envelope is checked alike: once here; `type` found the event's own checks."),
          constant("start", binary({ k: "member", object: id(issues), name: "length", optional: true }, "??", "0")),
          ...envelopeChecks,
          ret(
            chain("&&", [
              call("validate", ["value", issues]),
              chain("||", [binary(issues, "===", "undefined"), binary(member(issues, "length"), "===", "start")]),
            ]),
          ),
        ]
      : [ret(call("validate", ["value", issues]))]),
  ];
  const declarations: Declaration[] = [
    ...parseHead(
      model,
      defImports(module, "./defs/"),
      "Set when `type` is a string this package does not know: an event newer than the package, safe to ignore.",
      plan && { helpers: [...module.helpers].filter((h) => RUNTIME_HELPERS.includes(h)), owner: plan.owner },
    ),
    ...(module.helpers.has("FORMATS") ? [importFrom("./runtime/formats.js", ["FORMATS"])] : []),
    ...module.statements,
    validatorDeclaration(
      "validateWebhookEvent",
      "WebhookEvent",
      [
        "Checks that `value` is one of the catalogue's events, against the shape its `type` names.",
        "Without `issues` it stops at the first mismatch; with `issues` it records every mismatch there.",
      ],
      validation,
    ),
    isWebhookEvent(),
    {
      k: "function",
      name: "parseWebhookEvent",
      exported: true,
      doc: [
        "Checks `value` (a parsed JSON body) against the shape of the event its `type` names.",
        "Returns the typed event, or every mismatch with its path; never throws.",
        "An event whose `type` this package does not know comes back with `unknownType` set.",
      ],
      params: [{ name: "value", type: t("unknown") }],
      returns: t("ParseResult"),
      body: parseBody("value", call("unknownTypeOf", ["value"])),
    },
    {
      k: "function",
      name: "unknownTypeOf",
      exported: false,
      doc: "The `type` of an event this package does not know, read without throwing.",
      params: [{ name: "value", type: t("unknown") }],
      returns: union([t("string"), t("undefined")]),
      body: [
        tryCatch(
          [
            ifStmt(not(call("isObject", ["value"])), ret(id("undefined"))),
            constant("type", member("value", "type")),
            ifStmt(
              chain("&&", [
                binary(typeOf("type"), "===", str("string")),
                not(call(member("VALIDATORS", "has"), ["type"])),
              ]),
              ret(id("type")),
            ),
          ],
          [comment("a getter or Proxy that throws: no name to report")],
        ),
        ret(id("undefined")),
      ],
    },
    webhookEventSchema(),
  ];
  return [moduleOf("parse", model.source, declarations)];
}

/**
 * `parseWebhookEvent`'s body: the event (in `event`) checked; on a mismatch, every issue, and the
 * name (from `unknown`, an expression) when the package does not know it.
 */
export function parseBody(event: string, unknown: Expr): Stmt[] {
  const errors = { key: "errors", value: id("errors"), shorthand: true };
  const notOk = { key: "ok", value: FALSE };
  return [
    constant("errors", call("issuesOf", ["validateWebhookEvent", event])),
    ifStmt(
      binary("errors", "===", "undefined"),
      ret(
        object([
          { key: "ok", value: id("true") },
          { key: "event", value: as(event, t("WebhookEvent")) },
        ]),
      ),
    ),
    constant("unknownType", unknown),
    ifStmt(binary("unknownType", "===", "undefined"), ret(object([notOk, errors]))),
    ret(object([notOk, errors, { key: "unknownType", value: id("unknownType"), shorthand: true }])),
  ];
}
