// Express 5: the webhook route reads the raw body; a JSON parser must not run on it first.
import express from "express";
import { isUnknownWebhookEvent, unwrapWebhookEvent, WebhookVerificationError } from "openai-webhook-events";
import { STATUS } from "./status.js";

export const app = express();

app.post("/webhook", express.raw({ type: "application/json" }), async (req, res) => {
  try {
    const event = await unwrapWebhookEvent(req.body, req.headers);
    if (!isUnknownWebhookEvent(event)) console.log(`received ${event.type} ${event.id}`);
    res.sendStatus(200);
  } catch (error) {
    if (WebhookVerificationError.is(error)) res.status(STATUS[error.code]).send(error.code);
    else throw error;
  }
});

app.use(express.json()); // for the other routes, after the webhook route
