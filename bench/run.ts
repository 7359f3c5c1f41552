/**
 * `npm run bench [-- --only PARTS] [-- --spec FILE] [-- --github FILE] [-- --samples N] [-- --full] [-- --smoke]`
 *
 * The figures issue targets are judged by, each with its ratio to the peers measured in the same
 * run. Prints a table and writes the same as JSON (bench/results.json; each row names its part).
 * Everything is derived from the catalogues it is given, so it runs unchanged on any of them: the
 * generator is driven only through its command line (`scripts/generate.mjs`, `scripts/import.ts`,
 * as `npm run generate` and `npm run import` run them), and a generated package is used only
 * through what it publishes (its package.json entry point, `fixtures`, `schemas/*.json`).
 *
 * Parts, in the order they run (`--only a,b,…`; all of them by default):
 *   guards           isWebhookEvent and parseWebhookEvent on every event of --spec (valid payloads, and
 *                    each made invalid at its last value), against a hand-style guard written from the
 *                    package's schemas (the limit), ajv compiled from them, and zod built from them
 *   verification     unwrapWebhookEvent on 1 KB and 100 KB signed bodies (any event's fixture of
 *                    --spec, lengthened), against node:crypto and the libraries of the spec's scheme
 *   check            `generate --check` on an up-to-date folder, against `node -e 0`
 *   nothing-changed  `generate` on an up-to-date folder (it must change no file), against `node -e 0`
 *   generation       cold `generate` (no output folder, so nothing to reuse) of synthetic catalogues of
 *                    15, 100 and 1,000 events (and 10,000 with --full), against openapi-typescript and
 *                    @hey-api/openapi-ts (types + zod) on the same catalogue as an OpenAPI document; peak
 *                    memory; the marginal cost per event between sizes
 *   github           GitHub's webhooks document (--github): `npm run import`, then cold `generate` of
 *                    the spec it writes, against openapi-typescript and @hey-api/openapi-ts on the
 *                    document; peak memory
 *   dispatch         isWebhookEvent over every event of a 15- and a 1,000-event synthetic catalogue
 *                    whose events all have shapes of their own, and of GitHub's catalogue (imported
 *                    from --github), each against the hand-style guard of the same catalogue (it uses
 *                    the packages the generation and github parts wrote, where they ran)
 *   edit             `generate` after one event of a 1,000-event catalogue is edited (its description;
 *                    its shape), the cache and output as the previous run left them, and the files that
 *                    then differ from a cold run of the same spec
 *   watch            `generate --watch` on 15 events: resident memory (VmRSS) at rest and after a save,
 *                    peak (VmHWM), and the time from a save to the regenerated output (Linux: /proc)
 *
 * In-process figures (guards, dispatch, verification) are the median of 7 interleaved rounds;
 * process figures are the median of --samples runs (5 by default), interleaved with their peers.
 * Every command's exit status is checked: one that fails stops the bench. --smoke runs every part
 * tiny (1 round, 1 sample, catalogues of a few events, a few of GitHub's events), for the tests:
 * its figures mean nothing.
 */
