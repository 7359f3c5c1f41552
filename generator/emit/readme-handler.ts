/**
 * The handler the package's README shows, described for the printer like any generated module, so
 * it is laid out as prettier would and the tests can type-check it against the package.
 */
import type { CatalogueModel } from "../model.js";
import type { Declaration } from "../print/declarations.js";
import { importFrom } from "../print/declarations.js";
import { awaitExpr, call, id, index, member, newExpr, not, num, object, str, type Expr } from "../print/expressions.js";
import { printModule } from "../print/module.js";
import {
  breakStmt,
  comment,
  constant,
  exprStmt,
  ifStmt,
  ret,
  switchStmt,
  throwStmt,
  tryCatch,
  type Stmt,
} from "../print/statements.js";
import { ref, t } from "../print/types.js";
import { VERIFICATION_FAILURES } from "./readme-verification.js";

/** The README's handler: with signing, a Fetch handler that verifies and answers each failure with its status. */
export function readmeHandler(model: CatalogueModel): string {
  const declarations = model.signing ? verifyingHandler(model, model.signing.secretEnv) : parsingHandler(model);
  return printModule({ header: [], distHeader: [], declarations }, "ts").trimEnd();
}

function verifyingHandler(model: CatalogueModel, secretEnv: string): Declaration[] {
  const response = (body: Expr, status: Expr) =>
    newExpr("Response", [body, object([{ key: "status", value: status }])]);
  const ok = ret(response(id("null"), num(200)));
  const code = member("error", "code");
  return [
    importFrom(model.package.name, [
      "isUnknownWebhookEvent",
      "unwrapWebhookEvent",
      "WebhookVerificationError",
      "type WebhookVerificationErrorCode",
    ]),
    {
      k: "const",
      name: "STATUS",
      type: ref("Record", [t("WebhookVerificationErrorCode"), t("number")]),
      init: object(
        Object.entries(VERIFICATION_FAILURES).map(([name, failure]) => ({ key: name, value: num(failure.status) })),
        true,
      ),
      doc: [
        "The answer to each failure: 401 for a request not proven to come from the sender, 400 for a",
        "malformed one, 500 for this server's own configuration (the sender retries, and you notice).",
      ],
      exported: false,
    },
    {
      k: "function",
      name: "POST",
      async: true,
      params: [{ name: "request", type: t("Request") }],
      returns: ref("Promise", [t("Response")]),
      exported: true,
      body: [
        tryCatch(
          [
            comment("The raw body and the headers: the signature covers the exact bytes sent."),
            comment(`The secret comes from ${secretEnv} unless passed as the third argument.`),
            constant(
              "event",
              awaitExpr(
                call("unwrapWebhookEvent", [awaitExpr(call(member("request", "text"))), member("request", "headers")]),
              ),
            ),
            comment("An event newer than this package: acknowledge it."),
            ifStmt(call("isUnknownWebhookEvent", ["event"]), ok),
            dispatch(model, "event"),
            ok,
          ],
          [
            ifStmt(
              call(member("WebhookVerificationError", "is"), ["error"]),
              ret(response(code, index("STATUS", code))),
            ),
            throwStmt(id("error")),
          ],
          "error",
        ),
      ],
    },
  ];
}

function parsingHandler(model: CatalogueModel): Declaration[] {
  const headers = model.layout !== undefined;
  return [
    importFrom(model.package.name, ["parseWebhookEvent"]),
    {
      k: "function",
      name: "handle",
      params: [{ name: "body", type: t("unknown") }, ...(headers ? [{ name: "headers", type: t("Headers") }] : [])],
      returns: t("void"),
      exported: true,
      body: [
        constant(
          "result",
          call("parseWebhookEvent", ["body", ...(headers ? [object([{ key: "headers", value: id("headers") }])] : [])]),
        ),
        comment("result.errors says what is wrong; result.unknownType marks events newer than this package."),
        ifStmt(not(member("result", "ok")), ret()),
        dispatch(model, member("result", "event")),
      ],
    },
  ];
}

/** `switch` on what tells events apart, with the first event's case (or a note while there is none). */
function dispatch(model: CatalogueModel, event: Expr | string): Stmt {
  const first = model.events[0];
  // Header-named events are told apart by their name (the header's value), then their payload.
  const on = member(event, model.layout ? "name" : "type");
  const value = first && (model.layout ? first.headerValue : first.name);
  return switchStmt(on, [
    value === undefined
      ? { tests: [], body: [comment("one case per event: the catalogue has none yet")] }
      : { tests: [str(value)], body: [exprStmt(call(member("console", "log"), [event])), breakStmt] },
  ]);
}
