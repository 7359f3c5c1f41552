// Fastify 5: a content-type parser that keeps JSON bodies as the raw bytes.
import Fastify from "fastify";
import { isUnknownWebhookEvent, unwrapWebhookEvent, WebhookVerificationError } from "openai-webhook-events";
import { STATUS } from "./status.js";

export const app = Fastify();

app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, body, done) => done(null, body));

app.post("/webhook", async (request, reply) => {
  try {
    const event = await unwrapWebhookEvent(request.body as Buffer, request.headers);
    if (!isUnknownWebhookEvent(event)) request.log.info(`received ${event.type} ${event.id}`);
    return reply.code(200).send();
  } catch (error) {
    if (WebhookVerificationError.is(error)) return reply.code(STATUS[error.code]).send(error.code);
    throw error;
  }
});
