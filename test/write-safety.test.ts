import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  readdirSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { GeneratedFile } from "../generator/emit/module.js";
import { lockPath } from "../generator/write-lock.js";
import { OutputError, withManifest, writeOutput } from "../generator/write.js";
import { scratchDir, tempDir } from "./helpers.js";

// Nothing of the user's is lost or followed, whatever stands in the output folder, however many
// runs write it at once, and wherever it is mounted; failures of the disk say what to do.
const files = (text: string): GeneratedFile[] =>
  withManifest(
    [
      { path: "index.ts", contents: `${text}\n` },
      { path: "events/a.ts", contents: "a\n" },
    ],
    "inputs",
  );

describe("entries the generator did not write", () => {
  it("are carried across the swap as they are: links stay links (never followed), empty folders and pipes stay", () => {
    const parent = tempDir();
    const out = join(parent, "generated");
    writeOutput(out, files("v1"));
    writeFileSync(join(parent, "outside.txt"), "mine");
    symlinkSync("../outside.txt", join(out, "link-to-outside"));
    symlinkSync("events", join(out, "link-to-folder"));
    mkdirSync(join(out, "empty"));
    mkdirSync(join(out, "events/notes"));
    writeFileSync(join(out, "events/notes/todo.md"), "keep");
    execFileSync("mkfifo", [join(out, "pipe")]);

    writeOutput(out, files("v2"));
    expect(readFileSync(join(out, "index.ts"), "utf8")).toBe("v2\n");
    expect(lstatSync(join(out, "link-to-outside")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(out, "link-to-outside"))).toBe("../outside.txt");
    expect(readlinkSync(join(out, "link-to-folder"))).toBe("events");
    expect(readFileSync(join(parent, "outside.txt"), "utf8")).toBe("mine");
    expect(lstatSync(join(out, "empty")).isDirectory()).toBe(true);
    expect(lstatSync(join(out, "pipe")).isFIFO()).toBe(true);
    expect(readFileSync(join(out, "events/notes/todo.md"), "utf8")).toBe("keep");
    expect(readdirSync(parent).sort()).toEqual(["generated", "outside.txt"]);
  });

  it("are put back when a run dies after moving them to its staging folder", () => {
    const parent = tempDir();
    const out = join(parent, "generated");
    writeOutput(out, files("v1"));
    // What a run killed after moving `mine.txt` leaves: a staging folder with its journal.
    const staging = join(parent, ".generated.tmp-999999-x");
    mkdirSync(staging);
    writeFileSync(join(staging, "mine.txt"), "keep");
    writeFileSync(join(staging, ".webhook-event-codegen.carry.json"), '["mine.txt"]\n');
    writeOutput(out, files("v2"));
    expect(readFileSync(join(out, "mine.txt"), "utf8")).toBe("keep");
    expect(readdirSync(parent)).toEqual(["generated"]);
  });

  it("refuses a link standing where the generator writes a folder, rather than writing through it", () => {
    const parent = tempDir();
    const out = join(parent, "generated");
    writeOutput(out, files("v1"));
    mkdirSync(join(parent, "elsewhere"));
    execFileSync("rm", ["-r", join(out, "events")]);
    symlinkSync("../elsewhere", join(out, "events"));
    expect(() => writeOutput(out, files("v2"))).toThrow(
      `${join(out, "events")} is not a folder (a link?), but the generator writes files in it; move it away`,
    );
    expect(readdirSync(join(parent, "elsewhere"))).toEqual([]);
  });
});

