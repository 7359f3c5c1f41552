import { describe, expect, it } from "vitest";
import { openaiPackage } from "../helpers.js";

// The generator's behaviour on real shapes, tested on the frozen OpenAI catalogue.
const { pkg } = await openaiPackage();
const { fixtures, isWebhookEvent, parseWebhookEvent } = pkg;
const WEBHOOK_EVENT_TYPES = pkg.WEBHOOK_EVENT_TYPES as readonly string[];

// The committed package: the snapshot test keeps it equal to what the spec generates.
const guards = pkg as unknown as Record<string, (value: unknown) => boolean>;
const guardOf = (type: string) =>
  guards[
    `is${type
      .split(/[._]/)
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join("")}WebhookEvent`
  ]!;
const clone = <T>(value: T): T => structuredClone(value);

describe.each(WEBHOOK_EVENT_TYPES)("the guard of %s", (type) => {
  const fixture = fixtures[type] as unknown as Record<string, unknown> & { data: Record<string, unknown> };
  const guard = guardOf(type);

  it("accepts the fixture, alone and through isWebhookEvent and parseWebhookEvent", () => {
    expect(guard(clone(fixture))).toBe(true);
    expect(isWebhookEvent(clone(fixture))).toBe(true);
    expect(parseWebhookEvent(clone(fixture))).toEqual({ ok: true, event: fixture });
  });

  it("accepts fields the spec does not name, at the top and in data", () => {
    const event = { ...clone(fixture), added_later: 1, data: { ...clone(fixture.data), also_new: { x: 1 } } };
    expect(guard(event)).toBe(true);
    expect(isWebhookEvent(event)).toBe(true);
  });

  it('accepts the optional `object` when it is "event" and rejects any other value', () => {
    expect(guard({ ...clone(fixture), object: "event" })).toBe(true);
    expect(guard({ ...clone(fixture), object: "response" })).toBe(false);
    expect(parseWebhookEvent({ ...clone(fixture), object: null })).toEqual({
      ok: false,
      errors: [{ path: "object", message: 'expected "event", got null' }],
    });
  });

  const mutations: [string, (e: Record<string, any>) => void, { path: string; message: string }][] = [
    ["id missing", (e) => delete e.id, { path: "id", message: "is required" }],
    ["id a number", (e) => (e.id = 42), { path: "id", message: "expected string, got number" }],
    [
      "created_at a string",
      (e) => (e.created_at = "1719168000"),
      { path: "created_at", message: 'expected integer, got string "1719168000"' },
    ],
    [
      "created_at not an integer",
      (e) => (e.created_at = 1.5),
      { path: "created_at", message: "expected integer, got number 1.5" },
    ],
    [
      "type another event's",
      (e) => (e.type = type === "batch.failed" ? "batch.expired" : "batch.failed"),
      { path: "type", message: "" },
    ],
    ["data missing", (e) => delete e.data, { path: "data", message: "is required" }],
    ["data a string", (e) => (e.data = "x"), { path: "data", message: "expected object, got string" }],
    ["data null", (e) => (e.data = null), { path: "data", message: "expected object, got null" }],
    ["data an array", (e) => (e.data = []), { path: "data", message: "expected object, got array" }],
  ];

  it.each(mutations)("rejects the fixture with %s", (_, mutate, issue) => {
    const event = clone(fixture);
    mutate(event);
    expect(guard(event)).toBe(false);
    if (issue.path === "type") return; // another event's type is another event: the dispatchers check it against that one
    expect(isWebhookEvent(event)).toBe(false);
    expect(parseWebhookEvent(event)).toEqual({ ok: false, errors: [issue] });
  });

  it("rejects each required data field missing or of the wrong type, with its path", () => {
    for (const key of Object.keys(fixture.data)) {
      const missing = clone(fixture);
      delete missing.data[key];
      expect(guard(missing)).toBe(false);
      expect(parseWebhookEvent(missing)).toEqual({
        ok: false,
        errors: [{ path: `data.${key}`, message: "is required" }],
      });
      const wrong = clone(fixture);
      wrong.data[key] = true;
      expect(guard(wrong)).toBe(false);
      expect(parseWebhookEvent(wrong)).toMatchObject({
        ok: false,
        errors: [{ path: `data.${key}`, message: expect.stringMatching(/^expected \w+, got boolean$/) }],
      });
    }
  });

  it.each([null, undefined, 0, "event", true, [], [clone(fixture)]])("rejects %j", (value) => {
    expect(guard(value)).toBe(false);
    expect(isWebhookEvent(value)).toBe(false);
    expect(parseWebhookEvent(value).ok).toBe(false);
  });
});

