// docs accept <event>: a reviewed difference kept, under every upstream that has it, named by the
// upstream's name; the rest of the spec (comments, formatting) stays as written.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Spec } from "../../generator/spec.js";
import { cli } from "../cli/run.js";
import { tempDir } from "../helpers.js";

/** The frozen OpenAI catalogue as a project's spec/, and its parsed spec. */
function project(): { dir: string; spec: string; data: Spec } {
  const dir = tempDir();
  cpSync(resolve("test/fixtures/openai"), join(dir, "spec"), { recursive: true });
  const spec = join(dir, "spec/events.yaml");
  return { dir, spec, data: parse(readFileSync(spec, "utf8")) as Spec };
}

/** The spec's text with one event's description reworded, so that it differs from every upstream. */
function reword(text: string, event: string): string {
  const at = new RegExp(`(- name: ${event.replace(/\./g, "\\.")}\\n\\s+description: ).*`);
  if (!at.test(text)) throw new Error(`test setup: no description of ${event}`);
  return text.replace(at, "$1Reworded by the test.");
}

describe("webhook-event-codegen docs accept", () => {
  it("records an event's differences under every upstream at once, by name", () => {
    const { dir, spec, data } = project();
    // An event no upstream has an acceptance for: reworded, its description differs from each of them.
    const event = data.events.find(
      (e) => !data.upstream!.some((u) => u.accepted?.some((a) => a.event === e.name)),
    )!.name;
    const edited = reword(readFileSync(spec, "utf8"), event);
    writeFileSync(spec, edited);
    const names = data.upstream!.map((u) => u.name);
    expect(cli(dir, "docs", "check").stdout.match(new RegExp(`DIFFERS  ${event} description`, "g"))).toHaveLength(
      names.length,
    );

    // A new acceptance needs a reason; nothing is written without one.
    const unreasoned = cli(dir, "docs", "accept", event);
    expect(unreasoned.code).toBe(1);
    expect(unreasoned.stderr).toBe(
      `say why the difference is kept with --reason TEXT (for ${names.map((n) => `${n}: ${event} description`).join("; ")})\n`,
    );
    expect(readFileSync(spec, "utf8")).toBe(edited);

    const result = cli(dir, "docs", "accept", event, "--reason", "Our own wording.");
    expect([result.code, result.stderr]).toEqual([0, ""]);
    for (const name of names)
      expect(result.stdout).toMatch(new RegExp(`^  ${name}: description \\[[0-9a-f]{12}\\]: Our own wording\\.$`, "m"));
    expect(cli(dir, "docs", "check")).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("OK: every difference is accepted."),
    });

    // Only acceptances were added: every line of the spec as it was is still there, in order.
    const after = readFileSync(spec, "utf8");
    let from = 0;
    for (const line of edited.split("\n").slice(0, -1)) {
      const at = after.indexOf(`${line}\n`, from);
      expect(at, line).toBeGreaterThanOrEqual(0);
      from = at + line.length + 1;
    }
    const recorded = (parse(after) as Spec).upstream!.flatMap((u) =>
      (u.accepted ?? []).filter((a) => a.event === event).map((a) => [u.name, a.reason]),
    );
    expect(recorded).toEqual(names.map((n) => [n, "Our own wording."]));
  });

  it("renews an outgrown acceptance without --reason, keeping its reason", () => {
    const { dir, spec, data } = project();
    const openapi = data.upstream!.find((u) => u.accepted?.length)!;
    const accepted = openapi.accepted![0]!;
    const text = readFileSync(spec, "utf8");
    writeFileSync(spec, text.replace(`"${accepted.fingerprint}"`, '"000000000000"'));
    expect(cli(dir, "docs", "check").stdout).toContain(`STALE    ${accepted.event} ${accepted.field}  [000000000000]`);
    const result = cli(dir, "docs", "accept", accepted.event);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toContain(
      `  ${openapi.name}: ${accepted.field} [${accepted.fingerprint}] (renewed): ${accepted.reason}`,
    );
    expect(readFileSync(spec, "utf8")).toBe(text);
  });

  it("refuses an event with nothing to accept, and names the nearest for a mistyped one", () => {
    const { dir, spec, data } = project();
    const before = readFileSync(spec, "utf8");
    const event = data.events[0]!.name;
    expect(cli(dir, "docs", "accept", event, "--reason", "x")).toMatchObject({
      code: 1,
      stderr: `${event} has no difference to accept; every difference is accepted already\n`,
    });
    const typo = `${event}s`;
    expect(cli(dir, "docs", "accept", typo, "--reason", "x")).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        `${typo} is neither an event of spec/events.yaml nor one its upstream documents name; did you mean ${event}?`,
      ),
    });
    expect(readFileSync(spec, "utf8")).toBe(before);
  });
});
