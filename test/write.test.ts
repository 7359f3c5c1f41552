import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { GeneratedFile } from "../generator/emit/module.js";
import { diffOutput, MANIFEST, OutputError, withManifest, writeOutput } from "../generator/write.js";
import { tempDir } from "./helpers.js";

const v1: GeneratedFile[] = withManifest(
  [
    { path: "index.ts", contents: "export {};\n" },
    { path: "events/a.ts", contents: "a\n" },
    { path: "events/b.ts", contents: "b\n" },
  ],
  "inputs",
);

/** Every file below a folder with its contents. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      out[join(entry.parentPath, entry.name).slice(dir.length + 1)] = readFileSync(
        join(entry.parentPath, entry.name),
        "utf8",
      );
  }
  return out;
}

describe("writeOutput", () => {
  it("writes a new folder, then leaves unchanged files alone", () => {
    const out = join(tempDir(), "generated");
    expect(writeOutput(out, v1).added).toHaveLength(4);
    expect(snapshot(out)["events/a.ts"]).toBe("a\n");
    expect(writeOutput(out, v1)).toMatchObject({
      added: [],
      changed: [],
      removed: [],
      unchanged: ["events/a.ts", "events/b.ts", "index.ts", MANIFEST],
    });
  });

  it("removes the files of events that left the spec and keeps files it did not write", () => {
    const out = join(tempDir(), "generated");
    writeOutput(out, v1);
    writeFileSync(join(out, "NOTES.md"), "mine\n");
    const v2 = withManifest(
      [
        { path: "index.ts", contents: "export {};\n" },
        { path: "events/a.ts", contents: "a2\n" },
      ],
      "inputs",
    );
    expect(writeOutput(out, v2)).toMatchObject({
      changed: ["events/a.ts", MANIFEST],
      removed: ["events/b.ts"],
      foreign: ["NOTES.md"],
    });
    expect(Object.keys(snapshot(out)).sort()).toEqual([MANIFEST, "NOTES.md", "events/a.ts", "index.ts"]);
  });

  it("refuses a folder of files it did not write, and changes nothing there", () => {
    const out = join(tempDir(), "src");
    mkdirSync(out);
    writeFileSync(join(out, "app.ts"), "keep me\n");
    expect(() => writeOutput(out, v1)).toThrow(OutputError);
    expect(() => writeOutput(out, v1)).toThrow(
      /holds files that webhook-event-codegen did not write .* choose an empty or new folder/,
    );
    expect(snapshot(out)).toEqual({ "app.ts": "keep me\n" });
  });

  it("leaves the previous output whole when writing fails part way", () => {
    const parent = tempDir();
    const out = join(parent, "generated");
    writeOutput(out, v1);
    const before = snapshot(out);
    // A file and a folder of the same name: the second write fails after the first succeeded.
    const broken = withManifest(
      [
        { path: "events/a.ts", contents: "new\n" },
        { path: "events/a.ts/x.ts", contents: "x\n" },
      ],
      "inputs",
    );
    expect(() => writeOutput(out, broken)).toThrow();
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(["generated"]);
  });

  it("recovers the previous output when a run was killed between the two renames", () => {
    const parent = tempDir();
    const out = join(parent, "generated");
    writeOutput(out, v1);
    renameSync(out, join(parent, ".generated.old-999999999-abc123"));
    expect(diffOutput(out, v1).added).toHaveLength(4);
    writeOutput(out, v1);
    expect(snapshot(out)).toEqual(Object.fromEntries(v1.map((f) => [f.path, f.contents])));
    expect(readdirSync(parent)).toEqual(["generated"]);
  });

  it("never writes outside the output folder", () => {
    const parent = tempDir();
    writeOutput(join(parent, "generated"), v1);
    expect(readdirSync(parent)).toEqual(["generated"]);
    expect(existsSync(join(parent, "index.ts"))).toBe(false);
  });

  it("leaves the previous output whole when the process is killed mid-write", async () => {
    const parent = tempDir();
    const out = join(parent, "generated");
    writeOutput(out, v1);
    const before = snapshot(out);
    // A child that writes 20,000 files, killed once its staging folder is filling up.
    const script = join(parent, "write-many.ts");
    writeFileSync(
      script,
      `import { withManifest, writeOutput } from ${JSON.stringify(resolve("generator/write.ts"))};
       const files = Array.from({ length: 20000 }, (_, i) => ({ path: \`events/e\${i}.ts\`, contents: "x".repeat(1024) }));
       writeOutput(${JSON.stringify(out)}, withManifest(files, "inputs"));`,
    );
    // One process (not the tsx CLI, which runs the script in a child) so that the kill reaches the writer.
    const child = spawn(
      process.execPath,
      ["--import", pathToFileURL(resolve("node_modules/tsx/dist/loader.mjs")).href, script],
      {
        stdio: "ignore",
      },
    );
    const exited = new Promise((done) => child.on("exit", done));
    let staged = 0;
    for (let waited = 0; staged < 200 && waited < 30_000; waited += 5) {
      const staging = readdirSync(parent).find((name) => name.startsWith(".generated.tmp-"));
      staged =
        staging && existsSync(join(parent, staging, "events"))
          ? readdirSync(join(parent, staging, "events")).length
          : 0;
      if (staged < 200) await sleep(5);
    }
    child.kill("SIGKILL");
    await exited;
    expect(staged).toBeGreaterThanOrEqual(200);
    expect(snapshot(out)).toEqual(before);
    // The next run clears what the killed one left and writes normally.
    writeOutput(out, withManifest([{ path: "index.ts", contents: "export {};\n" }], "inputs"));
    expect(readdirSync(parent).sort()).toEqual(["generated", "write-many.ts"]);
  });
});

describe("writeOutput, a few files of many changed", () => {
  const many = (change: (i: number) => string | undefined) =>
    withManifest(
      Array.from({ length: 40 }, (_, i) => ({ path: `events/e${i}.ts`, contents: change(i) ?? `e${i}\n` })).filter(
        (f) => f.contents !== "",
      ),
      "inputs",
    );

  it("writes them in place (the folder stays the same folder), the manifest with them, and keeps what is not its own", () => {
    const out = join(tempDir(), "generated");
    writeOutput(
      out,
      many(() => undefined),
    );
    writeFileSync(join(out, "NOTES.md"), "mine\n");
    const folder = statSync(out).ino;
    const next = many((i) => (i === 3 ? "changed\n" : i === 5 ? "" : undefined));
    expect(writeOutput(out, next)).toMatchObject({
      changed: ["events/e3.ts", MANIFEST],
      removed: ["events/e5.ts"],
      foreign: ["NOTES.md"],
    });
    expect(statSync(out).ino).toBe(folder);
    const { [MANIFEST]: manifest, ...files } = snapshot(out);
    expect(files).toEqual({
      ...Object.fromEntries(next.filter((f) => f.path !== MANIFEST).map((f) => [f.path, f.contents])),
      "NOTES.md": "mine\n",
    });
    expect(manifest).toBe(next.find((f) => f.path === MANIFEST)!.contents);
    expect(diffOutput(out, next)).toMatchObject({ added: [], changed: [], removed: [] });
  });

  it("refuses a link where it writes a folder, and changes nothing", () => {
    const root = tempDir();
    const out = join(root, "generated");
    writeOutput(
      out,
      many(() => undefined),
    );
    mkdirSync(join(root, "elsewhere"));
    renameSync(join(out, "events"), join(root, "events-moved"));
    symlinkSync(join(root, "elsewhere"), join(out, "events"));
    expect(() =>
      writeOutput(
        out,
        many((i) => (i === 0 ? "changed\n" : undefined)),
      ),
    ).toThrow(/is not a folder \(a link\?\)/);
    expect(readdirSync(join(root, "elsewhere"))).toEqual([]);
  });
});
