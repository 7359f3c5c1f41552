/**
 * Strings that match a `pattern`, for made-up examples: a small generator for the regular
 * expressions documents write (literals, escapes, classes, groups, alternation, quantifiers,
 * anchors). Lookarounds, backreferences and word boundaries are not generated from; every string
 * is checked with the pattern itself (`RegExp`, as JSON Schema reads it, with the `u` flag), so a
 * wrong guess is never returned, and a pattern nothing here matches yields no string (the caller
 * lists the event as a loss).
 */

type Ranges = [number, number][];
type Atom =
  { kind: "set"; ranges: Ranges; negated: boolean } | { kind: "group"; options: Term[][] } | { kind: "anchor" };
interface Term {
  atom: Atom;
  min: number;
  max: number;
}

class Unsupported extends Error {}

const DIGIT: Ranges = [[48, 57]];
const WORD: Ranges = [
  [97, 122],
  [65, 90],
  [48, 57],
  [95, 95],
];
const SPACE: Ranges = [
  [32, 32],
  [9, 13],
];
const ESCAPES: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13, "0": 0 };
// Characters tried, in order, for a negated class or `.`: plain ones first.
const PREFERRED = [..."abcxyz0123456789ABCXYZ_-.:/ "].map((c) => c.codePointAt(0)!);

/** Up to `want` distinct strings that match `pattern` with a length in [minLength, maxLength]. */
export function stringsMatching(pattern: string, minLength = 0, maxLength = Infinity, want = 8): string[] {
  let regex: RegExp;
  let options: Term[][];
  try {
    regex = new RegExp(pattern, "u");
    options = parse(pattern);
  } catch {
    return [];
  }
  const found = new Set<string>();
  const fitsLength = (s: string) => [...s].length >= minLength && [...s].length <= maxLength;
  for (const extra of [0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 128]) {
    for (let variant = 0; variant < 4 && found.size < want; variant++) {
      let core: string;
      try {
        core = generate(options, extra, seeded(variant));
      } catch {
        return [...found];
      }
      const short = Math.max(0, minLength - [...core].length);
      // An unanchored pattern matches inside a longer string: padding reaches a minimum length.
      for (const s of [core, core + "x".repeat(short), "x".repeat(short) + core])
        if (found.size < want && fitsLength(s) && regex.test(s)) found.add(s);
    }
    if (found.size >= want) break;
  }
  return [...found];
}

/** A choice function: variant 0 always takes the first (shortest, plainest) option. */
function seeded(variant: number): (n: number) => number {
  let state = variant * 2654435761;
  return (n) => {
    if (variant === 0) return 0;
    state = (state * 1103515245 + 12345) >>> 0;
    return (state >>> 16) % n;
  };
}

function generate(options: Term[][], extra: number, choose: (n: number) => number): string {
  const terms = options[choose(options.length)]!;
  let out = "";
  for (const { atom, min, max } of terms) {
    const count = Math.min(max, min + extra);
    for (let i = 0; i < count; i++) {
      if (atom.kind === "group") out += generate(atom.options, extra, choose);
      else if (atom.kind === "set") out += String.fromCodePoint(pick(atom, choose));
    }
  }
  return out;
}

function pick(set: { ranges: Ranges; negated: boolean }, choose: (n: number) => number): number {
  const inSet = (c: number) => set.ranges.some(([lo, hi]) => c >= lo && c <= hi);
  if (set.negated) {
    const pool = PREFERRED.filter((c) => !inSet(c));
    if (pool.length === 0) throw new Unsupported();
    return pool[choose(pool.length)]!;
  }
  // Within the set, plain characters first (a letter rather than a control character).
  const pool = PREFERRED.filter(inSet);
  if (pool.length > 0) return pool[choose(pool.length)]!;
  const [lo, hi] = set.ranges[choose(set.ranges.length)]!;
  return lo + choose(Math.min(hi - lo + 1, 64));
}

