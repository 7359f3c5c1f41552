import type { CatalogueModel } from "../model.js";
import { exportFrom, importFrom, type Declaration } from "../print/declarations.js";
import { call, member, num, object, str, type Expr } from "../print/expressions.js";
import { docText, stringLiteral } from "../print/literals.js";
import { indexed, ref, t, union } from "../print/types.js";
import { valueExpr } from "../print/values.js";
import { moduleOf, type Emitted } from "./module.js";

/** What runtime/verify.ts gives a handler beside the two functions; `webhooks.ts` passes it on. */
const VERIFY_EXPORTS = [
  "isUnknownWebhookEvent",
  "WebhookVerificationError",
  "type UnknownWebhookEvent",
  "type UnwrapOptions",
  "type VerifyOptions",
  "type WebhookHeaders",
  "type WebhookPayload",
  "type WebhookVerificationErrorCode",
];

/** Everything `webhooks.ts` exports: the `/webhooks` entry point, re-exported by name from the root. */
export const WEBHOOKS_EXPORTS = ["unwrapWebhookEvent", "verifyWebhookSignature", ...VERIFY_EXPORTS];

/**
 * `webhooks.ts`: verification and unwrapping bound to the spec's signing settings and the
 * catalogue's parser, with everything a handler needs beside them (the `/webhooks` subpath).
 */
export function emitWebhooks(model: CatalogueModel): Emitted[] {
  if (!model.signing) return [];
  const { secretEnv, toleranceSeconds, scheme } = model.signing;
  const env = docText(secretEnv);
  const verifier = ref("Verifier", [t("WebhookEvent")]);
  const settings = object(
    [
      { key: "scheme", value: valueExpr(scheme) },
      { key: "secretEnv", value: str(secretEnv) },
      { key: "toleranceSeconds", value: num(toleranceSeconds) },
    ],
    true,
  );
  const bound = (name: string, doc: readonly string[]): Declaration => ({
    k: "const",
    name,
    exported: true,
    doc,
    type: indexed(verifier, t(stringLiteral(name))),
    init: member("verifier", name),
  });
  const statements: Declaration[] = [
    importFrom("./parse.js", ["parseWebhookEvent"]),
    importFrom("./runtime/verify.js", ["createVerifier"]),
    importFrom("./unions.js", ["WebhookEvent"], true),
    importFrom("./runtime/verify.js", ["UnknownWebhookEvent", "Verifier", "WebhookVerificationError"], true),
    exportFrom("./runtime/verify.js", VERIFY_EXPORTS),
    {
      k: "const",
      name: "verifier",
      exported: false,
      type: verifier,
      init: call("createVerifier", [settings, "parseWebhookEvent"], [t("WebhookEvent")]),
    },
    bound("verifyWebhookSignature", [
      "Proves that a request came from the sender (Standard Webhooks: HMAC-SHA256 of",
      "`webhook-id.webhook-timestamp.body`). Resolves when a signature matches; otherwise rejects with a",
      "{@link WebhookVerificationError} whose `code` says why.",
      "",
      "@param payload the raw body, exactly as received (a string or bytes), never a parsed object",
      "@param headers the request's headers: Fetch `Headers`, Node's `req.headers`, or pairs",
      `@param secret the secret, or several (rotation); defaults to the environment variable \`${env}\``,
      `@param options \`toleranceSeconds\` (default ${toleranceSeconds}), \`now\` for tests, more \`secrets\``,
    ]),
    bound("unwrapWebhookEvent", [
      "Verifies the request, parses its JSON and checks it against its event's shape: resolves to a typed",
      "{@link WebhookEvent}, or to an {@link UnknownWebhookEvent} for a type this package does not know",
      "(with `strict: true`, rejects instead). Every failure is a {@link WebhookVerificationError}.",
    ]),
  ];
  const signerArgs: Expr[] = [
    valueExpr(scheme),
    ...(model.layout
      ? [
          valueExpr({
            nameHeader: model.layout.nameHeader,
            ...(model.layout.idHeader && { idHeader: model.layout.idHeader }),
          }),
        ]
      : []),
  ];
  const testing: Declaration[] = [
    importFrom("./runtime/testing.js", ["createSigner", "type Signer"]),
    exportFrom("./runtime/testing.js", ["SignedWebhook", "SignOptions"], true),
    {
      k: "const",
      name: "signWebhookPayload",
      exported: true,
      doc: [
        `Signs an event (serialized as JSON) or a raw body like the sender does (${docText(scheme.name)}), so a handler`,
        "can be tested with a real signed request: `{ body, headers, request(url?) }`. For tests only.",
      ],
      type: ref("Signer", [union(headerNames(scheme, model.layout).map((n) => t(stringLiteral(n))))]),
      init: call("createSigner", signerArgs),
    },
  ];
  return [moduleOf("webhooks", model.source, statements), moduleOf("testing", model.source, testing)];
}

/** The headers the scheme's sender writes. */
function headerNames(
  scheme: NonNullable<CatalogueModel["signing"]>["scheme"],
  layout: CatalogueModel["layout"],
): string[] {
  const names =
    scheme.name === "standard-webhooks" ? ["webhook-id", "webhook-timestamp", "webhook-signature"] : [scheme.header!];
  if (layout) names.unshift(...[layout.nameHeader, layout.idHeader].filter((n): n is string => n !== undefined));
  return names;
}