describe("the output folder", () => {
  it("is written through when it is a symlink, and the link stays", () => {
    const parent = tempDir();
    mkdirSync(join(parent, "pkg"));
    symlinkSync("pkg", join(parent, "generated"));
    writeOutput(join(parent, "generated"), files("v1"));
    writeOutput(join(parent, "generated"), files("v2"));
    expect(lstatSync(join(parent, "generated")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(parent, "pkg/index.ts"), "utf8")).toBe("v2\n");
  });

  // Bind mounts need root (or CAP_SYS_ADMIN). Probed on a scratch folder of this run's own, not a
  // shared one. Where they are not allowed, the two tests below are skipped under a name that says
  // so, and a line says it in the output: never a silent pass.
  const probe = scratchDir("wec-mount-probe-");
  const canMount = spawnSync("mount", ["--bind", probe, probe], { stdio: "ignore" }).status === 0;
  if (canMount) spawnSync("umount", [probe], { stdio: "ignore" });
  const NO_MOUNT = "SKIPPED here, mount --bind is not allowed on this machine (needs root or CAP_SYS_ADMIN):";
  if (!canMount) console.warn(`write-safety: ${NO_MOUNT} the mount-point and read-only tests did not run`);
  const mountTest = (name: string, test: () => void) =>
    canMount ? it(name, test) : it.skip(`${NO_MOUNT} ${name}`, test);

  mountTest("is replaced file by file when it is a mount point, with a notice", () => {
    const parent = tempDir();
    const out = join(parent, "generated");
    mkdirSync(join(parent, "source"));
    mkdirSync(out);
    execFileSync("mount", ["--bind", join(parent, "source"), out]);
    try {
      writeOutput(out, files("v1"));
      writeFileSync(join(out, "mine.txt"), "keep");
      const notices: string[] = [];
      writeOutput(out, files("v2"), (m) => notices.push(m));
      expect(readFileSync(join(parent, "source/index.ts"), "utf8")).toBe("v2\n");
      expect(readFileSync(join(out, "mine.txt"), "utf8")).toBe("keep");
      expect(notices).toEqual([
        `${out} cannot be swapped (a mount point?): its files are replaced one by one, each atomically`,
      ]);
    } finally {
      execFileSync("umount", [out]);
    }
  });

  mountTest("on a read-only file system gives one line that says what to do", () => {
    const parent = tempDir();
    const out = join(parent, "ro/generated");
    mkdirSync(join(parent, "ro"));
    execFileSync("mount", ["--bind", "-o", "ro", join(parent, "ro"), join(parent, "ro")]);
    try {
      expect(() => writeOutput(out, files("v1"))).toThrow(OutputError);
      expect(() => writeOutput(out, files("v1"))).toThrow(
        /^cannot write .*: the file system is read-only; choose another --out$/,
      );
    } finally {
      execFileSync("umount", [join(parent, "ro")]);
    }
  });

  it("under a file gives one line that says what to do", () => {
    const parent = tempDir();
    writeFileSync(join(parent, "file"), "x");
    expect(() => writeOutput(join(parent, "file/generated"), files("v1"))).toThrow(
      /^cannot write .*file: a part of the path is a file, not a folder; choose another --out$/,
    );
  });
});

describe("runs at the same time", () => {
  it("keep the user's files when two runs race on one folder", async () => {
    const parent = tempDir();
    const out = join(parent, "generated");
    writeOutput(out, files("v0"));
    writeFileSync(join(out, "mine.txt"), "keep");
    const script = join(parent, "writer.ts");
    writeFileSync(
      script,
      `import { withManifest, writeOutput } from ${JSON.stringify(resolve("generator/write.ts"))};
       const files = Array.from({ length: 3000 }, (_, i) => ({ path: \`events/e\${i}.ts\`, contents: process.argv[2] }));
       writeOutput(${JSON.stringify(out)}, withManifest(files, "inputs"));`,
    );
    const loader = pathToFileURL(resolve("node_modules/tsx/dist/loader.mjs")).href;
    const runs = ["one", "two", "three"].map(
      (text) =>
        new Promise<number | null>((done) =>
          spawn(process.execPath, ["--import", loader, script, text], { stdio: "ignore" }).on("exit", done),
        ),
    );
    expect(await Promise.all(runs)).toEqual([0, 0, 0]);
    expect(readFileSync(join(out, "mine.txt"), "utf8")).toBe("keep");
    expect(["one", "two", "three"]).toContain(readFileSync(join(out, "events/e0.ts"), "utf8"));
    expect(readdirSync(parent).sort()).toEqual(["generated", "writer.ts"]);
  });

  it("take over a lock whose process ID was reused but which stopped being refreshed, and say so", () => {
    const parent = tempDir();
    const out = join(parent, "generated");
    // The PID is alive (this process), as a reused one would be; the lock is an hour old.
    writeFileSync(lockPath(out), JSON.stringify({ pid: process.pid, token: "old", started: "earlier" }));
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(lockPath(out), hourAgo, hourAgo);
    const notices: string[] = [];
    writeOutput(out, files("v1"), (m) => notices.push(m));
    expect(notices).toEqual([
      `took over a stale lock of ${out} (process ${process.pid} is gone or stopped refreshing it)`,
    ]);
    expect(existsSync(lockPath(out))).toBe(false);
  });
});
