/**
 * The signing scheme a document's declared headers show, for `import`: one of those the package
 * supports (`runtime/schemes.ts`), read from each header's name, example, pattern and description:
 * - `webhook-signature` or `svix-signature`: standard-webhooks;
 * - a `t=<time>,v1=<hex>` header (Stripe-Signature): timestamped-hmac-sha256;
 * - a signature header holding a SHA-256 hex digest after an optional `prefix=` (X-Hub-Signature-256): hmac-sha256.
 * Otherwise one line says what to add to the spec, and where (naming a signature header seen).
 */
type Json = Record<string, unknown>;

export interface DeclaredHeader {
  name: string;
  /** Where the parameter is declared in the document. */
  pointer: string;
  example?: unknown;
  pattern?: string;
  description?: string;
}

const STANDARD = new Set(["webhook-signature", "svix-signature"]);
const HEADER_NAME = /^[A-Za-z0-9-]+$/;
// What stands before the hex digest: letters, digits, `_`, `-`, ending in `=` (`sha256=`).
const HEX_VALUE = /^([A-Za-z0-9_-]*=)?([0-9a-f]+)$/i;
const HEX_PATTERN = /^\^?([A-Za-z0-9_-]*=)?\[(?:a-f0-9|0-9a-f|a-fA-F0-9|A-Fa-f0-9|0-9a-fA-F|0-9A-Fa-f)\]/;

export function signingOf(declared: readonly DeclaredHeader[], secretEnv: string): { signing?: Json; note?: string } {
  const standard = declared.find((h) => STANDARD.has(h.name.toLowerCase()));
  if (standard) return { signing: { scheme: "standard-webhooks", secret_env: secretEnv } };
  const usable = declared.filter((h) => HEADER_NAME.test(h.name));
  const said = (h: DeclaredHeader) =>
    [h.example, h.pattern, h.description].filter((s): s is string => typeof s === "string").join(" ");
  const timestamped = usable.find((h) => /\bt=[^,]*,\s*v1=/i.test(said(h)));
  if (timestamped)
    return { signing: { scheme: "timestamped-hmac-sha256", secret_env: secretEnv, header: timestamped.name } };
  for (const h of usable) {
    if (!/signature/i.test(h.name)) continue;
    const value = typeof h.example === "string" ? HEX_VALUE.exec(h.example.trim()) : null;
    const pattern = h.pattern === undefined ? null : HEX_PATTERN.exec(h.pattern);
    const prefix = value ? (value[1] ?? "") : pattern ? (pattern[1] ?? "") : undefined;
    // SHA-256, not another digest: 64 hex digits, or 256 in the header's name or the prefix.
    const sha256 = /256/.test(h.name + (prefix ?? "")) || value?.[2]?.length === 64 || /\{64\}/.test(h.pattern ?? "");
    if (prefix !== undefined && sha256)
      return { signing: { scheme: "hmac-sha256", secret_env: secretEnv, header: h.name, prefix } };
  }
  const seen = usable.find((h) => /signature/i.test(h.name));
  const schemes = "standard-webhooks | hmac-sha256 | timestamped-hmac-sha256";
  return {
    note: seen
      ? `signing: ${seen.name} (${seen.pointer}) looks like a signature header, but shows none of the supported forms (webhook-signature, a hex HMAC-SHA256, t=…,v1=…); if the sender signs with one of them, add signing: { scheme: ${schemes}, secret_env: ${secretEnv}, header: ${seen.name} } to the spec, beside envelope: (see docs/verifying.md)`
      : `signing: the document declares no signature header; if the sender signs its requests, add signing: { scheme: ${schemes}, secret_env: ${secretEnv} } to the spec, beside envelope: (see docs/verifying.md)`,
  };
}