describe("parseWebhookEvent", () => {
  it("reports every mismatch with a path into arrays", () => {
    const event = clone(fixtures["realtime.call.incoming"]) as any;
    event.data.sip_headers[1].value = 851287;
    delete event.data.sip_headers[2].name;
    event.created_at = "yesterday";
    expect(parseWebhookEvent(event)).toEqual({
      ok: false,
      errors: [
        { path: "created_at", message: 'expected integer, got string "yesterday"' },
        { path: "data.sip_headers[1].value", message: "expected string, got number" },
        { path: "data.sip_headers[2].name", message: "is required" },
      ],
    });
  });

  it("returns unknownType for an event newer than the package, so handlers can skip it", () => {
    expect(parseWebhookEvent({ ...clone(fixtures["batch.completed"]), type: "batch.paused" })).toEqual({
      ok: false,
      errors: [{ path: "type", message: 'unknown event type "batch.paused"' }],
      unknownType: "batch.paused",
    });
    expect(isWebhookEvent({ ...clone(fixtures["batch.completed"]), type: "batch.paused" })).toBe(false);
  });

  it("says what is wrong when there is no type to dispatch on", () => {
    expect(parseWebhookEvent({ id: "evt_1" })).toEqual({
      ok: false,
      errors: [{ path: "type", message: "is required" }],
    });
    expect(parseWebhookEvent({ type: 7 })).toEqual({
      ok: false,
      errors: [{ path: "type", message: "expected string, got number" }],
    });
    expect(parseWebhookEvent("{}")).toEqual({
      ok: false,
      errors: [{ path: "", message: "expected object, got string" }],
    });
  });

  it("does not look up inherited names as event types", () => {
    for (const type of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(parseWebhookEvent({ type })).toMatchObject({ ok: false, unknownType: type });
    }
  });

  it("never throws, whatever the value does when read", () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error("boom");
        },
      },
    );
    expect(isWebhookEvent(hostile)).toBe(false);
    expect(parseWebhookEvent(hostile)).toEqual({
      ok: false,
      errors: [{ path: "", message: "could not be read: boom" }],
    });
    const getter = { ...clone(fixtures["batch.failed"]) };
    Object.defineProperty(getter, "data", {
      enumerable: true,
      get: () => {
        throw new TypeError("nope");
      },
    });
    expect(pkg.isBatchFailedWebhookEvent(getter)).toBe(false);
    expect(parseWebhookEvent(getter)).toEqual({
      ok: false,
      errors: [{ path: "", message: "could not be read: nope" }],
    });
  });

  it("does not change its input", () => {
    const event = clone(fixtures["realtime.call.incoming"]) as any;
    event.data.sip_headers[0].value = 1;
    const before = JSON.stringify(event);
    parseWebhookEvent(event);
    expect(JSON.stringify(event)).toBe(before);
  });
});

describe("WEBHOOK_EVENT_TYPES", () => {
  it("lists every event once, sorted, and cannot be changed", () => {
    expect([...WEBHOOK_EVENT_TYPES]).toEqual(Object.keys(fixtures).sort());
    expect(WEBHOOK_EVENT_TYPES).toHaveLength(15);
    expect(Object.isFrozen(WEBHOOK_EVENT_TYPES)).toBe(true);
  });
});