import { spawn } from "node:child_process";
import { createHmac, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { verify as verifyGitHub } from "@octokit/webhooks-methods";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import OpenAI from "openai";
import { Webhook } from "standardwebhooks";
import Stripe from "stripe";
import { parse, parseDocument } from "yaml";
import { awaited, measurer, median, part, report, row, rows, sync, type Candidate } from "./measure.js";
import { invalidFixtures, loadPackage, paddedEvent, streamOf, type GeneratedPackage } from "./package.js";
import { handWrittenGuard, zodGuard } from "./peers.js";
import { GENERATE, run, sampled, tree, treeDifferences, TSX } from "./processes.js";
import { syntheticOpenApi, syntheticSpec } from "./synthetic.js";

const PARTS = [
  "guards",
  "dispatch",
  "verification",
  "check",
  "nothing-changed",
  "generation",
  "github",
  "edit",
  "watch",
];
const { values: flags } = parseArgs({
  options: {
    full: { type: "boolean" },
    smoke: { type: "boolean" },
    only: { type: "string" },
    spec: { type: "string", default: "spec/events.yaml" },
    github: { type: "string", default: "node_modules/@octokit/openapi-webhooks/generated/api.github.com.json" },
    samples: { type: "string" },
    out: { type: "string", default: "bench/results.json" },
  },
});
const ONLY = flags.only?.split(",");
const unknownParts = ONLY?.filter((p) => !PARTS.includes(p)) ?? [];
if (unknownParts.length > 0) {
  console.error(`Unknown part(s): ${unknownParts.join(", ")}. Parts: ${PARTS.join(", ")}`);
  process.exit(2);
}
const wanted = (name: string) => ONLY === undefined || ONLY.includes(name);
const SMOKE = flags.smoke === true;
const ROUNDS = SMOKE ? 1 : 7;
const ROUND_MS = SMOKE ? 5 : 300;
const SAMPLES = SMOKE ? 1 : Number(flags.samples ?? 5);
if (!Number.isInteger(SAMPLES) || SAMPLES < 1) throw new Error("--samples must be a whole number ≥ 1");
const SIZES = SMOKE ? [3, 6] : flags.full ? [15, 100, 1000, 10000] : [15, 100, 1000];
const DISPATCH_SIZES = SMOKE ? [3, 6] : [15, 1000];
const EDIT_SIZE = SMOKE ? 3 : 1000;
const WATCH_SIZE = SMOKE ? 3 : 15;
/** Payloads per stream: each event at least this often in a stream of at least 3,000. */
const streamLength = (events: number) => (SMOKE ? events * 2 : Math.max(3000, 3 * events));
const MB = 1e6 / 2 ** 20; // MiB in a megabyte: targets are in MB (and GB), figures in MiB

const SPEC = resolve(flags.spec!);
const GITHUB = resolve(flags.github!);
const spec = parse(readFileSync(SPEC, "utf8")) as Record<string, any>;
const specLabel = `${flags.spec}: ${(spec.events as unknown[] | undefined)?.length ?? 0} events`;
const OATS = resolve("node_modules/openapi-typescript/bin/cli.js");
// What its bin (bin/run.js) starts in a second process: run directly, so its peak memory is measured
// (and it is spared one process start).
const HEY = resolve("node_modules/@hey-api/openapi-ts/dist/run.mjs");
const IMPORT = resolve("scripts/import.ts");

const scratch = mkdtempSync(join(tmpdir(), "wec-bench-"));
const { interleaved } = measurer(ROUNDS, ROUND_MS);
const fmt = (n: number) => n.toLocaleString("en-US");

// --- Generated packages, made once per run through the command line --------------------------

// A run reuses only what the output folder's manifest records (reuse.ts); cold runs have no folder.
const generate = (specFile: string, out: string, extra: string[] = []) =>
  run([GENERATE, "--spec", specFile, "--out", out, ...extra]);
const once = <T>(make: () => Promise<T>) => {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
};

/** --spec's package, written by `generate` into a folder of its own. */
const SPEC_DIR = join(scratch, "spec-package");
const specPackage = once(async () => {
  generate(SPEC, join(SPEC_DIR, "out"));
  return loadPackage(join(SPEC_DIR, "out"));
});

/** Synthetic catalogues' packages by size: generated here, or kept from the generation part's cold runs. */
const syntheticOutputs = new Map<number, string>();
const syntheticPackages = new Map<number, Promise<GeneratedPackage>>();
const syntheticPackage = (events: number) => {
  if (!syntheticPackages.has(events)) {
    let out = syntheticOutputs.get(events);
    if (!out) {
      const dir = join(scratch, `synthetic-${events}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "events.yaml"), syntheticSpec(events));
      generate(join(dir, "events.yaml"), (out = join(dir, "out")));
    }
    syntheticPackages.set(events, loadPackage(out));
  }
  return syntheticPackages.get(events)!;
};

/**
 * GitHub's document, or for --smoke a few of its webhooks with the components they reach (so the
 * import and generation are those of a small catalogue of GitHub's shapes).
 */
const githubDocument = once(async () => {
  if (!SMOKE) return GITHUB;
  const doc = JSON.parse(readFileSync(GITHUB, "utf8")) as Record<string, any>;
  const webhooks = Object.fromEntries(Object.entries(doc.webhooks as object).slice(0, 3));
  const kept = new Set<string>();
  const reach = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(reach);
    if (typeof value !== "object" || value === null) return;
    for (const [key, v] of Object.entries(value)) {
      if (key === "$ref" && typeof v === "string" && v.startsWith("#/components/") && !kept.has(v)) {
        kept.add(v);
        reach(
          v
            .slice(2)
            .split("/")
            .reduce((o: any, k) => o?.[k], doc),
        );
      } else reach(v);
    }
  };
  reach(webhooks);
  const components: Record<string, Record<string, unknown>> = {};
  for (const ref of kept) {
    const [, , kind, name] = ref.split("/") as [string, string, string, string];
    (components[kind] ??= {})[name] = doc.components[kind][name];
  }
  const file = join(scratch, "github-smoke.json");
  writeFileSync(file, JSON.stringify({ ...doc, webhooks, components }));
  return file;
});
/** `npm run import -- DOC --spec FILE --allow-loss` (GitHub's document has parts a spec cannot carry). */
const githubImport = (doc: string, specFile: string) =>
  run(["--import", TSX, IMPORT, doc, "--spec", specFile, "--allow-loss"]);
/** GitHub's catalogue as `npm run import` writes it, generated: the github part's, or made here. */
let githubOut: string | undefined;
const githubPackage = once(async () => {
  if (!githubOut) {
    const dir = join(scratch, "github-package");
    mkdirSync(dir, { recursive: true });
    githubImport(await githubDocument(), join(dir, "github.yaml"));
    generate(join(dir, "github.yaml"), join(dir, "out"));
    githubOut = join(dir, "out");
  }
  return loadPackage(githubOut);
});

// --- Peers, and the proof that they do the same work --------------------------------------------

type Judge = (v: unknown) => boolean;

/**
 * The payloads every judge gets right. The strict judges (the package's own functions, and the
 * hand-style guard written from the same schemas) must get every one right, or the bench stops:
 * the comparison would be wrong. A library that gets some wrong (ajv and zod read an own
 * `__proto__` key as a prototype) leaves those payloads out of every stream, or, where that would
 * leave a stream empty, is left out itself; the notes say so.
 */
function agreed(
  strict: Record<string, Judge>,
  lenient: Record<string, Judge>,
  valid: readonly unknown[],
  invalid: readonly unknown[],
): { valid: unknown[]; invalid: unknown[]; notes: { valid: string; invalid: string }; dropped: Set<string> } {
  const problems: string[] = [];
  for (const [name, judge] of Object.entries(strict)) {
    valid.forEach((v, i) => judge(v) || problems.push(`${name} refuses valid payload #${i}`));
    invalid.forEach((v, i) => judge(v) && problems.push(`${name} accepts invalid payload #${i}`));
  }
  if (problems.length > 0)
    throw new Error(`bench: the candidates do not do the same work:\n${problems.slice(0, 10).join("\n")}`);
  let kept = { valid: [...valid], invalid: [...invalid] };
  const wrong = { valid: new Set<string>(), invalid: new Set<string>() };
  const dropped = new Set<string>();
  for (const [name, judge] of Object.entries(lenient)) {
    const next = { valid: kept.valid.filter((v) => judge(v)), invalid: kept.invalid.filter((v) => !judge(v)) };
    if (next.valid.length === 0 || next.invalid.length === 0) {
      dropped.add(name);
      continue;
    }
    if (next.valid.length < kept.valid.length) wrong.valid.add(name);
    if (next.invalid.length < kept.invalid.length) wrong.invalid.add(name);
    kept = next;
  }
  const note = (stream: "valid" | "invalid") => {
    const left = (stream === "valid" ? valid : invalid).length - kept[stream].length;
    return [
      ...(left > 0 ? [`${left} left out, misjudged by ${[...wrong[stream]].join(" and ")}`] : []),
      ...[...dropped].map((name) => `${name} left out: it misjudges them all`),
    ]
      .map((n) => `; ${n}`)
      .join("");
  };
  return { ...kept, notes: { valid: note("valid"), invalid: note("invalid") }, dropped };
}

const skippedNote = (skipped: Set<string>) => (skipped.size > 0 ? `; skips ${[...skipped].join(", ")}` : "");

/**
 * parseWebhookEvent as the package documents it: the event itself, or, where a header names the
 * event (layout.name_header), its payload with the naming headers.
 */
function parseOf(pkg: GeneratedPackage, catalogue: Record<string, any>): Judge {
  const layout = catalogue.layout as { name_header?: string; id_header?: string } | undefined;
  if (!layout?.name_header) return (v) => pkg.api.parseWebhookEvent(v).ok === true;
  return (v) => {
    const e = v as { id?: string; name: string; payload: unknown };
    const headers: Record<string, string> = { [layout.name_header!]: e.name };
    if (layout.id_header && e.id !== undefined) headers[layout.id_header] = e.id;
    return pkg.api.parseWebhookEvent(e.payload, { headers }).ok === true;
  };
}

// --- guards -----------------------------------------------------------------------------------
/** --spec's package, or nothing (said on standard error) where it has no events to measure. */
async function specEvents(part: string) {
  const pkg = await specPackage();
  if (pkg.fixtures.length > 0) return pkg;
  console.error(`${part}: ${flags.spec} has no events; nothing to measure`);
  return undefined;
}

async function guards() {
  const pkg = await specEvents("guards");
  if (!pkg) return;
  const checkFormats = spec.options?.check_formats === true;
  const ours: Judge = pkg.api.isWebhookEvent;
  const hand = handWrittenGuard(pkg.schemas, checkFormats);
  const zod = zodGuard(pkg.schemas, checkFormats);
  const ajv = new Ajv2020({
    discriminator: true,
    allowUnionTypes: true,
    strictNumbers: true,
    strict: false,
    validateFormats: checkFormats,
  });
  if (checkFormats) addFormats.default(ajv);
  const forAjv = pkg.schemas.forAjv();
  for (const doc of forAjv.documents) ajv.addSchema(doc);
  const ajvGuard = ajv.compile(forAjv.root) as Judge;
  const parseGuard = parseOf(pkg, spec);

  const made = invalidFixtures(pkg.fixtures, [ours, hand.value]);
  if (made.length === 0) throw new Error("bench: no fixture of --spec could be made invalid");
  const { valid, invalid, notes, dropped } = agreed(
    { isWebhookEvent: ours, "hand-style guard": hand.value, parseWebhookEvent: parseGuard },
    { ajv: ajvGuard, zod: zod.value },
    pkg.fixtures,
    made,
  );

  for (const [stream, items] of [
    ["valid", streamOf(valid, streamLength(valid.length))],
    ["invalid", streamOf(invalid, streamLength(invalid.length))],
  ] as const) {
    const peers: Record<string, Judge> = { ajv: ajvGuard, zod: zod.value };
    for (const name of dropped) delete peers[name];
    const rates: Record<string, number> = await interleaved({
      hand: sync(items, hand.value),
      ours: sync(items, ours),
      parse: sync(items, parseGuard),
      ...Object.fromEntries(Object.entries(peers).map(([name, judge]) => [name, sync(items, judge)])),
    });
    const section =
      stream === "valid"
        ? `guards, valid payloads (${specLabel}${notes.valid})`
        : `guards, invalid payloads (${invalid.length} events, each with its last value of another type${notes.invalid})`;
    row(
      section,
      `hand-style guard from the package's schemas (the limit${skippedNote(hand.skipped)})`,
      rates.hand!,
      "events/s",
    );
    if (peers.ajv) row(section, "ajv, compiled from the package's schemas", rates.ajv!, "events/s");
    if (peers.zod) row(section, `zod (${zod.how}${skippedNote(zod.skipped)})`, rates.zod!, "events/s");
    row(section, "isWebhookEvent", rates.ours!, "events/s", { to: "hand-style", of: rates.hand!, atLeast: 0.9 });
    if (peers.ajv) row(section, "isWebhookEvent", rates.ours!, "events/s", { to: "ajv", of: rates.ajv!, atLeast: 2 });
    if (peers.zod) row(section, "isWebhookEvent", rates.ours!, "events/s", { to: "zod", of: rates.zod!, atLeast: 10 });
    if (stream === "valid")
      // Within 1.5× of the guard: at least 1/1.5 of its throughput.
      row(section, "parseWebhookEvent", rates.parse!, "events/s", {
        to: "isWebhookEvent",
        of: rates.ours!,
        atLeast: 0.67,
      });
  }
}

// --- dispatch ---------------------------------------------------------------------------------
async function dispatch() {
  const cases: { key: string; label: string; pkg: GeneratedPackage }[] = [];
  for (const size of DISPATCH_SIZES)
    cases.push({ key: `s${size}`, label: `${fmt(size)}-event synthetic catalogue`, pkg: await syntheticPackage(size) });
  const github = await githubPackage();
  cases.push({ key: "github", label: `GitHub's catalogue (${github.fixtures.length} events)`, pkg: github });

  const candidates: Record<string, Candidate> = {};
  for (const c of cases) {
    const hand = handWrittenGuard(c.pkg.schemas);
    const invalid = invalidFixtures(c.pkg.fixtures, [c.pkg.api.isWebhookEvent, hand.value]);
    agreed({ isWebhookEvent: c.pkg.api.isWebhookEvent, "hand-style guard": hand.value }, {}, c.pkg.fixtures, invalid);
    const stream = streamOf(c.pkg.fixtures, streamLength(c.pkg.fixtures.length));
    candidates[`ours-${c.key}`] = sync(stream, c.pkg.api.isWebhookEvent);
    candidates[`hand-${c.key}`] = sync(stream, hand.value);
  }
  const rates = await interleaved(candidates);
  const section = "dispatch, valid payloads of every event of the catalogue, shuffled";
  const [first, ...rest] = cases;
  for (const c of cases) {
    const ours = rates[`ours-${c.key}`]!;
    row(section, `hand-style guard, ${c.label}`, rates[`hand-${c.key}`]!, "events/s");
    row(section, `isWebhookEvent, ${c.label}`, ours, "events/s", { to: "hand-style", of: rates[`hand-${c.key}`]! });
    if (c !== first && rest.length > 0 && c.key.startsWith("s"))
      row(section, `isWebhookEvent, ${c.label}`, ours, "events/s", {
        to: `the ${fmt(DISPATCH_SIZES[0]!)}-event one`,
        of: rates[`ours-${first!.key}`]!,
        atLeast: 0.83,
      });
  }
}

// --- verification -----------------------------------------------------------------------------
async function verification() {
  const signing = spec.signing as { scheme: string; header?: string; prefix?: string } | undefined;
  if (!signing) {
    console.error(`verification: ${flags.spec} has no signing; nothing to measure`);
    return;
  }
  const pkg = await specEvents("verification");
  if (!pkg) return;
  const secret =
    signing.scheme === "standard-webhooks" ? `whsec_${Buffer.alloc(32, 7).toString("base64")}` : "bench-webhook-secret";
  const key = signing.scheme === "standard-webhooks" ? Buffer.from(secret.slice(6), "base64") : Buffer.from(secret);
  const sign = (event: unknown) =>
    pkg.api.signWebhookPayload(event, secret) as Promise<{ body: string; headers: Record<string, string> }>;
  const header = (headers: Record<string, string>, name: string) =>
    Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1] ?? "";

  // The peers of the spec's scheme: libraries that verify the same requests.
  type Peer = { name: string; candidate: (requests: unknown[]) => Candidate };
  const peers: Peer[] = [];
  if (signing.scheme === "standard-webhooks") {
    const sw = new Webhook(secret);
    const openai = new OpenAI({ apiKey: "unused", webhookSecret: secret });
    peers.push(
      { name: "standardwebhooks verify", candidate: (rs) => sync(rs, (r: any) => sw.verify(r.body, r.headers)) },
      {
        name: "openai SDK webhooks.unwrap (Standard Webhooks)",
        candidate: (rs) => awaited(rs, (r: any) => openai.webhooks.unwrap(r.body, r.headers)),
      },
    );
  } else if (signing.scheme === "hmac-sha256" && signing.prefix === "sha256=") {
    peers.push({
      name: "@octokit/webhooks-methods verify + JSON.parse",
      candidate: (rs) =>
        awaited(rs, async (r: any) => {
          if (!(await verifyGitHub(secret, r.body, header(r.headers, signing.header!))))
            throw new Error("bad signature");
          return JSON.parse(r.body);
        }),
    });
  } else if (signing.scheme === "timestamped-hmac-sha256") {
    const stripe = new Stripe("sk_test_unused");
    peers.push({
      name: "stripe SDK webhooks.constructEvent",
      candidate: (rs) =>
        sync(rs, (r: any) => stripe.webhooks.constructEvent(r.body, header(r.headers, signing.header!), secret)),
    });
  }

  for (const size of [1024, 100 * 1024]) {
    const event = await paddedEvent(pkg, size, sign);
    const signed = await sign(event);
    await pkg.api.unwrapWebhookEvent(signed.body, signed.headers, secret); // throws if it does not verify
    const requests = Array.from({ length: SMOKE ? 3 : 50 }, () => signed);
    const digest = createHmac("sha256", key).update(signed.body).digest();
    const candidates: Record<string, Candidate> = {
      // The least any HMAC-SHA256 scheme does: one HMAC over the body, a comparison, JSON.parse.
      limit: sync(requests, (r: any) => {
        if (!timingSafeEqual(createHmac("sha256", key).update(r.body).digest(), digest)) throw new Error("bad");
        return JSON.parse(r.body);
      }),
      ours: awaited(requests, (r: any) => pkg.api.unwrapWebhookEvent(r.body, r.headers, secret)),
    };
    for (const [i, peer] of peers.entries()) {
      candidates[`peer${i}`] = peer.candidate(requests);
      await candidates[`peer${i}`]!.pass(); // throws if the peer does not verify the request
    }
    const rates = await interleaved(candidates);
    const section = `verification, ${Math.round(signed.body.length / 1024)} KB bodies (${signing.scheme})`;
    row(section, "node:crypto HMAC-SHA256 of the body + JSON.parse (the limit)", rates.limit!, "requests/s");
    peers.forEach((peer, i) => row(section, peer.name, rates[`peer${i}`]!, "requests/s"));
    if (peers.length > 0)
      row(section, "unwrapWebhookEvent", rates.ours!, "requests/s", {
        to: "best peer",
        of: Math.max(...peers.map((_, i) => rates[`peer${i}`]!)),
        atLeast: 1,
      });
    row(section, "unwrapWebhookEvent", rates.ours!, "requests/s", { to: "the limit", of: rates.limit!, atLeast: 0.5 });
  }
}

// --- check, nothing-changed -------------------------------------------------------------------
const nodeStart = () => ({ run: () => run(["-e", "0"]) });

async function check() {
  await specPackage();
  const out = join(SPEC_DIR, "out");
  const r = sampled(SAMPLES, {
    node: nodeStart(),
    check: { run: () => generate(SPEC, out, ["--check"]) },
  });
  const section = `check, up to date (${specLabel})`;
  row(section, "node -e 0", r.node.seconds * 1000, "ms");
  row(section, "generate --check", r.check.seconds * 1000, "ms", {
    to: "node -e 0",
    of: r.node.seconds * 1000,
    atMost: 4,
  });
}

async function nothingChanged() {
  await specPackage();
  const out = join(SPEC_DIR, "out");
  const before = tree(out);
  const r = sampled(SAMPLES, { node: nodeStart(), again: { run: () => generate(SPEC, out) } });
  const changed = treeDifferences(before, tree(out));
  if (changed.length > 0) throw new Error(`bench: generate on an up-to-date folder changed ${changed.join(", ")}`);
  const section = `nothing changed: generate on an up-to-date folder (${specLabel})`;
  row(section, "node -e 0", r.node.seconds * 1000, "ms");
  row(section, "generate (changes no file)", r.again.seconds * 1000, "ms", { limit: "0.3 s", atMost: 300 });
  row(section, "generate (changes no file)", r.again.seconds * 1000, "ms", {
    to: "node -e 0",
    of: r.node.seconds * 1000,
  });
}

// --- generation -------------------------------------------------------------------------------
/** Issue 18's targets per size: time against openapi-typescript; memory against it, or in MB. */
const GENERATION_TARGETS: Record<number, { ratio: number; rssRatio?: number; mb?: number }> = {
  15: { ratio: 1 },
  100: { ratio: 1 },
  1000: { ratio: 1, rssRatio: 1.5 },
  10000: { ratio: 1.5, mb: 1000 },
};

/** Cold runs of ours and the two peers on one catalogue, interleaved; `ours` writes to `out`. */
function coldRuns(dir: string, specFile: string, openapi: string) {
  const out = join(dir, "out");
  return sampled(SAMPLES, {
    ours: {
      prepare: () => rmSync(out, { recursive: true, force: true }),
      run: () => generate(specFile, out),
    },
    oats: { run: () => run([OATS, openapi, "-o", join(dir, "openapi-typescript.ts")]) },
    hey: {
      prepare: () => rmSync(join(dir, "hey-api"), { recursive: true, force: true }),
      run: () =>
        run([
          HEY,
          "-i",
          openapi,
          "-o",
          join(dir, "hey-api"),
          "-p",
          "@hey-api/typescript",
          "zod",
          "--silent",
          "--no-log-file",
        ]),
    },
  });
}

function coldRows(
  section: string,
  r: ReturnType<typeof coldRuns>,
  files: number,
  target: { ratio?: number; rssRatio?: number; mb?: number },
) {
  row(section, "openapi-typescript (types only)", r.oats.seconds, "s");
  row(section, "@hey-api/openapi-ts (types + zod schemas)", r.hey.seconds, "s");
  row(section, "generate (types, guards, fixtures, schemas, docs, dist)", r.ours.seconds, "s", {
    to: "openapi-typescript",
    of: r.oats.seconds,
    atMost: target.ratio,
  });
  row(section, "generate", r.ours.seconds, "s", { to: "@hey-api/openapi-ts", of: r.hey.seconds });
  row(section, "openapi-typescript peak memory", r.oats.rssMiB, "MiB");
  row(section, "@hey-api/openapi-ts peak memory", r.hey.rssMiB, "MiB");
  row(section, "generate peak memory", r.ours.rssMiB, "MiB", {
    to: "openapi-typescript",
    of: r.oats.rssMiB,
    atMost: target.rssRatio,
  });
  if (target.mb)
    row(section, "generate peak memory", r.ours.rssMiB, "MiB", {
      limit: `${fmt(target.mb)} MB`,
      atMost: target.mb * MB,
    });
}

function generation() {
  const measured: { size: number; seconds: number; rssMiB: number }[] = [];
  for (const size of SIZES) {
    const dir = join(scratch, `generation-${size}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "events.yaml"), syntheticSpec(size));
    writeFileSync(join(dir, "openapi.yaml"), syntheticOpenApi(size));
    const r = coldRuns(dir, join(dir, "events.yaml"), join(dir, "openapi.yaml"));
    coldRows(
      `generation, ${fmt(size)} events, cold (median of ${SAMPLES})`,
      r,
      tree(join(dir, "out")).size,
      GENERATION_TARGETS[size] ?? {},
    );
    measured.push({ size, seconds: r.ours.seconds, rssMiB: r.ours.rssMiB });
    // The dispatch part uses this size's output as it is (one generation fewer), or it goes.
    if (DISPATCH_SIZES.includes(size)) syntheticOutputs.set(size, join(dir, "out"));
    else rmSync(dir, { recursive: true, force: true });
  }
  // The cost of one more event: the difference between two sizes over the events between them, so
  // the fixed start-up cost is not spread over the events. Each step against the one before.
  const section = "generation, marginal cost per event between sizes";
  for (let i = 1; i < measured.length; i++) {
    const [a, b] = [measured[i - 1]!, measured[i]!];
    const step = `${fmt(a.size)} → ${fmt(b.size)}`;
    const time = ((b.seconds - a.seconds) / (b.size - a.size)) * 1000;
    const memory = ((b.rssMiB - a.rssMiB) / (b.size - a.size)) * 1024;
    const previous = i > 1 ? measured[i - 2]! : undefined;
    const target = b.size >= 1000 ? 1.2 : undefined;
    const before = previous && {
      time: ((a.seconds - previous.seconds) / (a.size - previous.size)) * 1000,
      memory: ((a.rssMiB - previous.rssMiB) / (a.size - previous.size)) * 1024,
      step: `${fmt(previous.size)} → ${fmt(a.size)}`,
    };
    row(
      section,
      `time per event, ${step}`,
      time,
      "ms",
      before && { to: `per event ${before.step}`, of: before.time, atMost: target },
    );
    row(
      section,
      `peak memory per event, ${step}`,
      memory,
      "KiB",
      before && { to: `per event ${before.step}`, of: before.memory, atMost: target },
    );
  }
}

// --- github -----------------------------------------------------------------------------------
async function github() {
  const doc = await githubDocument();
  const dir = join(scratch, "github");
  mkdirSync(dir, { recursive: true });
  const specOf = (s: number) => join(dir, `github-${s}.yaml`);
  let lastImport = "";
  const imported = sampled(SAMPLES, {
    import: {
      prepare: (s) => rmSync(specOf(s), { force: true }),
      run: (s) => {
        const r = githubImport(doc, specOf(s));
        lastImport = r.stderr;
        return r;
      },
    },
  });
  const specText = readFileSync(specOf(0), "utf8");
  for (let s = 1; s < SAMPLES; s++)
    if (readFileSync(specOf(s), "utf8") !== specText) throw new Error("bench: two imports of one document differ");
  const events = (parse(specText) as { events: unknown[] }).events.length;
  const losses = (lastImport.match(/^lost: /gm) ?? []).length;
  const r = coldRuns(dir, specOf(0), doc);
  githubOut = join(dir, "out");
  const section = `GitHub's webhooks document${SMOKE ? " (3 of its webhooks)" : ""}: ${events} events, ${losses} part(s) left out (median of ${SAMPLES})`;
  row(section, "npm run import -- --allow-loss", imported.import.seconds, "s");
  row(section, "npm run import peak memory", imported.import.rssMiB, "MiB");
  coldRows(section, r, tree(githubOut).size, { ratio: 2 });
  row(section, "generate peak memory", r.ours.rssMiB, "MiB", { limit: "400 MB", atMost: 400 * MB });
}

// --- edit -------------------------------------------------------------------------------------
function edit() {
  const dir = join(scratch, "edit");
  mkdirSync(dir, { recursive: true });
  const specFile = join(dir, "events.yaml");
  const out = join(dir, "out");
  writeFileSync(specFile, syntheticSpec(EDIT_SIZE));
  generate(specFile, out);
  // Each sample edits another event, so every run has a change to make.
  const editOne = (change: (doc: ReturnType<typeof parseDocument>, event: number, sample: number) => void) =>
    sampled(SAMPLES, {
      warm: {
        prepare: (s) => {
          const doc = parseDocument(readFileSync(specFile, "utf8"));
          change(doc, (s * 7919 + 1) % EDIT_SIZE, s);
          writeFileSync(specFile, doc.toString());
        },
        run: () => generate(specFile, out),
      },
    }).warm;
  const description = editOne((doc, event, s) =>
    doc.setIn(
      ["events", event, "description"],
      `Edited (${s}): ${String(doc.getIn(["events", event, "description"]))}`,
    ),
  );
  const shape = editOne((doc, event, s) =>
    doc.setIn(
      ["events", event, "data", "properties", `edited_${s}`],
      doc.createNode({ type: "string", description: "Added by the bench." }),
    ),
  );
  // The warm output must be the bytes a cold run of the same spec writes (from a copy of the spec
  // at the same place relative to its output, which the generated files name).
  const cold = join(scratch, "edit-cold");
  mkdirSync(cold, { recursive: true });
  writeFileSync(join(cold, "events.yaml"), readFileSync(specFile));
  generate(join(cold, "events.yaml"), join(cold, "out"));
  const differing = treeDifferences(tree(join(cold, "out")), tree(out));
  const section = `one event edited, ${fmt(EDIT_SIZE)} events (cache and output as the run before left them; median of ${SAMPLES})`;
  row(section, "generate after one event's description is edited", description.seconds, "s", {
    limit: "0.3 s",
    atMost: 0.3,
  });
  row(section, "generate after one event's shape gains a field", shape.seconds, "s", { limit: "0.3 s", atMost: 0.3 });
  row(section, "files that differ from a cold run of the edited spec", differing.length, "files", {
    limit: "0 (identical bytes)",
    atMost: 0,
  });
}

// --- watch ------------------------------------------------------------------------------------
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resident memory of a process and the processes it started, from /proc, MiB; and its own peak. */
function memoryOf(pid: number): { rssMiB: number; hwmMiB: number } {
  const status = (p: number) => readFileSync(`/proc/${p}/status`, "utf8");
  const kb = (text: string, key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? NaN);
  const descendants = (p: number): number[] => {
    const children: number[] = [];
    try {
      for (const task of readdirTasks(p))
        children.push(
          ...readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
        );
    } catch {
      // Gone meanwhile, or no children file on this kernel: the process alone.
    }
    return children.flatMap((c) => [c, ...descendants(c)]);
  };
  const own = status(pid);
  let rss = kb(own, "VmRSS");
  for (const child of descendants(pid)) {
    try {
      rss += kb(status(child), "VmRSS");
    } catch {
      // Ended meanwhile.
    }
  }
  return { rssMiB: rss / 1024, hwmMiB: kb(own, "VmHWM") / 1024 };
}
const readdirTasks = (pid: number) => (existsSync(`/proc/${pid}/task`) ? readdirSync(`/proc/${pid}/task`) : []);

async function watch() {
  if (!existsSync("/proc/self/status")) throw new Error("bench: the watch part reads /proc (Linux)");
  const dir = join(scratch, "watch");
  mkdirSync(dir, { recursive: true });
  const specFile = join(dir, "events.yaml");
  const out = join(dir, "out");
  writeFileSync(specFile, syntheticSpec(WATCH_SIZE));
  const child = spawn(process.execPath, [GENERATE, "--watch", "--json", "--spec", specFile, "--out", out], {
    env: process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let exit: number | string | null | undefined;
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<void>((r) => child.on("exit", (code, signal) => ((exit = code ?? signal), r())));
  // One line of JSON per run (--json); each must say ok.
  const outcomes = () =>
    stdout
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as { ok: boolean });
  const waitForRun = async (count: number) => {
    const deadline = Date.now() + 15 * 60_000;
    while (outcomes().length < count) {
      if (exit !== undefined) throw new Error(`bench: generate --watch exited (${exit}):\n${stderr.slice(-2000)}`);
      if (Date.now() > deadline) throw new Error(`bench: generate --watch did not regenerate:\n${stderr.slice(-2000)}`);
      await sleep(20);
    }
    if (!outcomes().every((o) => o.ok)) throw new Error(`bench: generate --watch failed a run:\n${stdout}\n${stderr}`);
  };
  const settled = async () => {
    await sleep(SMOKE ? 200 : 1000);
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      samples.push(memoryOf(child.pid!).rssMiB);
      await sleep(SMOKE ? 10 : 200);
    }
    return median(samples);
  };
  try {
    await waitForRun(1);
    const atRest = await settled();
    const saves: number[] = [];
    let afterSave = NaN;
    for (let s = 0; s < (SMOKE ? 1 : SAMPLES); s++) {
      const marker = `Saved by the bench (${s}).`;
      const doc = parseDocument(readFileSync(specFile, "utf8"));
      doc.setIn(["events", s % WATCH_SIZE, "description"], marker);
      const started = performance.now();
      writeFileSync(specFile, doc.toString());
      await waitForRun(s + 2);
      saves.push((performance.now() - started) / 1000);
      if (![...tree(out).keys()].some((f) => readFileSync(join(out, f), "utf8").includes(marker)))
        throw new Error("bench: generate --watch ran after the save but its output does not have the edit");
      afterSave = await settled();
    }
    const peak = memoryOf(child.pid!).hwmMiB;
    const section = `--watch, ${WATCH_SIZE} events (resident memory from /proc; ${saves.length} save(s))`;
    row(section, "resident at rest, after the first run", atRest, "MiB", { limit: "100 MB", atMost: 100 * MB });
    row(section, "resident after a save", afterSave, "MiB", { limit: "100 MB", atMost: 100 * MB });
    row(section, "peak resident (VmHWM)", peak, "MiB");
    row(section, "from a save to the regenerated output", median(saves), "s");
  } finally {
    if (exit === undefined) child.kill("SIGTERM");
    await exited;
  }
  // It stops cleanly on SIGTERM: anything else is a crash.
  if (exit !== 0)
    throw new Error(`bench: generate --watch ended with ${exit}, not 0, on SIGTERM:\n${stderr.slice(-2000)}`);
}

// --- Run --------------------------------------------------------------------------------------
const steps: [string, () => unknown][] = [
  ["guards", guards],
  ["verification", verification],
  ["check", check],
  ["nothing-changed", nothingChanged],
  ["generation", generation],
  ["github", github],
  // After generation and github, whose outputs it uses where they ran.
  ["dispatch", dispatch],
  ["edit", edit],
  ["watch", watch],
];
try {
  for (const [name, step] of steps) {
    if (!wanted(name)) continue;
    part(name);
    const started = performance.now();
    await step();
    console.error(`bench: ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const header = `${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length}, Node ${process.version}; in-process figures: median of ${ROUNDS} interleaved rounds; commands: median of ${SAMPLES} sample(s)${SMOKE ? " (smoke run: figures mean nothing)" : ""}`;
console.log(report(header));
mkdirSync(dirname(flags.out!), { recursive: true });
writeFileSync(flags.out!, `${JSON.stringify({ machine: header, parts: ONLY ?? PARTS, rows }, null, 2)}\n`);
