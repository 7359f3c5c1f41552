/** Reading request headers however a framework gives them: Fetch `Headers`, Node's object, or pairs. */

/** Request headers as Fetch (`Headers`), Node (`req.headers`) or a list of pairs give them. */
export type WebhookHeaders =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>
  | Iterable<readonly [string, string]>;

/** Every value of a header, names compared without case. */
export function allValues(headers: WebhookHeaders, name: string): string[] {
  if (headers === null || typeof headers !== "object") return [];
  if (
    typeof (headers as { get?: unknown }).get === "function" &&
    !(Symbol.iterator in headers && headers instanceof Map)
  ) {
    const value = (headers as { get(name: string): string | null }).get(name);
    return value === null || value === undefined ? [] : [String(value)];
  }
  // Node gives header names in lower case: look there first, before comparing every name.
  if (!(Symbol.iterator in headers)) {
    const direct = (headers as Record<string, unknown>)[name];
    if (typeof direct === "string") return [direct];
    if (Array.isArray(direct)) return direct.filter((v): v is string => typeof v === "string");
  }
  const out: string[] = [];
  const entries =
    Symbol.iterator in headers ? (headers as Iterable<readonly [string, string]>) : Object.entries(headers);
  for (const [key, value] of entries) {
    if (typeof key !== "string" || key.toLowerCase() !== name) continue;
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === "string") out.push(v);
  }
  return out;
}

/** The first value of a header, or undefined. */
export function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  return allValues(headers, name.toLowerCase())[0];
}
