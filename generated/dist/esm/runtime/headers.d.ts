/** Reading request headers however a framework gives them: Fetch `Headers`, Node's object, or pairs. */
/** Request headers as Fetch (`Headers`), Node (`req.headers`) or a list of pairs give them. */
export type WebhookHeaders = {
    get(name: string): string | null;
} | Readonly<Record<string, string | readonly string[] | undefined>> | Iterable<readonly [string, string]>;
/** Every value of a header, names compared without case. */
export declare function allValues(headers: WebhookHeaders, name: string): string[];
/** The first value of a header, or undefined. */
export declare function headerValue(headers: WebhookHeaders, name: string): string | undefined;
