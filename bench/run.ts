/**
 * `npm run bench [-- --full] [-- --smoke]`: the figures issue targets are judged by, each with its
 * ratio to the peers measured in the same run. Prints a table and writes bench/results.json.
 * --full adds the 10,000-event generation (minutes); --only guards,dispatch,verification,check,generation
 * runs some parts; --smoke runs every part tiny, for the tests.
 */
import { spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Ajv2020 } from "ajv/dist/2020.js";
import OpenAI from "openai";
import { Webhook } from "standardwebhooks";
import { z } from "zod";
import { packageFiles } from "../generator/pipeline.js";
import { loadSpec } from "../generator/load.js";
import { buildModel, type CatalogueModel } from "../generator/model.js";
import { validateSpec } from "../generator/validate.js";
import * as pkg from "../generated/index.js";
import { awaited, measurer, median, report, row, rows, sync } from "./measure.js";
import { handWrittenGuard, zodOf } from "./peers.js";
import { syntheticOpenApi, syntheticSpec } from "./synthetic.js";

const { values: flags } = parseArgs({
  options: {
    full: { type: "boolean" },
    smoke: { type: "boolean" },
    only: { type: "string" },
    out: { type: "string", default: "bench/results.json" },
  },
});
const ONLY = flags.only?.split(",");
const wanted = (part: string) => ONLY === undefined || ONLY.includes(part);
const SMOKE = flags.smoke === true;
const ROUNDS = SMOKE ? 1 : 7;
const ROUND_MS = SMOKE ? 5 : 300;
const SIZES = SMOKE ? [15] : flags.full ? [15, 100, 1000, 10000] : [15, 100, 1000];

const scratch = mkdtempSync(join(tmpdir(), "wec-bench-"));
const { interleaved } = measurer(ROUNDS, ROUND_MS);

// --- Guards --------------------------------------------------------------------------------
async function guards(model: CatalogueModel) {
  const fixtures = Object.values(pkg.fixtures) as unknown[];
  const copies = (n: number, change?: (e: any) => void) =>
    Array.from({ length: n }, (_, i) => {
      const event = JSON.parse(JSON.stringify(fixtures[i % fixtures.length]));
      change?.(event);
      return event;
    });
  const valid = copies(SMOKE ? 30 : 3000);
  const invalid = copies(SMOKE ? 30 : 3000, (e) => (e.data = { id: 7, call_id: 7 }));

  const ajv = new Ajv2020({ discriminator: true, allowUnionTypes: true, strictNumbers: true }).compile(
    JSON.parse(readFileSync("generated/schemas/webhook-event.json", "utf8")),
  );
  const zod = z.discriminatedUnion(
    "type",
    model.events.map((e) => zodOf(e.shape)) as unknown as [z.ZodObject, ...z.ZodObject[]],
  );

  for (const [stream, items] of [
    ["valid", valid],
    ["invalid", invalid],
  ] as const) {
    const rates = await interleaved({
      hand: sync(items, handWrittenGuard),
      ours: sync(items, pkg.isWebhookEvent),
      ajv: sync(items, ajv),
      zod: sync(items, (v) => zod.safeParse(v).success),
      parse: sync(items, pkg.parseWebhookEvent),
    });
    const { hand, ours, ajv: ajvRate, zod: zodRate } = rates;
    const section = `guards, ${stream} payloads`;
    row(section, "hand-written guard (the limit)", hand, "events/s");
    row(section, "ajv, compiled, discriminator", ajvRate, "events/s");
    row(section, "zod", zodRate, "events/s");
    row(section, "isWebhookEvent", ours, "events/s", { to: "hand-written", of: hand, atLeast: 0.9 });
    row(section, "isWebhookEvent", ours, "events/s", { to: "ajv", of: ajvRate, atLeast: 1 });
    row(section, "isWebhookEvent", ours, "events/s", { to: "zod", of: zodRate, atLeast: 10 });
    if (stream === "valid") {
      // Within 1.5× of the guard: at least 1/1.5 of its throughput.
      row(section, "parseWebhookEvent", rates.parse, "events/s", {
        to: "isWebhookEvent",
        of: ours,
        atLeast: 0.67,
      });
    }
  }
}

