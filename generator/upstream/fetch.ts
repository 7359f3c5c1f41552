/**
 * Brings an upstream document's current text into its copy in the project: read with a time
 * limit and a size cap (counted while reading, never after), written beside the copy and renamed
 * over it, so a failed download leaves the copy as it was.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";

export const FETCH_TIMEOUT_MS = 30_000;
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

export class FetchError extends Error {
  override name = "FetchError";
}

/** Downloads `url` into `file`; returns whether the copy changed. */
export async function fetchUpstream(
  url: string,
  file: string,
  limits: { timeoutMs?: number; maxBytes?: number } = {},
): Promise<{ bytes: number; changed: boolean }> {
  const { timeoutMs = FETCH_TIMEOUT_MS, maxBytes = MAX_DOCUMENT_BYTES } = limits;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new FetchError(
      cause === "TimeoutError"
        ? `${url} did not answer within ${timeoutMs / 1000} s; try again, or check the address`
        : `cannot reach ${new URL(url).host} (${cause}): are you offline? The copy in the project is unchanged`,
    );
  }
  if (!response.ok)
    throw new FetchError(`${url} answered ${response.status} ${response.statusText}; check the address`);
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new FetchError(`${url} is ${declared} bytes, more than the ${maxBytes} allowed`);
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const reader = response.body!.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        await reader.cancel();
        throw new FetchError(`${url} sent more than the ${maxBytes} bytes allowed; the copy is unchanged`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    throw new FetchError(`${url} broke off while sending (${(error as Error).name}); the copy is unchanged`);
  }
  const text = Buffer.concat(chunks);
  let before: Buffer | undefined;
  try {
    before = readFileSync(file);
  } catch {
    before = undefined; // no copy yet
  }
  if (before?.equals(text)) return { bytes, changed: false };
  const temporary = `${file}.fetch-${process.pid}`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return { bytes, changed: true };
}
