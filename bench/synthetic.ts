/**
 * Synthetic catalogues for the benchmark: `count` events, each with a shape of its own (its own
 * fields, types, nesting, limits and enum values, drawn from a seeded generator, so that no two
 * events are checked by the same code), some of them referring to shared shapes, as a spec and as
 * an OpenAPI 3.1 `webhooks` document describing the same events.
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
const WORDS = [
  "amount",
  "status",
  "customer",
  "lines",
  "metadata",
  "currency",
  "balance",
  "reason",
  "attempt",
  "source",
  "period",
  "discount",
  "tax",
  "total",
  "owner",
  "label",
  "note",
  "priority",
  "region",
  "channel",
  "quantity",
  "rate",
  "limit",
  "score",
  "window",
  "tier",
  "account",
  "plan",
  "coupon",
  "receipt",
];

export function eventName(i: number): string {
  const resource = RESOURCES[i % RESOURCES.length]!;
  const action = ACTIONS[Math.floor(i / RESOURCES.length) % ACTIONS.length]!;
  const generation = Math.floor(i / (RESOURCES.length * ACTIONS.length));
  return generation === 0 ? `${resource}.${action}` : `${resource}.v${generation}.${action}`;
}

/** A small seeded generator (mulberry32), so a catalogue of a given size is the same every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Schema = Record<string, unknown>;
interface Field {
  schema: Schema;
  example: unknown;
}

/** The shared shapes: money inside line items, an address; written once, referred to by events. */
function sharedShapes(ref: (name: string) => string): Record<string, Schema> {
  return {
    Money: {
      type: "object",
      description: "An amount of money.",
      required: ["value", "currency"],
      properties: {
        value: { type: "integer", description: "In the smallest unit of the currency." },
        currency: { type: "string", pattern: "^[A-Z]{3}$", description: "ISO 4217 code." },
      },
    },
    Address: {
      type: "object",
      description: "A postal address.",
      required: ["line1", "country"],
      properties: {
        line1: { type: "string", maxLength: 200 },
        city: { type: ["string", "null"] },
        country: { type: "string", minLength: 2, maxLength: 2 },
      },
    },
    LineItem: {
      type: "object",
      description: "One line of an order.",
      required: ["id", "quantity", "price"],
      properties: {
        id: { type: "string" },
        quantity: { type: "integer", minimum: 1 },
        price: { $ref: ref("Money") },
        taxable: { type: "boolean" },
      },
    },
  };
}
const SHARED_EXAMPLES: Record<string, unknown> = {
  Money: { value: 1250, currency: "USD" },
  Address: { line1: "1 Main St", city: null, country: "US" },
  LineItem: { id: "li_1", quantity: 2, price: { value: 500, currency: "EUR" }, taxable: true },
};

/** One field of kind `kind` (0..11), with a value that matches it; `depth` bounds nesting. */
function field(kind: number, i: number, next: () => number, ref: (name: string) => string, depth: number): Field {
  switch (kind) {
    case 0:
      return {
        schema: { type: "string", maxLength: 64 + (i % 50), description: `Text of event ${i}.` },
        example: `text ${i}`,
      };
    case 1:
      return { schema: { type: "integer", minimum: 0 }, example: i };
    case 2:
      return { schema: { type: ["number", "null"], description: "A rate, when one applied." }, example: 1.5 };
    case 3:
      return { schema: { type: "boolean" }, example: i % 2 === 0 };
    case 4: {
      // Values of this event's own: no other event's enum is the same.
      const values = [`state_${i}`, "open", "closed", `other_${i % 7}`];
      return { schema: { enum: values, description: "Where it is in its life." }, example: values[0] };
    }
    case 5: {
      if (depth > 1) return field(0, i, next, ref, depth);
      const inner = fields(i, next, ref, depth + 1, 2 + Math.floor(next() * 3));
      return { schema: { type: "object", ...inner.schema }, example: inner.example };
    }
    case 6: {
      if (depth > 1) return field(1, i, next, ref, depth);
      const inner = fields(i, next, ref, depth + 1, 2 + Math.floor(next() * 2));
      return {
        schema: { type: "array", maxItems: 100, items: { type: "object", ...inner.schema } },
        example: [inner.example, inner.example],
      };
    }
    case 7:
      return {
        schema: { type: "object", description: "Free-form pairs.", additionalProperties: { type: "string" } },
        example: { key: `value ${i}` },
      };
    case 8:
      return { schema: { $ref: ref("Money") }, example: SHARED_EXAMPLES.Money };
    case 9:
      return { schema: { $ref: ref("Address") }, example: SHARED_EXAMPLES.Address };
    case 10:
      return { schema: { type: "array", items: { $ref: ref("LineItem") } }, example: [SHARED_EXAMPLES.LineItem] };
    default:
      return { schema: { anyOf: [{ type: "string" }, { type: "integer" }] }, example: i };
  }
}

