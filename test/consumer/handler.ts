// A consumer's webhook handler, type-checked against generated/ by test/typecheck.test.ts.
import {
  fixtures,
  isResponseCompletedWebhookEvent,
  parseWebhookEvent,
  WEBHOOK_EVENT_TYPES,
  type BatchWebhookEvent,
  type WebhookEvent,
  type WebhookEventMap,
  type WebhookEventType,
} from "../../generated/index.js";

function assertNever(value: never): never {
  throw new Error(`unhandled event: ${JSON.stringify(value)}`);
}

export function describeEvent(event: WebhookEvent): string {
  switch (event.type) {
    case "batch.cancelled":
    case "batch.completed":
    case "batch.expired":
    case "batch.failed":
      return `batch ${event.data.id}`;
    case "eval.run.canceled":
    case "eval.run.failed":
    case "eval.run.succeeded":
      return `eval run ${event.data.id}`;
    case "fine_tuning.job.cancelled":
    case "fine_tuning.job.failed":
    case "fine_tuning.job.succeeded":
      return `fine-tuning job ${event.data.id}`;
    case "realtime.call.incoming":
      // Narrowed: only this event has call_id and sip_headers.
      return `call ${event.data.call_id} from ${event.data.sip_headers.find((h) => h.name === "From")?.value ?? "?"}`;
    case "response.cancelled":
    case "response.completed":
    case "response.failed":
    case "response.incomplete":
      return `response ${event.data.id} at ${new Date(event.created_at * 1000).toISOString()}`;
    default:
      return assertNever(event);
  }
}

export function handle(body: unknown): string {
  const result = parseWebhookEvent(body);
  if (!result.ok)
    return result.unknownType
      ? `ignored ${result.unknownType}`
      : result.errors.map((e) => `${e.path}: ${e.message}`).join("; ");
  return describeEvent(result.event);
}

export function onlyBatches(event: WebhookEvent): BatchWebhookEvent | undefined {
  return event.type.startsWith("batch.") ? (event as BatchWebhookEvent) : undefined;
}

const completed: WebhookEventMap["response.completed"] = fixtures["response.completed"];
const names: readonly WebhookEventType[] = WEBHOOK_EVENT_TYPES;
declare const body: unknown;
if (isResponseCompletedWebhookEvent(body)) {
  const id: string = body.data.id;
  const object: "event" | undefined = body.object;
  void [id, object];
}
void [completed, names];
