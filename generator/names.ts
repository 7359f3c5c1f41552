/**
 * How event names become TypeScript identifiers. Validation and the model both use these,
 * so a name that validates is a name that generates.
 */

/** `fine_tuning.job.succeeded` → `FineTuningJobSucceeded`. */
export function pascalCase(name: string): string {
  return name
    .split(/[._-]/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join("");
}

/** The resource an event belongs to: its name without the last segment (`fine_tuning.job`). */
export function resourceOf(eventName: string): string {
  return eventName.slice(0, eventName.lastIndexOf("."));
}

/** Named as the official SDKs name them: `ResponseCompletedWebhookEvent`. */
export const eventTypeName = (eventName: string) => `${pascalCase(eventName)}WebhookEvent`;
export const dataTypeName = (eventName: string, headerNamed = false) =>
  `${eventTypeName(eventName)}${headerNamed ? "Payload" : "Data"}`;
export const guardName = (eventName: string) => `is${eventTypeName(eventName)}`;
export const validatorName = (eventName: string) => `validate${eventTypeName(eventName)}`;
/** The check of an event's fields besides the envelope's (`type`, `data`). */
export const ownFieldsValidatorName = (eventName: string) => `validate${eventTypeName(eventName)}OwnFields`;
export const standardSchemaName = (eventName: string) => `${eventTypeName(eventName)}Schema`;
export const resourceTypeName = (resource: string) => `${pascalCase(resource)}WebhookEvent`;

/** A shared shape (`$defs` key `simple-user`) as the package names it: `SimpleUser`, `validateSimpleUser`, `isSimpleUser`. */
export const defTypeName = (def: string) => pascalCase(def);
export const defValidatorName = (def: string) => `validate${defTypeName(def)}`;
export const defGuardName = (def: string) => `is${defTypeName(def)}`;
export const defFileName = (def: string) => defTypeName(def);
export const identifiersOfDef = (def: string) => [defTypeName(def), defValidatorName(def), defGuardName(def)];

/** Globals a declared name must not hide: the generated code and its users need them. */
export const GLOBAL_NAMES = new Set(
  (
    "Array ArrayBuffer BigInt Boolean DataView Date Error EvalError Function Infinity Intl JSON Map Math NaN Number " +
    "Object Promise Proxy RangeError ReferenceError Reflect RegExp Set String Symbol SyntaxError TextDecoder TextEncoder " +
    "TypeError URIError URL WeakMap WeakSet globalThis undefined Record Partial Readonly Required Pick Omit Exclude " +
    "Extract NonNullable ReturnType Parameters Awaited Uppercase Lowercase Capitalize Uncapitalize"
  ).split(" "),
);

/** Names the generated package declares whatever the catalogue; event-derived names must not take them. */
export const FIXED_EXPORTS = [
  "WebhookEvent",
  "WebhookEventType",
  "WebhookEventName",
  "WebhookEventMap",
  "WEBHOOK_EVENT_TYPES",
  "isWebhookEvent",
  "validateWebhookEvent",
  "WebhookEventSchema",
  "StandardSchemaV1",
  "parseWebhookEvent",
  "ParseResult",
  "ValidationIssue",
  "Validator",
  "fixtures",
  "verifyWebhookSignature",
  "unwrapWebhookEvent",
  "isUnknownWebhookEvent",
  "WebhookVerificationError",
  "signWebhookPayload",
] as const;

/** Every identifier one event contributes to the package. */
export function identifiersOf(eventName: string, headerNamed = false): string[] {
  return [
    eventTypeName(eventName),
    dataTypeName(eventName, headerNamed),
    guardName(eventName),
    validatorName(eventName),
    ownFieldsValidatorName(eventName),
    standardSchemaName(eventName),
  ];
}

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "implements interface let package private protected public static yield await async of arguments eval undefined NaN Infinity"
  ).split(" "),
);

/** Hands out local variable names that are valid, not reserved, and unique within one generated function. */
export class LocalNames {
  private readonly taken = new Set<string>();

  constructor(reserved: readonly string[] = []) {
    for (const name of reserved) this.taken.add(name);
  }

  take(hint: string): string {
    let base = hint.replace(/[^A-Za-z0-9_$]/g, "_").replace(/^(?=\d)|^$/, "_");
    if (RESERVED.has(base)) base = `${base}_`;
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}${n}`;
    this.taken.add(name);
    return name;
  }
}

/** Bidirectional and zero-width controls: they reorder or hide text for a reader ("Trojan Source"). */
export const INVISIBLE = "\u200b-\u200d\u202a-\u202e\u2066-\u2069\ufeff";
/** Matches a bidirectional or zero-width control character. */
export const INVISIBLE_CHARACTER = new RegExp(`[${INVISIBLE}]`);

/** Text with each bidirectional or zero-width control written as its escape (`\u202e`), so a reader sees it. */
export function showInvisible(text: string): string {
  if (!INVISIBLE_CHARACTER.test(text)) return text;
  return text.replace(INVISIBLE_GLOBAL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
const INVISIBLE_GLOBAL = new RegExp(`[${INVISIBLE}]`, "g");
