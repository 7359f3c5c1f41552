/** A value that does not match its event's shape: where, and what was expected. */
export interface ValidationIssue {
  /** Where in the event, like `data.sip_headers[1].value`; empty for the event itself. */
  path: string;
  /** Like `expected string, got number`. */
  message: string;
}

/** Checks one shape; records mismatches in `issues` when given, else stops at the first. */
export type Validator<T> = (value: unknown, issues?: ValidationIssue[]) => value is T;

/** A plain JSON object: not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The most issues one validation records. */
export const MAX_ISSUES = 100;

const hasOwn = Object.prototype.hasOwnProperty;

/** Reads an own property, for names that objects also inherit (`constructor`, `toString`, `__proto__` …). */
export function own(object: Record<string, unknown>, key: string): unknown {
  return hasOwn.call(object, key) ? object[key] : undefined;
}

/**
 * Records a mismatch. Returns true when the caller should stop now: nobody is collecting
 * issues, so the first mismatch decides.
 */
export function fail(issues: ValidationIssue[] | undefined, path: string, expected: string, actual: unknown): boolean {
  // Past MAX_ISSUES a payload is plainly wrong; stopping keeps a huge one from costing huge memory.
  if (issues === undefined || issues.length >= MAX_ISSUES) return true;
  issues.push({
    path,
    message: actual === undefined ? "is required" : `expected ${expected}, got ${describeValue(actual, expected)}`,
  });
  return false;
}

/** How a property name appears in a path: `.name`, or `["na-me"]`. */
export function member(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** The `got …` of a mismatch message. */
export function describeValue(value: unknown, expected: string): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return "object";
  // Show the value itself where its type alone would not explain the mismatch.
  const showValue =
    expected.startsWith('"') ||
    expected.startsWith("one of") ||
    expected === "integer" ||
    (typeof value === "number" && !Number.isFinite(value));
  if (!showValue) return typeof value;
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return `${typeof value} ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`;
}

/**
 * Every issue of `value`, or undefined when it is valid. The fast path first: most values are
 * valid, and only an invalid one needs its issues collected. Never throws.
 */
export function issuesOf<T>(validate: Validator<T>, value: unknown): ValidationIssue[] | undefined {
  const issues: ValidationIssue[] = [];
  try {
    if (validate(value) || validate(value, issues)) return undefined;
  } catch (error) {
    // A getter or Proxy that throws is not a webhook payload.
    issues.push({ path: "", message: `could not be read: ${error instanceof Error ? error.message : String(error)}` });
  }
  return issues;
}

/** Records a mismatch with a message of its own; returns true when the caller should stop (see {@link fail}). */
export function report(issues: ValidationIssue[] | undefined, path: string, message: string): boolean {
  if (issues === undefined || issues.length >= MAX_ISSUES) return true;
  issues.push({ path, message });
  return false;
}

/** The message for a name the catalogue does not know, cut to 60 characters so a hostile name cannot flood a log. */
export function unknownName(what: string, name: string): string {
  return `unknown ${what} ${JSON.stringify(name.length > 60 ? `${name.slice(0, 57)}...` : name)}`;
}

/** The path of a member of the value at `path`: `at("data", ".id")` is `data.id`, `at("", ".id")` is `id`. */
export function at(path: string, segment: string): string {
  return path === "" && segment.startsWith(".") ? segment.slice(1) : path + segment;
}

/** A string's length in Unicode code points, as JSON Schema counts it. */
export function stringLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      length--;
      i++;
    }
  }
  return length;
}

/** The first two positions holding equal JSON values, or undefined when all items differ. */
export function duplicateItems(items: readonly unknown[]): [number, number] | undefined {
  for (let j = 1; j < items.length; j++) for (let i = 0; i < j; i++) if (equalJson(items[i], items[j])) return [i, j];
  return undefined;
}

/** Whether `list` holds a value equal to `value` as JSON (an `enum` of objects or arrays). */
export function includesJson(list: readonly unknown[], value: unknown): boolean {
  for (const item of list) if (equalJson(item, value)) return true;
  return false;
}

/** JSON equality: same type and value; arrays in order; objects with the same keys in any order. */
export function equalJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => equalJson(item, other[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every((key) => hasOwn.call(right, key) && equalJson(left[key], right[key]))
  );
}

/** The deepest nesting of shared shapes one validation follows: a deeper (or cyclic) value is refused. */
export const MAX_DEPTH = 256;
