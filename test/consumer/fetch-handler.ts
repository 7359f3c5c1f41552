// The README's Fetch-style handler, type-checked by test/typecheck.test.ts and run by test/runtime/handler.test.ts.
import { isUnknownWebhookEvent, unwrapWebhookEvent, WebhookVerificationError } from "../../generated/index.js";

export const seen: string[] = [];

export async function POST(request: Request): Promise<Response> {
  try {
    const event = await unwrapWebhookEvent(await request.text(), request.headers);
    if (isUnknownWebhookEvent(event)) return new Response(null, { status: 200 }); // newer than this package
    if (event.type === "response.completed") seen.push(event.data.id);
    return new Response(null, { status: 200 });
  } catch (error) {
    if (error instanceof WebhookVerificationError) return new Response(error.code, { status: 400 });
    throw error;
  }
}
