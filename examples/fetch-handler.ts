// A Fetch-style handler: Hono, Next.js route handlers, Cloudflare Workers, Deno, Bun.
import { isUnknownWebhookEvent, unwrapWebhookEvent, WebhookVerificationError } from "openai-webhook-events";
import { STATUS } from "./status.js";

export async function POST(request: Request): Promise<Response> {
  try {
    const event = await unwrapWebhookEvent(await request.text(), request.headers);
    if (isUnknownWebhookEvent(event)) return new Response(null, { status: 200 }); // newer than this package
    console.log(`received ${event.type} ${event.id}`); // switch (event.type) narrows to each event
    return new Response(null, { status: 200 });
  } catch (error) {
    if (WebhookVerificationError.is(error)) return new Response(error.code, { status: STATUS[error.code] });
    throw error;
  }
}
