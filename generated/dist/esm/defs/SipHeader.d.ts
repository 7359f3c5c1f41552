import { type ValidationIssue } from "../runtime/validation.js";
/**
 * A header from the SIP Invite.
 */
export interface SipHeader {
    /**
     * Name of the SIP Header.
     */
    name: string;
    /**
     * Value of the SIP Header.
     */
    value: string;
}
/**
 * Checks that `value` is a {@link SipHeader}. Without `issues` it stops at the first
 * mismatch; with `issues` it records every mismatch there, under `path`.
 */
export declare function validateSipHeader(value: unknown, issues?: ValidationIssue[], path?: string, _depth?: number): value is SipHeader;
/** True when `value` is a {@link SipHeader}: the whole shape is checked, not only `type`. Never throws. */
export declare function isSipHeader(value: unknown): value is SipHeader;