/** `n` fields with names and kinds drawn from `next`; the first two are required. */
function fields(i: number, next: () => number, ref: (name: string) => string, depth: number, n: number) {
  const properties: Record<string, Schema> = {};
  const example: Record<string, unknown> = {};
  const required: string[] = [];
  while (Object.keys(properties).length < n) {
    const word = WORDS[Math.floor(next() * WORDS.length)]!;
    const name = next() < 0.3 ? `${word}_${i}` : word;
    if (name in properties || name === "id") continue;
    const f = field(Math.floor(next() * 12), i, next, ref, depth);
    properties[name] = f.schema;
    if (required.length < 2 || next() < 0.5) {
      required.push(name);
      example[name] = f.example;
    } else if (next() < 0.5) {
      example[name] = f.example;
    }
  }
  return { schema: { required, properties }, example };
}

/** Event `i`'s data: a prefixed `id`, then 3 to 8 fields of its own. */
function data(i: number, ref: (name: string) => string): Field {
  const next = random(i + 1);
  const own = fields(i, next, ref, 0, 3 + (i % 6));
  return {
    schema: {
      type: "object",
      description: `Event data payload of event ${i}.`,
      required: ["id", ...(own.schema.required as string[])],
      properties: { id: { type: "string", description: "The unique ID of the object." }, ...own.schema.properties },
    },
    example: { id: `obj_${i}`, ...own.example },
  };
}

export function syntheticSpec(count: number): string {
  const ref = (name: string) => `#/$defs/${name}`;
  const events = Array.from({ length: count }, (_, i) => {
    const name = eventName(i);
    const d = data(i, ref);
    return {
      name,
      description: `Sent when a ${name.replace(/\./g, " ")} happens.`,
      id_prefix: "obj_",
      data: d.schema,
      example: { id: `evt_${i}`, type: name, created_at: 1719168000 + i, data: d.example },
    };
  });
  return stringify(
    {
      package: { name: `synthetic-${count}`, version: "1.0.0" },
      $defs: sharedShapes(ref),
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
    },
    { aliasDuplicateObjects: false },
  );
}

/** The same catalogue as an OpenAPI 3.1 document, for tools that read those. */
export function syntheticOpenApi(count: number): string {
  const ref = (name: string) => `#/components/schemas/${name}`;
  const webhooks: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = { ...sharedShapes(ref) };
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
        object: { type: "string", const: "event" },
        type: { type: "string", const: name },
        data: data(i, ref).schema,
      },
    };
    webhooks[name.replace(/\./g, "_")] = {
      post: {
        requestBody: { content: { "application/json": { schema: { $ref: `#/components/schemas/${schemaName}` } } } },
        responses: { "200": { description: "Acknowledged." } },
      },
    };
  }
  return stringify(
    { openapi: "3.1.0", info: { title: "synthetic", version: "1.0.0" }, webhooks, components: { schemas } },
    { aliasDuplicateObjects: false },
  );
}
