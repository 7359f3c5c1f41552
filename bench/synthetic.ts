/**
 * Synthetic catalogues for the benchmark: `count` events with realistic shapes (nested objects,
 * arrays, enums, nullable and optional fields, maps, descriptions), as a spec and as an
 * OpenAPI 3.1 `webhooks` document describing the same events.
 */
import { stringify } from "yaml";

const RESOURCES = [
  "invoice",
  "payment.intent",
  "customer",
  "subscription.item",
  "payout",
  "dispute",
  "refund",
  "charge",
];
const ACTIONS = [
  "created",
  "updated",
  "deleted",
  "succeeded",
  "failed",
  "canceled",
  "expired",
  "paused",
  "resumed",
  "finalized",
];

function eventName(i: number): string {
  const resource = RESOURCES[i % RESOURCES.length]!;
  const action = ACTIONS[Math.floor(i / RESOURCES.length) % ACTIONS.length]!;
  const generation = Math.floor(i / (RESOURCES.length * ACTIONS.length));
  return generation === 0 ? `${resource}.${action}` : `${resource}.v${generation}.${action}`;
}

function dataShape(i: number) {
  return {
    type: "object",
    description: `Event data payload of event ${i}.`,
    required: ["id", "status", "amount", "lines", "metadata"],
    properties: {
      id: { type: "string", description: "The unique ID of the object." },
      status: { enum: ["open", "paid", "void", "uncollectible"], description: "Where the object is in its life." },
      amount: { type: "integer", description: "Amount in the smallest currency unit." },
      rate: { type: ["number", "null"], description: "Exchange rate, when one applied." },
      customer: {
        type: "object",
        description: "Who it is for.",
        required: ["id"],
        properties: {
          id: { type: "string", description: "Customer ID." },
          email: { type: ["string", "null"], description: "Email address." },
          address: {
            type: "object",
            properties: { line1: { type: "string" }, city: { type: "string" }, postal_code: { type: "string" } },
          },
        },
      },
      lines: {
        type: "array",
        description: "Line items.",
        items: {
          type: "object",
          required: ["id", "quantity"],
          properties: {
            id: { type: "string" },
            quantity: { type: "integer" },
            description: { type: "string" },
            taxable: { type: "boolean" },
          },
        },
      },
      metadata: { type: "object", description: "Free-form key/value pairs.", additionalProperties: { type: "string" } },
    },
  };
}

function example(i: number, name: string) {
  return {
    id: `evt_${i}`,
    type: name,
    created_at: 1719168000 + i,
    data: {
      id: `obj_${i}`,
      status: "open",
      amount: 100 * i,
      rate: null,
      customer: { id: "cus_1", email: "a@example.com" },
      lines: [{ id: "li_1", quantity: 2, taxable: true }],
      metadata: { order: String(i) },
    },
  };
}

export function syntheticSpec(count: number): string {
  const events = Array.from({ length: count }, (_, i) => {
    const name = eventName(i);
    return {
      name,
      description: `Sent when a ${name.replace(/\./g, " ")} happens.`,
      id_prefix: "obj_",
      data: dataShape(i),
      example: example(i, name),
    };
  });
  return stringify({
    package: { name: `synthetic-${count}`, version: "1.0.0" },
    envelope: {
      id_prefix: "evt_",
      required: ["id", "created_at"],
      properties: {
        id: { type: "string", description: "The unique ID of the event." },
        created_at: { type: "integer", description: "When the event was created, in Unix seconds." },
        object: { type: "string", const: "event" },
      },
    },
    events,
  });
}

/** The same catalogue as an OpenAPI 3.1 document, for tools that read those. */
export function syntheticOpenApi(count: number): string {
  const webhooks: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    const name = eventName(i);
    const schemaName = `Webhook${i}`;
    schemas[schemaName] = {
      type: "object",
      description: `Sent when a ${name.replace(/\./g, " ")} happens.`,
      required: ["id", "created_at", "type", "data"],
      properties: {
        id: { type: "string" },
        created_at: { type: "integer" },
        object: { type: "string", enum: ["event"] },
        type: { type: "string", enum: [name] },
        data: dataShape(i),
      },
    };
    webhooks[name.replace(/\./g, "_")] = {
      post: {
        requestBody: { content: { "application/json": { schema: { $ref: `#/components/schemas/${schemaName}` } } } },
        responses: { "200": { description: "Acknowledged." } },
      },
    };
  }
  return stringify({
    openapi: "3.1.0",
    info: { title: "synthetic", version: "1.0.0" },
    webhooks,
    components: { schemas },
  });
}