/** The pattern as alternatives of terms; throws on what is not generated from. */
function parse(pattern: string): Term[][] {
  let i = 0;
  const peek = () => pattern[i];
  const alternatives = (): Term[][] => {
    const options: Term[][] = [[]];
    while (i < pattern.length && peek() !== ")") {
      if (peek() === "|") {
        i++;
        options.push([]);
        continue;
      }
      const atom = parseAtom();
      const [min, max] = quantifier();
      options.at(-1)!.push({ atom, min, max });
    }
    return options;
  };
  const parseAtom = (): Atom => {
    const code = pattern.codePointAt(i)!;
    const c = String.fromCodePoint(code);
    i += c.length;
    if (c === "^" || c === "$") return { kind: "anchor" };
    if (c === ".")
      return {
        kind: "set",
        ranges: [
          [10, 10],
          [13, 13],
        ],
        negated: true,
      };
    if (c === "(") {
      if (peek() === "?") {
        const kind = pattern.slice(i, i + 3);
        if (kind.startsWith("?:")) i += 2;
        else if (kind.startsWith("?<") && kind[2] !== "=" && kind[2] !== "!") i = pattern.indexOf(">", i) + 1;
        else throw new Unsupported();
      }
      const options = alternatives();
      if (pattern[i++] !== ")") throw new Unsupported();
      return { kind: "group", options };
    }
    if (c === "[") return parseClass();
    if (c === "\\") return escape(false);
    if ("*+?".includes(c)) throw new Unsupported();
    return { kind: "set", ranges: [[code, code]], negated: false };
  };
  const escape = (inClass: boolean): Atom => {
    const c = pattern[i++]!;
    const set = (ranges: Ranges, negated = false): Atom => ({ kind: "set", ranges, negated });
    if (c === "d" || c === "D") return set(DIGIT, c === "D");
    if (c === "w" || c === "W") return set(WORD, c === "W");
    if (c === "s" || c === "S") return set(SPACE, c === "S");
    if (c in ESCAPES) return set([[ESCAPES[c]!, ESCAPES[c]!]]);
    if (c === "b" && inClass) return set([[8, 8]]);
    if (c === "x" || c === "u") {
      const braced = c === "u" && peek() === "{";
      const hex = braced ? pattern.slice(i + 1, pattern.indexOf("}", i)) : pattern.slice(i, i + (c === "x" ? 2 : 4));
      i += hex.length + (braced ? 2 : 0);
      const code = Number.parseInt(hex, 16);
      if (Number.isNaN(code)) throw new Unsupported();
      return set([[code, code]]);
    }
    // Backreferences, word boundaries, Unicode properties, control letters: not generated from.
    if (/[1-9bBkpPc]/.test(c)) throw new Unsupported();
    return set([[c.codePointAt(0)!, c.codePointAt(0)!]]);
  };
  const parseClass = (): Atom => {
    const negated = peek() === "^";
    if (negated) i++;
    const ranges: Ranges = [];
    const one = (): number | Ranges => {
      if (pattern[i] === "\\") {
        i++;
        const atom = escape(true);
        if (atom.kind !== "set" || atom.negated) throw new Unsupported();
        return atom.ranges.length === 1 && atom.ranges[0]![0] === atom.ranges[0]![1] ? atom.ranges[0]![0] : atom.ranges;
      }
      const code = pattern.codePointAt(i)!;
      i += String.fromCodePoint(code).length;
      return code;
    };
    while (i < pattern.length && peek() !== "]") {
      const low = one();
      if (typeof low !== "number") ranges.push(...low);
      else if (peek() === "-" && pattern[i + 1] !== "]" && i + 1 < pattern.length) {
        i++;
        const high = one();
        if (typeof high !== "number") throw new Unsupported();
        ranges.push([low, high]);
      } else ranges.push([low, low]);
    }
    if (pattern[i++] !== "]") throw new Unsupported();
    return { kind: "set", ranges, negated };
  };
  const quantifier = (): [number, number] => {
    const c = peek();
    let bounds: [number, number] = [1, 1];
    if (c === "*") bounds = [0, Infinity];
    else if (c === "+") bounds = [1, Infinity];
    else if (c === "?") bounds = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
      if (!m) return bounds;
      i += m[0].length - 1;
      bounds = [Number(m[1]), m[2] === undefined ? Number(m[1]) : m[3] === "" ? Infinity : Number(m[3])];
    } else return bounds;
    i++;
    if (peek() === "?") i++;
    return bounds;
  };
  const options = alternatives();
  if (i < pattern.length) throw new Unsupported();
  return options;
}
