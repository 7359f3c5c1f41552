import { describe, expect, it } from "vitest";
import { openaiPackage } from "../helpers.js";

// The generator's behaviour on real shapes, tested on the frozen OpenAI catalogue.
const { pkg } = await openaiPackage();
const { fixtures, isWebhookEvent, parseWebhookEvent } = pkg;
const WEBHOOK_EVENT_TYPES = pkg.WEBHOOK_EVENT_TYPES as readonly string[];

// Whatever a guard is handed, it answers; it never throws and never changes what it was given.
const guards = Object.entries(pkg).filter(([name]) => /^is.+WebhookEvent$/.test(name)) as [
  string,
  (v: unknown) => boolean,
][];
const realtime = () => structuredClone(fixtures["realtime.call.incoming"]) as any;

function checkers(value: unknown): unknown[] {
  return [...guards.map(([, guard]) => guard(value)), parseWebhookEvent(value)];
}

const revoked = Proxy.revocable({}, {});
revoked.revoke();
const throwingTrap = new Proxy(realtime(), {
  get: () => {
    throw new Error("get");
  },
  has: () => {
    throw new Error("has");
  },
  ownKeys: () => {
    throw new Error("ownKeys");
  },
  getOwnPropertyDescriptor: () => {
    throw new Error("getOwnPropertyDescriptor");
  },
  getPrototypeOf: () => {
    throw new Error("getPrototypeOf");
  },
});
const cyclic = realtime();
cyclic.data.self = cyclic;
cyclic.data.sip_headers.push(cyclic.data.sip_headers);
class Event {
  id = "evt_1";
  type = "batch.failed";
  created_at = 1;
  data = { id: "batch_1" };
}

const HOSTILE: [string, unknown][] = [
  ["null", null],
  ["undefined", undefined],
  ["a number", 42],
  ["NaN", NaN],
  ["a string", '{"type":"batch.failed"}'],
  ["a boolean", true],
  ["a bigint", 10n],
  ["a symbol", Symbol("event")],
  ["a function", () => fixtures["batch.failed"]],
  ["an array", [fixtures["batch.failed"]]],
  ["an object with an own __proto__ key", JSON.parse('{"__proto__":{"type":"batch.failed"},"type":"batch.failed"}')],
  ["a revoked Proxy", revoked.proxy],
  ["a Proxy whose every trap throws", throwingTrap],
  ["a cyclic object", cyclic],
  ["a Date", new Date()],
  ["a Map", new Map([["type", "batch.failed"]])],
];

describe("guards and parseWebhookEvent on hostile values", () => {
  it.each(HOSTILE)("answer for %s without throwing", (_, value) => {
    expect(() => checkers(value)).not.toThrow();
    expect(isWebhookEvent(value)).toBe(false);
  });

  it("never change their input", () => {
    for (const type of WEBHOOK_EVENT_TYPES) {
      const event = structuredClone(fixtures[type]) as any;
      event.data.extra = { nested: [1, 2] };
      const wrong = structuredClone(event);
      wrong.created_at = "yesterday";
      for (const value of [event, wrong]) {
        const before = JSON.stringify(value);
        const frozen = deepFreeze(structuredClone(value));
        checkers(value);
        expect(JSON.stringify(value)).toBe(before);
        // Frozen: any write would throw in strict-mode code, and the answer would change.
        expect(isWebhookEvent(frozen)).toBe(value === event);
      }
    }
  });

  it("accept class instances and objects without a prototype that have the right shape", () => {
    expect(pkg.isBatchFailedWebhookEvent(new Event())).toBe(true);
    const bare = Object.assign(Object.create(null), structuredClone(fixtures["batch.failed"]));
    bare.data = Object.assign(Object.create(null), bare.data);
    expect(isWebhookEvent(bare)).toBe(true);
    expect(parseWebhookEvent(bare).ok).toBe(true);
  });

  it("checks integers as JSON Schema does", () => {
    const withCreatedAt = (created_at: number) => ({ ...structuredClone(fixtures["batch.failed"]), created_at });
    for (const accepted of [0, -0, 1e300, Number.MAX_SAFE_INTEGER])
      expect(isWebhookEvent(withCreatedAt(accepted)), String(accepted)).toBe(true);
    for (const refused of [1.5, NaN, Infinity, -Infinity])
      expect(isWebhookEvent(withCreatedAt(refused)), String(refused)).toBe(false);
    expect(parseWebhookEvent(withCreatedAt(NaN))).toMatchObject({
      errors: [{ path: "created_at", message: "expected integer, got number NaN" }],
    });
  });

  it("take strings as they are, lone surrogates included", () => {
    const event = realtime();
    event.data.call_id = "rtc_\ud800";
    event.data.sip_headers[0].value = "\udfff\u0000\u2028";
    expect(isWebhookEvent(event)).toBe(true);
  });

  it("check each array entry a bounded number of times, a million of them, and stop collecting errors at 100", () => {
    // Work is counted, not timed: reads of the array's entries, through a Proxy.
    const reads = (count: number) => {
      const event = realtime();
      const entries = Array.from({ length: count }, (_, i) => ({ name: `X-${i}`, value: String(i) }));
      let n = 0;
      event.data.sip_headers = new Proxy(entries, {
        get(target, key, receiver) {
          if (typeof key === "string" && /^\d+$/.test(key)) n++;
          return Reflect.get(target, key, receiver);
        },
      });
      expect(isWebhookEvent(event)).toBe(true);
      return n;
    };
    const small = reads(10_000);
    const large = reads(100_000);
    // Every entry is read, a few times at most; ten times the entries, ten times the reads (a
    // quadratic check would read a hundred times as many).
    expect(small).toBeGreaterThanOrEqual(10_000);
    expect(small).toBeLessThanOrEqual(3 * 10_000);
    expect(large).toBe(10 * small);

    const million = realtime();
    million.data.sip_headers = Array.from({ length: 1_000_000 }, (_, i) => ({ name: `X-${i}`, value: String(i) }));
    expect(isWebhookEvent(million)).toBe(true);

    const broken = realtime();
    broken.data.sip_headers = Array.from({ length: 1_000_000 }, () => ({ name: 1, value: 2 }));
    const result = parseWebhookEvent(broken);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toHaveLength(100);
    expect(!result.ok && result.errors[0]).toEqual({
      path: "data.sip_headers[0].name",
      message: "expected string, got number",
    });
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
