import { dirname, join, relative } from "node:path";
import { loadSpec } from "../load.js";
import { didYouMean } from "../suggest.js";
import type { Spec, UpstreamSpec } from "../spec.js";
import { validateSpec } from "../validate.js";
import type { Catalogue } from "./catalogue.js";
import { compareCatalogues, specCatalogue, type Difference } from "./compare.js";
import { readOpenApi } from "./openapi.js";
import { readReferencePage } from "./page.js";

export interface UpstreamResult {
  source: UpstreamSpec;
  /** Where the copy is, relative to the working directory. */
  file: string;
  catalogue: Catalogue;
  differences: Difference[];
  /** The differences no acceptance covers. */
  unaccepted: Difference[];
  /** Acceptances that no longer match a difference: upstream changed again, or the spec caught up. */
  stale: NonNullable<UpstreamSpec["accepted"]>;
}

export interface CheckResult {
  spec: Spec;
  specFile: string;
  results: UpstreamResult[];
  ok: boolean;
}

export function readUpstream(format: UpstreamSpec["format"], file: string): Catalogue {
  return format === "openapi" ? readOpenApi(file) : readReferencePage(file);
}

/** Compares the spec with every upstream document it names. */
export function checkUpstreams(specFile: string, only?: string): CheckResult {
  const loaded = loadSpec(specFile);
  const spec = validateSpec(loaded);
  const ours = specCatalogue(spec, loaded);
  const sources = (spec.upstream ?? []).filter((s) => only === undefined || s.name === only);
  if (only !== undefined && sources.length === 0) {
    throw new Error(
      `${specFile} names no upstream "${only}"${
        didYouMean(
          only,
          (spec.upstream ?? []).map((s) => s.name),
          (s) => `--from ${s}`,
        ) || ";"
      } it names: ${(spec.upstream ?? []).map((s) => s.name).join(", ") || "none"}`,
    );
  }
  const results = sources.map((source): UpstreamResult => {
    const file = relative(process.cwd(), join(dirname(specFile), source.file));
    const catalogue = readUpstream(source.format, file);
    const differences = compareCatalogues(ours, catalogue);
    const accepted = source.accepted ?? [];
    const covers = (d: Difference) =>
      accepted.some((a) => a.event === d.event && a.field === d.field && a.fingerprint === d.fingerprint);
    const stale = accepted.filter(
      (a) => !differences.some((d) => a.event === d.event && a.field === d.field && a.fingerprint === d.fingerprint),
    );
    return { source, file, catalogue, differences, unaccepted: differences.filter((d) => !covers(d)), stale };
  });
  return { spec, specFile, results, ok: results.every((r) => r.unaccepted.length === 0 && r.stale.length === 0) };
}

/** The report a reviewer reads: per upstream, its notes, then every difference with both sides and their lines. */
export function formatReport(check: CheckResult): string {
  const lines = [
    `${check.specFile} against ${check.results.length} upstream document${check.results.length === 1 ? "" : "s"}`,
  ];
  check.results.forEach((r) => {
    lines.push("", `${r.source.name} (${r.source.format}): ${r.file}, ${r.catalogue.events.length} events`);
    for (const note of r.catalogue.notes) lines.push(`  note: ${note}`);
    if (r.differences.length === 0) lines.push("  no differences");
    for (const d of r.differences) {
      const acceptance = r.source.accepted?.find(
        (a) => a.event === d.event && a.field === d.field && a.fingerprint === d.fingerprint,
      );
      lines.push(
        `  ${acceptance ? "accepted" : "DIFFERS "} ${d.event} ${describe(d)}  [${d.fingerprint}]${acceptance ? `: ${acceptance.reason}` : ""}`,
      );
      if (d.spec !== undefined || d.specLine !== undefined)
        lines.push(`      spec      ${show(d.spec)}${d.specLine ? `  ${check.specFile}:${d.specLine}` : ""}`);
      if (d.upstream !== undefined || d.upstreamLine !== undefined)
        lines.push(`      upstream  ${show(d.upstream)}${d.upstreamLine ? `  ${r.file}:${d.upstreamLine}` : ""}`);
    }
    const inSpec = new Set(check.spec.events.map((e) => e.name));
    for (const a of r.stale)
      lines.push(
        inSpec.has(a.event)
          ? `  STALE    ${a.event} ${a.field}  [${a.fingerprint}]: accepted, but upstream no longer says that; remove or renew the acceptance`
          : `  STALE    ${a.event} ${a.field}  [${a.fingerprint}]: accepted for an event the spec does not have${didYouMean(a.event, [...inSpec])}; remove this acceptance or correct its event`,
      );
    const accepted = r.differences.length - r.unaccepted.length;
    if (r.differences.length > 0 || r.stale.length > 0) {
      lines.push(
        `  ${r.differences.length} difference${r.differences.length === 1 ? "" : "s"}: ${accepted} accepted, ${r.unaccepted.length} to review` +
          (r.unaccepted.length > 0
            ? `; bring them in with docs sync --from ${r.source.name}, or keep the ones reviewed with docs accept <event> --reason TEXT`
            : ""),
      );
    }
  });
  const failing = check.results.reduce((n, r) => n + r.unaccepted.length + r.stale.length, 0);
  lines.push(
    "",
    failing === 0
      ? "OK: every difference is accepted."
      : `FAIL: ${failing} difference${failing === 1 ? "" : "s"} not accepted or stale.`,
  );
  return `${lines.join("\n")}\n`;
}

function describe(d: Difference): string {
  if (d.field === "(event)") return d.spec === undefined ? "is only upstream" : "is only in the spec";
  if (d.spec === undefined) return `${d.field}: only upstream`;
  if (d.upstream === undefined) return `${d.field}: only in the spec`;
  return `${d.field} differs`;
}

function show(value: unknown): string {
  if (value === undefined || value === "present") return "";
  const text = JSON.stringify(value);
  return text.length > 110 ? `${text.slice(0, 107)}...` : text;
}
