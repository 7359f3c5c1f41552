/**
 * The package's validators as Standard Schema v1 objects (standardschema.dev), so they plug into
 * libraries that accept one. The interface is declared here, as the spec intends, so the package
 * needs no dependency.
 */
import { type Validator } from "./validation.js";
/** The Standard Schema v1 interface. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
    readonly "~standard": {
        readonly version: 1;
        readonly vendor: string;
        readonly validate: (value: unknown) => StandardSchemaResult<Output> | Promise<StandardSchemaResult<Output>>;
        readonly types?: {
            readonly input: Input;
            readonly output: Output;
        } | undefined;
    };
}
export type StandardSchemaResult<Output> = {
    readonly value: Output;
    readonly issues?: undefined;
} | {
    readonly issues: ReadonlyArray<StandardSchemaIssue>;
};
export interface StandardSchemaIssue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | {
        readonly key: PropertyKey;
    }> | undefined;
}
/** A validator as a Standard Schema; its issues carry the same messages, with paths as key lists. */
export declare function standardSchema<T>(validate: Validator<T>): StandardSchemaV1<unknown, T>;
/** `data.sip_headers[1]["a b"]` → `["data", "sip_headers", 1, "a b"]`. */
export declare function pathKeys(path: string): (string | number)[];
