/**
 * Made-up strings and numbers for examples: values that meet every constraint several parts of a
 * shape put on one value (lengths, patterns, formats; bounds, multiples, integer formats). Each
 * candidate is checked against those constraints here, and the whole example against its shape by
 * the importer, so a value that does not fit is never written.
 */
import { stringsMatching } from "./regex-sample.js";

export interface StringLimits {
  minLength: number;
  maxLength: number;
  patterns: string[];
  formats: string[];
}

export interface NumberLimits {
  integer: boolean;
  minimum: number;
  maximum: number;
  exclusiveMinimum: number;
  exclusiveMaximum: number;
  multipleOf: number[];
  formats: string[];
}

const pad = (n: number) => "x".repeat(Math.max(0, n));
/**
 * Values of the formats ajv-formats knows (the ones documents use), a few of each, stretched to a
 * minimum length where the format allows it. Every one is valid in ajv-formats' "full" mode.
 */
const FORMATS: Record<string, (min: number) => string[]> = {
  "date-time": () => ["2024-01-02T03:04:05Z", "2024-01-02T03:04:06Z", "2024-01-02T03:04:05.123+01:00"],
  "iso-date-time": () => ["2024-01-02T03:04:05Z", "2024-01-02T03:04:06Z"],
  date: () => ["2024-01-02", "2024-01-03", "2024-01-04"],
  time: () => ["03:04:05Z", "03:04:06Z", "03:04:05.123+01:00"],
  "iso-time": () => ["03:04:05Z", "03:04:06Z"],
  duration: () => ["P1D", "PT1H", "P2D"],
  uri: (min) =>
    ["https://example.com/", "https://example.com/a", "https://example.com/b"].map((u) => u + pad(min - u.length)),
  url: (min) => ["https://example.com/", "https://example.com/a"].map((u) => u + pad(min - u.length)),
  "uri-reference": (min) => ["https://example.com/", "/a", "/b"].map((u) => u + pad(min - u.length)),
  iri: (min) => ["https://example.com/", "https://example.com/a"].map((u) => u + pad(min - u.length)),
  "iri-reference": (min) => ["https://example.com/", "/a"].map((u) => u + pad(min - u.length)),
  "uri-template": (min) => ["https://example.com/{id}", "/a/{id}"].map((u) => u + pad(min - u.length)),
  email: (min) => ["x", "y", "z"].map((l) => `${l}${pad(min - 13)}@example.com`),
  "idn-email": (min) => ["x", "y"].map((l) => `${l}${pad(min - 13)}@example.com`),
  hostname: (min) =>
    ["example.com", "a.example.com", "b.example.com"].map((h) =>
      min > h.length ? `${pad(Math.min(63, min - h.length - 1))}.${h}` : h,
    ),
  "idn-hostname": () => ["example.com", "a.example.com"],
  ipv4: () => ["192.0.2.1", "192.0.2.2", "192.0.2.3"],
  ipv6: () => ["2001:db8::1", "2001:db8::2", "2001:db8::3"],
  uuid: () => ["123e4567-e89b-12d3-a456-426614174000", "123e4567-e89b-12d3-a456-426614174001"],
  "json-pointer": () => ["/a", "/b", ""],
  "relative-json-pointer": () => ["0", "1", "0/a"],
  regex: () => ["^a$", "^b$"],
  byte: (min) => ["eA==", "eQ==", "eHh4"].map((b) => (min > b.length ? "eHh4".repeat(Math.ceil(min / 4)) : b)),
};

/** Up to `want` strings within the limits, or none when none could be made. */
export function stringsWithin(limits: StringLimits, want: number): string[] {
  const { minLength, maxLength, patterns, formats } = limits;
  const regexes = patterns.flatMap((p) => {
    try {
      return [new RegExp(p, "u")];
    } catch {
      return [];
    }
  });
  if (regexes.length < patterns.length) return [];
  const known = formats.filter((f) => FORMATS[f]);
  const sources: string[] = [];
  // A known format decides the candidates: other strings would not be of that format.
  if (known.length > 0) sources.push(...FORMATS[known[0]!]!(minLength));
  else {
    for (const pattern of patterns) sources.push(...stringsMatching(pattern, minLength, maxLength, want));
    const length = Math.max(1, minLength);
    // The empty string early: it is often what tells one branch of a union from another.
    sources.push(
      pad(length),
      "",
      ..."yzabcdefgh".split("").map((c) => c.repeat(length)),
      ...[1, 2].map((n) => pad(length) + n),
    );
  }
  const fits = (s: string) => {
    const length = [...s].length;
    return length >= minLength && length <= maxLength && regexes.every((r) => r.test(s));
  };
  return [...new Set(sources.filter(fits))].slice(0, want);
}

/** Up to `want` numbers within the limits, or none when none could be made. */
export function numbersWithin(limits: NumberLimits, want: number): number[] {
  let { minimum: low, maximum: high } = limits;
  const { exclusiveMinimum, exclusiveMaximum, multipleOf } = limits;
  const integer = limits.integer || limits.formats.some((f) => f === "int32" || f === "int64");
  if (limits.formats.includes("int32")) [low, high] = [Math.max(low, -(2 ** 31)), Math.min(high, 2 ** 31 - 1)];
  if (limits.formats.includes("int64"))
    [low, high] = [Math.max(low, Number.MIN_SAFE_INTEGER), Math.min(high, Number.MAX_SAFE_INTEGER)];
  const fits = (n: number) =>
    Number.isFinite(n) &&
    n >= low &&
    n <= high &&
    n > exclusiveMinimum &&
    n < exclusiveMaximum &&
    (!integer || Number.isInteger(n)) &&
    multipleOf.every((m) => Number.isInteger(n / m));
  const floor = Math.max(low, exclusiveMinimum);
  const ceiling = Math.min(high, exclusiveMaximum);
  const found = new Set<number>();
  const add = (n: number) => {
    const clean = Number(n.toPrecision(15));
    for (const v of [n, clean]) if (found.size < want && fits(v)) found.add(v);
  };
  // Steps of the first multiple (or of 1 for integers), from 0 or from the nearest bound inwards.
  const step = multipleOf[0] ?? (integer ? 1 : undefined);
  if (step !== undefined) {
    // From 0 outwards, from the lower bound up, from the upper bound down: whichever lies inside.
    const starts: [number, number][] = [
      [0, 1],
      [0, -1],
    ];
    if (Number.isFinite(floor)) starts.push([Math.ceil(floor / step), 1]);
    if (Number.isFinite(ceiling)) starts.push([Math.floor(ceiling / step), -1]);
    for (let k = 0; k < 1_000 && found.size < want; k++)
      for (const [start, direction] of starts) add((start + direction * k) * step);
  } else {
    for (const n of [
      0,
      1,
      -1,
      floor,
      floor + 1,
      ceiling,
      ceiling - 1,
      (floor + ceiling) / 2,
      floor + (ceiling - floor) / 4,
    ])
      add(n);
  }
  return [...found];
}