// --- Dispatch: guards of a catalogue of N events, compiled in memory -----------------------
async function guardsOf(events: number): Promise<{ isWebhookEvent: (v: unknown) => boolean; examples: unknown[] }> {
  const file = join(scratch, `dispatch-${events}.yaml`);
  writeFileSync(file, syntheticSpec(events));
  const model = buildModel(validateSpec(loadSpec(file)), file);
  const dir = join(scratch, `dispatch-${events}`);
  for (const f of packageFiles(model).filter((f) => f.path.startsWith("dist/esm/"))) {
    const target = join(dir, f.path.slice("dist/esm/".length));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.contents);
  }
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }');
  const parse = await import(pathToFileURL(join(dir, "parse.js")).href);
  return { isWebhookEvent: parse.isWebhookEvent, examples: model.events.map((e) => e.example) };
}

async function dispatch() {
  const small = await guardsOf(15);
  const large = await guardsOf(SMOKE ? 40 : 1000);
  // The same 15 shapes of events in both streams, so only the size of the catalogue differs.
  const stream = (examples: unknown[]) =>
    Array.from({ length: SMOKE ? 30 : 3000 }, (_, i) => JSON.parse(JSON.stringify(examples[i % 15])));
  const { rate15, rateLarge } = await interleaved({
    rate15: sync(stream(small.examples), small.isWebhookEvent),
    rateLarge: sync(stream(large.examples), large.isWebhookEvent),
  });
  row("dispatch", "isWebhookEvent, 15-event catalogue", rate15, "events/s");
  row("dispatch", `isWebhookEvent, ${SMOKE ? 40 : 1000}-event catalogue`, rateLarge, "events/s", {
    to: "15-event",
    of: rate15,
    atLeast: 0.83,
  });
}

// --- Verification --------------------------------------------------------------------------
async function verification() {
  const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  const key = Buffer.from(secret.slice(6), "base64");
  const openai = new OpenAI({ apiKey: "unused", webhookSecret: secret });
  const sw = new Webhook(secret);
  for (const size of [1024, 100 * 1024]) {
    const event = { ...pkg.fixtures["batch.completed"], data: { id: "batch_abc", note: "x".repeat(size - 120) } };
    const signed = await pkg.signWebhookPayload(event, secret);
    const requests = Array.from({ length: SMOKE ? 3 : 50 }, () => signed);
    const label = `${Math.round(signed.body.length / 1024)} KB`;
    const { limit, ours, official, standard } = await interleaved({
      limit: sync(requests, (r: any) => {
        const mac = createHmac("sha256", key)
          .update(`${r.headers["webhook-id"]}.${r.headers["webhook-timestamp"]}.`)
          .update(r.body)
          .digest("base64");
        if (!r.headers["webhook-signature"].includes(mac)) throw new Error("bad");
        return JSON.parse(r.body);
      }),
      ours: awaited(requests, (r: any) => pkg.unwrapWebhookEvent(r.body, r.headers, secret)),
      official: awaited(requests, (r: any) => openai.webhooks.unwrap(r.body, r.headers)),
      standard: sync(requests, (r: any) => sw.verify(r.body, r.headers)),
    });
    const section = `verification, ${label} bodies`;
    row(section, "node:crypto HMAC + JSON.parse (the limit)", limit, "requests/s");
    row(section, "openai SDK webhooks.unwrap", official, "requests/s");
    row(section, "standardwebhooks verify", standard, "requests/s");
    row(section, "unwrapWebhookEvent", ours, "requests/s", {
      to: "best peer",
      of: Math.max(official, standard),
      atLeast: 1,
    });
    row(section, "unwrapWebhookEvent", ours, "requests/s", { to: "the limit", of: limit, atLeast: 0.5 });
  }
}

// --- Processes: check, generation, openapi-typescript --------------------------------------
function timed(args: string[], cwd = process.cwd()): { seconds: number; rssMiB: number; ok: boolean } {
  const start = performance.now();
  const result = spawnSync(
    process.execPath,
    ["--import", pathToFileURL(resolve("bench/report-rss.mjs")).href, ...args],
    { cwd, encoding: "utf8", maxBuffer: 1 << 26 },
  );
  const seconds = (performance.now() - start) / 1000;
  const rss = /BENCH_MAX_RSS_KB (\d+)/.exec(result.stderr ?? "");
  return { seconds, rssMiB: rss ? Number(rss[1]) / 1024 : NaN, ok: result.status === 0 };
}

