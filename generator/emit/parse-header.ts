import type { CatalogueModel } from "../model.js";
import { importFrom, type Declaration } from "../print/declarations.js";
import { binary, call, chain, id, index, member, not, object, str, template, typeOf } from "../print/expressions.js";
import { constant, exprStmt, ifStmt, ret, type Stmt } from "../print/statements.js";
import { objectType, ref, t, union } from "../print/types.js";
import { docText } from "../print/literals.js";
import { validatorDeclaration } from "./guards.js";
import { moduleOf, type Emitted } from "./module.js";
import { parseBody } from "./parse.js";
import { isWebhookEvent, parseHead, webhookEventSchema } from "./parse-parts.js";

/**
 * `parse.ts` for a catalogue whose events are named by a header: events are `{ id?, name, payload }`;
 * `parseWebhookEvent(payload, { headers })` builds the event from the request's headers and checks
 * it against the shape its name (and the payload's action) names, through one lookup.
 */
export function emitHeaderParse(model: CatalogueModel): Emitted[] {
  const layout = model.layout!;
  const action = layout.actionField;
  // Spec text in comments: escaped so it cannot end them.
  const [nameHeader, idHeader, actionDoc] = [layout.nameHeader, layout.idHeader, action].map((x) => x && docText(x));
  const FALSE = id("false");
  const fullName: Stmt[] = [
    constant("name", member("value", "name")),
    ifStmt(binary(typeOf("name"), "!==", str("string")), ret(id("undefined"))),
    ...(action
      ? [
          constant("payload", member("value", "payload")),
          ifStmt(call("isObject", ["payload"]), [
            constant("action", index("payload", str(action))),
            ifStmt(
              chain("&&", [
                binary(typeOf("action"), "===", str("string")),
                not(call(member("VALIDATORS", "has"), ["name"])),
              ]),
              ret(template(["", ".", ""], ["name", "action"])),
            ),
          ]),
        ]
      : []),
    ret(id("name")),
  ];
  const validation: Stmt[] = [
    ifStmt(not(call("isObject", ["value"])), [
      exprStmt(call("fail", ["issues", str(""), str("object"), "value"])),
      ret(FALSE),
    ]),
    constant("name", call("fullName", ["value"])),
    ifStmt(binary("name", "===", "undefined"), [
      exprStmt(call("fail", ["issues", str("name"), str("string"), member("value", "name")])),
      ret(FALSE),
    ]),
    constant("validate", call(member("VALIDATORS", "get"), ["name"])),
    ifStmt(binary("validate", "===", "undefined"), [
      exprStmt(call("report", ["issues", str("name"), call("unknownName", [str("event"), "name"])])),
      ret(FALSE),
    ]),
    ret(call("validate", ["value", "issues"])),
  ];
  const headerOf = (name: string) => call("headerValue", [member("options", "headers"), str(name)]);
  const event = object(
    [
      ...(layout.idHeader ? [{ key: "id", value: headerOf(layout.idHeader) }] : []),
      { key: "name", value: headerOf(layout.nameHeader) },
      { key: "payload", value: id("payload"), shorthand: true },
    ],
    true,
  );
  // The name is unknown to the package when it is a string the lookup does not have.
  const unknown = call("unknownNameOf", ["event"]);
  const declarations: Declaration[] = [
    ...parseHead(
      model,
      [importFrom("./runtime/headers.js", ["headerValue", "type WebhookHeaders"])],
      "Set when the event's name is one this package does not know: newer than the package, safe to ignore.",
    ),
    {
      k: "function",
      name: "fullName",
      exported: false,
      doc: `The event's full name: its \`name\`${actionDoc ? `, and the payload's \`${actionDoc}\` where the catalogue lists that action` : ""}.`,
      params: [{ name: "value", type: ref("Record", [t("string"), t("unknown")]) }],
      returns: union([t("string"), t("undefined")]),
      body: fullName,
    },
    {
      k: "function",
      name: "unknownNameOf",
      exported: false,
      doc: "The full name of an event this package does not know.",
      params: [{ name: "value", type: ref("Record", [t("string"), t("unknown")]) }],
      returns: union([t("string"), t("undefined")]),
      body: [
        constant("name", call("fullName", ["value"])),
        ifStmt(
          chain("&&", [binary("name", "!==", "undefined"), not(call(member("VALIDATORS", "has"), ["name"]))]),
          ret(id("name")),
        ),
        ret(id("undefined")),
      ],
    },
    validatorDeclaration(
      "validateWebhookEvent",
      "WebhookEvent",
      [
        `Checks that \`value\` is one of the catalogue's events, \`{ ${layout.idHeader ? "id, " : ""}name, payload }\`, against the shape its name names.`,
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
        "Builds the event from a request: `payload` is its parsed JSON body, `headers` its headers",
        `(\`${nameHeader}\` names the event${idHeader ? `, \`${idHeader}\` carries its ID` : ""}). Returns the typed event, or every mismatch`,
        "with its path; never throws. An event this package does not know comes back with `unknownType` set.",
      ],
      params: [
        { name: "payload", type: t("unknown") },
        { name: "options", type: objectType([{ name: "headers", optional: false, type: t("WebhookHeaders") }], false) },
      ],
      returns: t("ParseResult"),
      body: [constant("event", event), ...parseBody("event", unknown)],
    },
    webhookEventSchema(),
  ];
  return [moduleOf("parse", model.source, declarations)];
}
