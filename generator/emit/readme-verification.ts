/**
 * The package README's "Verifying requests": the headers of the catalogue's own signing scheme,
 * the secret's variable and format, and every failure code with the status a handler answers it with.
 */
import type { CatalogueModel } from "../model.js";
import type { WebhookVerificationErrorCode } from "../runtime/errors.js";
import { markdownText as md } from "./docs.js";

type Status = 400 | 401 | 500;

/**
 * Each failure's status: the request's fault 400 (malformed) or 401 (not proven to come from the
 * sender); this server's configuration 500, so the sender retries and the operator notices.
 * Typed by the runtime's codes, so a new code cannot be left out.
 */
export const VERIFICATION_FAILURES: Readonly<
  Record<WebhookVerificationErrorCode, { status: Status; meaning: string }>
> = {
  invalid_options: {
    status: 500,
    meaning: "the options passed are not valid (a tolerance out of range, an unknown name)",
  },
  missing_secret: { status: 500, meaning: "no secret was passed and its environment variable is not set" },
  malformed_secret: {
    status: 500,
    meaning: "the secret is wrapped in quotes or white space, or is not in the form the scheme expects",
  },
  payload_not_raw: {
    status: 500,
    meaning: "the body was parsed before verification: pass the raw text or bytes (a JSON body parser is in the way)",
  },
  missing_header: { status: 400, meaning: "a header the scheme needs is missing" },
  malformed_header: { status: 400, meaning: "a signature header is not in the scheme's form" },
  malformed_timestamp: { status: 400, meaning: "the signed timestamp is not whole Unix seconds" },
  body_not_json: { status: 400, meaning: "the body is signed but is not JSON" },
  invalid_payload: { status: 400, meaning: "the event does not match its shape; `error.issues` says where" },
  unknown_event_type: {
    status: 400,
    meaning: "with `{ strict: true }` only: an event type this package does not know",
  },
  timestamp_too_old: {
    status: 401,
    meaning: "the signed time is older than the tolerance: a replay, or a clock that is wrong",
  },
  timestamp_too_new: { status: 401, meaning: "the signed time is further in the future than the tolerance" },
  no_matching_signature: {
    status: 401,
    meaning: "no signature matches: the body was changed, or the secret is not the sender's",
  },
};

const TIMESTAMP_CODES: readonly WebhookVerificationErrorCode[] = [
  "malformed_timestamp",
  "timestamp_too_old",
  "timestamp_too_new",
];

/** The section's lines; none for a catalogue without `signing`. */
export function verificationSection(model: CatalogueModel): string[] {
  const signing = model.signing;
  if (!signing) return [];
  const { name: scheme, header = "", prefix = "" } = signing.scheme;
  const tolerance = `${signing.toleranceSeconds} s`;
  const signed = scheme !== "hmac-sha256";
  const headers: [string, string][] =
    scheme === "standard-webhooks"
      ? [
          ["webhook-id", "the message ID, signed"],
          [
            "webhook-timestamp",
            `when it was sent, in Unix seconds, signed; more than ${tolerance} from now either way is refused`,
          ],
          [
            "webhook-signature",
            "`v1,<base64>` signatures, separated by spaces: HMAC-SHA256 of `<id>.<timestamp>.<body>`",
          ],
        ]
      : scheme === "hmac-sha256"
        ? [[header, `${prefix ? `\`${md(prefix)}\` and ` : ""}the hex HMAC-SHA256 of the body`]]
        : [
            [
              header,
              `\`t=<Unix seconds>,v1=<hex>\` (more \`v1=\` during a secret rotation): HMAC-SHA256 of \`<t>.<body>\`; a \`t\` more than ${tolerance} from now either way is refused`,
            ],
          ];
  const layout = model.layout;
  const codes = (Object.keys(VERIFICATION_FAILURES) as WebhookVerificationErrorCode[])
    .filter((code) => signed || !TIMESTAMP_CODES.includes(code))
    .sort((a, b) => VERIFICATION_FAILURES[a].status - VERIFICATION_FAILURES[b].status);
  return [
    "## Verifying requests",
    "",
    "`unwrapWebhookEvent(body, headers, secret?, options?)` checks the signature, then parses the JSON and checks it against its event's shape; `verifyWebhookSignature` checks the signature alone. Both need the **raw body** (the text or bytes as received: the signature covers the exact bytes) and the request's headers (a Fetch `Headers`, Node's `req.headers`, or `[name, value]` pairs; names in any case).",
    "",
    `The sender signs each request with the \`${scheme}\` scheme, in ${headers.length === 1 ? "this header" : "these headers"}:`,
    "",
    "| header | holds |",
    "| --- | --- |",
    ...headers.map(([name, holds]) => `| \`${md(name)}\` | ${holds} |`),
    "",
    ...(scheme === "standard-webhooks"
      ? ["The `svix-id`, `svix-timestamp` and `svix-signature` names Svix delivers under are read as well.", ""]
      : []),
    ...(signed
      ? [`\`options.toleranceSeconds\` (0 to 86,400) changes the ${tolerance} allowed.`, ""]
      : [
          "Nothing signed says when the request was sent, so a captured request can be replayed: the timestamp codes never occur with this scheme.",
          "",
        ]),
    ...(layout
      ? [
          `The event's name is read from the \`${md(layout.nameHeader)}\` header${layout.actionField ? ` (then its action from the payload's \`${md(layout.actionField)}\`)` : ""}${layout.idHeader ? `, its delivery ID from \`${md(layout.idHeader)}\`` : ""}: pass every header of the request.`,
          "",
        ]
      : []),
    `**The secret** is read from the \`${md(signing.secretEnv)}\` environment variable unless passed as the third argument; pass an array (or \`options.secrets\`) to accept several during a rotation. ${
      scheme === "standard-webhooks"
        ? "A `whsec_…` secret is the base64 of the key; any other string is used as its UTF-8 bytes."
        : "It is used as its UTF-8 bytes, exactly as the sender shows it."
    } Set it without quotes or white space around it: such a secret is refused with \`malformed_secret\`.`,
    "",
    "**Failures** are each a `WebhookVerificationError` with a stable `code` (`WebhookVerificationError.is(error)` recognises one from either build of the package); no message holds the secret or a signature. Answer each with its status, as the handler above does:",
    "",
    "| code | status | meaning |",
    "| --- | --- | --- |",
    ...codes.map(
      (code) => `| \`${code}\` | ${VERIFICATION_FAILURES[code].status} | ${VERIFICATION_FAILURES[code].meaning} |`,
    ),
    "",
    "**Testing a handler:** `signWebhookPayload(fixtures[name], secret)` signs like the sender and returns `{ body, headers, request(url?) }`: a real signed `Request` to hand to the handler.",
    "",
  ];
}
