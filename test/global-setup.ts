import { randomBytes } from "node:crypto";
import { readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Every scratch folder the tests make is named after this run (WEC_TEST_RUN), and the whole set
// is removed when the run ends: workers can be stopped without running their own clean-up.
export default function setup(): () => void {
  const run = randomBytes(4).toString("hex");
  process.env.WEC_TEST_RUN = run;
  return () => {
    for (const name of readdirSync(tmpdir()))
      if (name.startsWith(`wec-${run}-`)) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  };
}
