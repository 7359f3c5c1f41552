import { fullFormats } from "ajv-formats/dist/formats.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FORMATS } from "../../generator/runtime/formats.js";
import { buildPackage } from "../helpers.js";

// With options.check_formats the guards check formats as ajv-formats' "full" mode does: the same
// answers on strings drawn near each format (valid ones, mutated ones, arbitrary ones).
const SEED = 20261124;

const near: Record<string, fc.Arbitrary<string>> = {
  date: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  time: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(11)),
  "date-time": fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  email: fc.emailAddress(),
  hostname: fc.domain(),
  ipv4: fc.ipV4(),
  ipv6: fc.ipV6(),
  uuid: fc.uuid(),
};

/** A string with one character changed, dropped or doubled. */
function mutate(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(base, fc.nat(), fc.constantFrom("-", ":", ".", "T", "z", "+", "9", "0", "a", "@", " ", "60", "::"))
    .map(([s, at, c]) => {
      const i = s.length === 0 ? 0 : at % s.length;
      return [s.slice(0, i) + c + s.slice(i + 1), s.slice(0, i) + s.slice(i + 1), s.slice(0, i) + c + s.slice(i)][
        at % 3
      ]!;
    });
}

describe("format checks", () => {
  it("cover the formats they name", () => {
    expect(Object.keys(FORMATS).sort()).toEqual(Object.keys(near).sort());
  });

  it.each(Object.keys(near))("%s answers as ajv-formats does", (name) => {
    const reference = fullFormats[name as keyof typeof fullFormats] as unknown;
    const check = (s: string) =>
      reference instanceof RegExp
        ? reference.test(s)
        : typeof reference === "function"
          ? (reference as (s: string) => boolean)(s)
          : (reference as { validate: (s: string) => boolean }).validate(s);
    fc.assert(
      fc.property(fc.oneof(near[name]!, mutate(near[name]!), fc.string()), (s) => {
        expect(FORMATS[name]!(s), JSON.stringify(s)).toBe(check(s));
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it("are checked by the guards only when the spec asks", async () => {
    const spec = (check: boolean) => `package: { name: f, version: 1.0.0 }
options: { check_formats: ${check} }
envelope:
  properties:
    id: { type: string }
events:
  - name: thing.created
    description: A thing.
    data: { type: object, properties: { at: { type: string, format: date-time } } }
    example: { id: a, type: thing.created, data: { at: "2026-11-24T10:00:00Z" } }
`;
    const event = { id: "a", type: "thing.created", data: { at: "2026-02-30T10:00:00Z" } };
    const checked = (await buildPackage(spec(true))).pkg;
    expect(checked.parseWebhookEvent(event).errors).toEqual([
      { path: "data.at", message: "expected a date-time string" },
    ]);
    expect((await buildPackage(spec(false))).pkg.isThingCreatedWebhookEvent(event)).toBe(true);
  });
});