function check() {
  const runs = SMOKE ? 1 : 7;
  const node = median(Array.from({ length: runs }, () => timed(["-e", "0"]).seconds));
  const ours = median(Array.from({ length: runs }, () => timed([resolve("scripts/generate.mjs"), "--check"]).seconds));
  row("check", "node -e 0", node * 1000, "ms");
  row("check", "generate --check, up to date", ours * 1000, "ms", { to: "node -e 0", of: node * 1000, atMost: 4 });
}

/** The targets per catalogue size: time against openapi-typescript, and peak memory. */
const GENERATION_TARGETS: Record<number, { ratio: number; mib?: number }> = {
  15: { ratio: 1 },
  100: { ratio: 1 },
  1000: { ratio: 1.5, mib: 1024 },
  10000: { ratio: 2, mib: 1536 },
};

function generation() {
  const perEvent: Record<number, number> = {};
  for (const size of SIZES) {
    const dir = join(scratch, `generation-${size}`);
    mkdirSync(join(dir, "spec"), { recursive: true });
    const spec = syntheticSpec(size);
    writeFileSync(join(dir, "spec/events.yaml"), spec);
    writeFileSync(join(dir, "openapi.yaml"), syntheticOpenApi(size));
    // Cold: no output folder, and an empty cache of its own (which this run fills).
    process.env.WEBHOOK_CODEGEN_CACHE = join(dir, "cache");
    const args = [resolve("scripts/generate.mjs"), "--spec", "spec/events.yaml", "--out", "out"];
    const ours = timed(args, dir);
    // Warm: one event's description edited, the cache and the output folder as the cold run left them.
    writeFileSync(
      join(dir, "spec/events.yaml"),
      spec.replace("description: Sent when", "description: Edited. Sent when"),
    );
    const warm = timed(args, dir);
    delete process.env.WEBHOOK_CODEGEN_CACHE;
    const oats = timed(
      [resolve("node_modules/openapi-typescript/bin/cli.js"), "openapi.yaml", "-o", "openapi.ts"],
      dir,
    );
    if (!ours.ok || !warm.ok || !oats.ok) throw new Error(`generation of ${size} events failed`);
    perEvent[size] = ours.seconds / size;
    const target = GENERATION_TARGETS[size] ?? { ratio: 1 };
    const section = `generation, ${size} events`;
    row(section, "openapi-typescript (types only)", oats.seconds, "s");
    row(section, "generate (types, guards, fixtures, schemas, docs, compiled)", ours.seconds, "s", {
      to: "openapi-typescript",
      of: oats.seconds,
      atMost: target.ratio,
    });
    row(section, "openapi-typescript peak memory", oats.rssMiB, "MiB");
    row(
      section,
      "generate peak memory",
      ours.rssMiB,
      "MiB",
      ...(target.mib ? [{ to: `${target.mib} MiB`, of: target.mib, atMost: 1 }] : []),
    );
    row(section, "generate again, one event edited (warm)", warm.seconds, "s", { to: "1 s", of: 1, atMost: 1 });
    rmSync(dir, { recursive: true, force: true });
  }
  const [a, b] = [SIZES.at(-2), SIZES.at(-1)];
  if (a !== undefined && b !== undefined)
    row("generation", `cost per event at ${b}`, perEvent[b]! * 1000, "ms", {
      to: `per event at ${a}`,
      of: perEvent[a]! * 1000,
      atMost: b === 10000 ? 1.2 : 1.5,
    });
}

// --- Run -----------------------------------------------------------------------------------
const model = buildModel(validateSpec(loadSpec("spec/events.yaml")), "spec/events.yaml");
try {
  if (wanted("guards")) await guards(model);
  if (wanted("dispatch")) await dispatch();
  if (wanted("verification")) await verification();
  if (wanted("check")) check();
  if (wanted("generation")) generation();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const header = `${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length}, Node ${process.version}, median of ${ROUNDS} rounds${SMOKE ? " (smoke run: figures mean nothing)" : ""}`;
console.log(report(header));
mkdirSync(dirname(flags.out!), { recursive: true });
writeFileSync(flags.out!, `${JSON.stringify({ machine: header, rows }, null, 2)}\n`);
