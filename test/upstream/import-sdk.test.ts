// A published document shaped like a real one: each webhook writes its envelope out, its `data` is
// a `$ref` to a shared component with a title, and components nest titled shapes. Imported and
// generated, its types must fit what the provider's SDK declares for the same document, both ways
// (the SDK's types are written here by hand, from the document).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { importOpenApi } from "../../generator/upstream/import.js";
import { buildPackage, typecheck } from "../helpers.js";

const envelope = (name: string, component: string, description: string) => `
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              title: ${name}
              required: [id, object, created_at, type, data]
              properties:
                id: { type: string, description: The event's ID. }
                object: { type: string, enum: [event] }
                created_at: { type: integer }
                type: { type: string, enum: [${name}] }
                data:
                  description: ${description}
                  $ref: "#/components/schemas/${component}"
`;

const DOCUMENT = `openapi: 3.1.0
info: { title: Payments, version: "2" }
webhooks:
  invoice.paid:${envelope("invoice.paid", "Invoice", "The invoice that was paid.")}
  invoice.voided:${envelope("invoice.voided", "Invoice", "The invoice that was voided.")}
  refund.created:${envelope("refund.created", "Refund", "The new refund.")}
components:
  schemas:
    Invoice:
      type: object
      title: Invoice
      description: An invoice.
      required: [id, amount, status, lines]
      properties:
        id: { type: string }
        amount: { $ref: "#/components/schemas/Money" }
        status: { type: string, enum: [open, paid, void] }
        lines:
          type: array
          items:
            type: object
            title: Invoice Line
            required: [sku, quantity]
            properties:
              sku: { type: string }
              quantity: { type: integer, minimum: 1 }
        memo: { type: [string, "null"] }
    Refund:
      type: object
      title: Refund
      required: [id, amount, reason]
      properties:
        id: { type: string }
        amount: { $ref: "#/components/schemas/Money" }
        reason: { anyOf: [{ type: string, enum: [duplicate, fraud] }, { type: "null" }] }
    Money:
      type: object
      title: Money
      required: [value, currency]
      properties:
        value: { type: integer }
        currency: { type: string }
`;

describe("an imported catalogue whose events point at shared components", () => {
  const imported = importOpenApi(DOCUMENT, "payments.yaml");

  it("imports every event, nothing lost, and keeps each component's own description", () => {
    expect(imported.losses).toEqual([]);
    const spec = imported.spec as { events: { name: string }[]; $defs: Record<string, { description?: string }> };
    expect(spec.events.map((e) => e.name).sort()).toEqual(["invoice.paid", "invoice.voided", "refund.created"]);
    // The property's wording belongs to the event, not to the shared shape it points at.
    expect(spec.$defs.Invoice?.description).toBe("An invoice.");
    expect(spec.$defs.Refund?.description).toBeUndefined();
  });

  it("generates types that fit the SDK's, both ways", async () => {
    const { dir, model } = await buildPackage(stringify(imported.spec), "payments.yaml");
    const typeOf = (name: string) => model.events.find((e) => e.name === name)!.typeName;
    const sdk = `
      import type * as Generated from "./index.js";
      export interface Money { value: number; currency: string }
      export interface InvoiceLine { sku: string; quantity: number }
      export interface Invoice {
        id: string;
        amount: Money;
        status: "open" | "paid" | "void";
        lines: InvoiceLine[];
        memo?: string | null;
      }
      export interface Refund { id: string; amount: Money; reason: "duplicate" | "fraud" | null }
      interface Envelope<T extends string, D> { id: string; object: "event"; created_at: number; type: T; data: D }
      type Sdk = [
        Envelope<"invoice.paid", Invoice>,
        Envelope<"invoice.voided", Invoice>,
        Envelope<"refund.created", Refund>,
      ];
      type Ours = [
        Generated.${typeOf("invoice.paid")},
        Generated.${typeOf("invoice.voided")},
        Generated.${typeOf("refund.created")},
      ];
      declare const sdk: Sdk;
      declare const ours: Ours;
      export const fromSdk: Ours = sdk;
      export const toSdk: Sdk = ours;
    `;
    writeFileSync(join(dir, "sdk.ts"), sdk);
    expect(await typecheck([join(dir, "sdk.ts")])).toEqual([]);
  });
});
