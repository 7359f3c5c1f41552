import type { CatalogueContext, CatalogueModel, EventModel } from "../model.js";
import { importFrom, type Declaration } from "../print/declarations.js";
import { as, object } from "../print/expressions.js";
import { valueExpr } from "../print/values.js";
import { printJson } from "../print/json.js";
import { indexed, mapped, t } from "../print/types.js";
import { moduleOf, type Emitted } from "./module.js";

/** `fixtures/<name>.json`: the event's example as sent. */
export function eventFixture(_model: CatalogueContext, event: EventModel): Emitted[] {
  return [{ path: `fixtures/${event.fileName}.json`, contents: printJson(event.example) }];
}

/** `fixtures/index.ts`: every event's example, typed. */
export function emitFixtures(model: CatalogueModel): Emitted[] {
  const examples = object(
    model.events.map((e) => ({ key: e.name, value: valueExpr(e.example) })),
    true,
  );
  const declarations: Declaration[] = [
    importFrom("../unions.js", ["WebhookEventMap", "WebhookEventType"], true),
    { k: "const", name: "examples", exported: false, init: examples },
    {
      k: "type",
      name: "Fixtures",
      exported: false,
      type: mapped("K", t("WebhookEventType"), indexed(t("WebhookEventMap"), t("K")), true),
    },
    {
      k: "comment",
      lines: [
        "One cast instead of a checked annotation: TypeScript gives every object literal an inherited",
        "`constructor`, so a spec with such a field name could not type its own example. The",
        "generator has already checked each example against its event's shape.",
      ],
    },
    {
      k: "const",
      name: "fixtures",
      exported: true,
      doc: "One example payload per event, from the spec; the same as `fixtures/<name>.json`.",
      type: t("Fixtures"),
      init: as(as("examples", t("unknown")), t("Fixtures")),
    },
  ];
  return [moduleOf("fixtures/index", model.source, declarations)];
}
