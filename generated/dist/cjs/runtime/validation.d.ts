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
export declare function isObject(value: unknown): value is Record<string, unknown>;
/** The most issues one validation records. */
export declare const MAX_ISSUES = 100;
/** Reads an own property, for names that objects also inherit (`constructor`, `toString`, `__proto__` …). */
export declare function own(object: Record<string, unknown>, key: string): unknown;
/**
 * Records a mismatch. Returns true when the caller should stop now: nobody is collecting
 * issues, so the first mismatch decides.
 */
export declare function fail(issues: ValidationIssue[] | undefined, path: string, expected: string, actual: unknown): boolean;
/** How a property name appears in a path: `.name`, or `["na-me"]`. */
export declare function member(key: string): string;
/** The `got …` of a mismatch message. */
export declare function describeValue(value: unknown, expected: string): string;
/**
 * Every issue of `value`, or undefined when it is valid. The fast path first: most values are
 * valid, and only an invalid one needs its issues collected. Never throws.
 */
export declare function issuesOf<T>(validate: Validator<T>, value: unknown): ValidationIssue[] | undefined;
/** Records a mismatch with a message of its own; returns true when the caller should stop (see {@link fail}). */
export declare function report(issues: ValidationIssue[] | undefined, path: string, message: string): boolean;
/** The path of a member of the value at `path`: `at("data", ".id")` is `data.id`, `at("", ".id")` is `id`. */
export declare function at(path: string, segment: string): string;
/** A string's length in Unicode code points, as JSON Schema counts it. */
export declare function stringLength(text: string): number;
/** The first two positions holding equal JSON values, or undefined when all items differ. */
export declare function duplicateItems(items: readonly unknown[]): [number, number] | undefined;
/** JSON equality: same type and value; arrays in order; objects with the same keys in any order. */
export declare function equalJson(a: unknown, b: unknown): boolean;
/** The deepest nesting of shared shapes one validation follows: a deeper (or cyclic) value is refused. */
export declare const MAX_DEPTH = 256;
