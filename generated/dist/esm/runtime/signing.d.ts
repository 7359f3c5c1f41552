/**
 * What the signing schemes share: reading headers and raw bodies, keys, HMAC-SHA256 (node:crypto
 * found at run time where it exists, WebCrypto elsewhere), encodings, constant-time comparison,
 * and each scheme's headers (`schemes.ts`). It loads no module and uses no Node-only global.
 */
import { WebhookVerificationError } from "./errors.js";
import { type WebhookHeaders } from "./headers.js";
export { allValues, type WebhookHeaders } from "./headers.js";
/** The raw request body, exactly as received. */
export type WebhookPayload = string | Uint8Array | ArrayBuffer;
/** `whsec_…` is the base64 of the key; any other secret is used as its UTF-8 bytes, as the official SDKs do. */
export declare function secretKey(secret: string, whsecIsBase64?: boolean): Uint8Array;
/** HMAC-SHA256 of `prefix` followed by the body, as raw bytes. */
export declare function hmac(key: Uint8Array, prefix: string, body: string | Uint8Array): Promise<Uint8Array>;
interface Subtle {
    importKey(format: "raw", key: Uint8Array, algorithm: {
        name: "HMAC";
        hash: "SHA-256";
    }, extractable: false, usages: ["sign"]): Promise<unknown>;
    sign(algorithm: "HMAC", key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
}
export declare const webCrypto: () => {
    subtle: Subtle;
    randomUUID(): string;
};
export declare function rawBody(payload: WebhookPayload): string | Uint8Array;
export declare function missing(name: string): WebhookVerificationError;
export declare function single(headers: WebhookHeaders, name: string): string;
export declare function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean;
export declare function decodeBase64(text: string): Uint8Array | undefined;
export declare function encodeBase64(bytes: Uint8Array): string;
/** Lower-case hex of bytes. */
export declare function encodeHex(bytes: Uint8Array): string;
/** Bytes of a hex string, or undefined when it is not one. */
export declare function decodeHex(text: string): Uint8Array | undefined;
