import { describe, expect, it } from "vitest";
import { edit, MINIMAL_SPEC, problemsOf } from "./helpers.js";

// One test per rule, each with the exact place the CLI prints (file:line:column path message).
describe("validateSpec", () => {
  it("accepts the minimal spec and the repo's catalogue", async () => {
    const { readFileSync } = await import("node:fs");
    expect(problemsOf(MINIMAL_SPEC)).toEqual([]);
    expect(problemsOf(readFileSync("spec/events.yaml", "utf8"))).toEqual([]);
  });

  it("names the event a problem is in, by index and name, in the repo's catalogue", async () => {
    const { readFileSync } = await import("node:fs");
    const { parseDocument } = await import("yaml");
    const doc = parseDocument(readFileSync("spec/events.yaml", "utf8"));
    const names = (doc.toJS() as { events: { name: string }[] }).events.map((e) => e.name);
    const last = names.length - 1;
    doc.setIn(["events", last, "example", "type"], "not.this.event");
    doc.setIn(["events", last, "idprefix"], "x_");
    const problems = problemsOf(doc.toString());
    const event = `events[${last}] (${names[last]})`;
    expect(problems.map((p) => p.replace(/^\S+ /, ""))).toEqual([
      `${event}.idprefix is not a supported field here; did you mean id_prefix? expected one of: name, description, envelope, id_field, id_prefix, data, example, envelope_required, type_description`,
    ]);
    doc.deleteIn(["events", last, "idprefix"]);
    expect(problemsOf(doc.toString()).map((p) => p.replace(/^\S+ /, ""))).toEqual([
      `${event}.example.type expected "${names[last]}", got string "not.this.event" (the example does not match the event's shape)`,
    ]);
    // A path outside the events stays as it was.
    expect(problemsOf(edit("version: 1.0.0", "version: one"))[0]).toMatch(
      /^spec\/events\.yaml:1:\d+ package\.version /,
    );
  });

  it("refuses an empty file", () => {
    expect(problemsOf("")).toEqual(["spec/events.yaml:1:1 the spec is empty; start from the example in the README"]);
  });

  it("accepts a spec with no events yet", () => {
    const spec = MINIMAL_SPEC.slice(0, MINIMAL_SPEC.indexOf("events:")) + "events: []\n";
    expect(problemsOf(spec)).toEqual([]);
  });

  it("names a missing required field at its parent", () => {
    expect(problemsOf(edit("    description: Sent when a thing is created.\n", ""))).toEqual([
      "spec/events.yaml:9:5 events[0] (thing.created).description is required",
    ]);
  });

  it("refuses an event with no data shape", () => {
    const spec = edit(
      "    data:\n      type: object\n      required: [id]\n      properties:\n        id: { type: string }\n",
      "",
    );
    expect(problemsOf(spec)).toEqual(["spec/events.yaml:9:5 events[0] (thing.created).data is required"]);
  });

  it("points at an unknown field's key and lists the known ones", () => {
    expect(problemsOf(edit("    id_prefix: thing_\n", "    id_prefix: thing_\n    idprefix: x\n"))).toEqual([
      "spec/events.yaml:12:5 events[0] (thing.created).idprefix is not a supported field here; did you mean id_prefix? expected one of: name, description, envelope, id_field, id_prefix, data, example, envelope_required, type_description",
    ]);
  });

  it("refuses JSON Schema keywords the generator does not support, naming the nearest supported form", () => {
    expect(
      problemsOf(edit("id: { type: string }\n    example", "id: { type: string, nullable: true }\n    example")),
    ).toEqual([
      'spec/events.yaml:16:29 events[0] (thing.created).data.properties.id.nullable is not supported: this is OpenAPI 3.0: add "null" to type, as in type: [string, "null"]',
    ]);
    expect(
      problemsOf(edit("id: { type: string }\n    example", "id: { type: string, propertyNames: {} }\n    example")),
    ).toEqual([
      "spec/events.yaml:16:29 events[0] (thing.created).data.properties.id.propertyNames is not supported: to limit an object's keys, use patternProperties with additionalProperties: false",
    ]);
  });

  it("reports an unknown type name once", () => {
    expect(problemsOf(edit("created_at: { type: integer }", "created_at: { type: int }"))).toEqual([
      'spec/events.yaml:7:25 envelope.properties.created_at.type expected a type name (string, integer, number, boolean, null, object, array) or a list of them, got "int"',
    ]);
  });

  it("requires event names shaped like segment.segment in lower case", () => {
    for (const bad of ["Thing.created", "thing", "thing..created", "thing.created_", "thing.2d", "thing.created-x"]) {
      const problems = problemsOf(edit("name: thing.created", `name: "${bad}"`));
      expect(problems, bad).toEqual([
        expect.stringMatching(
          /^spec\/events\.yaml:9:11 events\[0\] \(.*\)\.name ".*" is not allowed: use two or more dot-separated segments/,
        ),
      ]);
    }
  });

  it("requires unique event names", () => {
    const second = MINIMAL_SPEC.slice(MINIMAL_SPEC.indexOf("  - name"));
    expect(problemsOf(MINIMAL_SPEC + second)).toEqual([
      "spec/events.yaml:18:11 events[1] (thing.created).name duplicates the name of events[0]; each event needs its own name",
    ]);
  });

  it("requires the identifiers derived from names to be unique", () => {
    const first = MINIMAL_SPEC.replace(/thing\.created/g, "a.b_c");
    const second = first.slice(first.indexOf("  - name")).replace(/a\.b_c/g, "a_b.c");
    expect(problemsOf(first + second)).toEqual([
      "spec/events.yaml:18:11 events[1] (a_b.c).name gives the identifier ABCWebhookEvent, ABCWebhookEventData, isABCWebhookEvent, validateABCWebhookEvent, validateABCWebhookEventOwnFields, ABCWebhookEventSchema, which event a.b_c already gives; rename one of them",
    ]);
  });

  it("refuses an event whose name gives another event's resource union", () => {
    const second = MINIMAL_SPEC.slice(MINIMAL_SPEC.indexOf("  - name")).replace(
      /thing\.created/g,
      "thing.created.again",
    );
    expect(problemsOf(MINIMAL_SPEC + second)).toEqual([
      "spec/events.yaml:18:11 events[1] (thing.created.again).name gives the identifier ThingCreatedWebhookEvent, which event thing.created already gives; rename one of them",
    ]);
  });

  it("refuses `type` and `data` in the envelope", () => {
    expect(
      problemsOf(
        edit("    created_at: { type: integer }\n", "    created_at: { type: integer }\n    data: { type: object }\n"),
      ),
    ).toEqual([
      "spec/events.yaml:8:5 envelope.properties.data is added by the generator for every event; remove it here",
    ]);
  });

  it("refuses per-event descriptions of fields the envelope does not have", () => {
    expect(
      problemsOf(edit("    id_prefix: thing_\n", "    id_prefix: thing_\n    envelope: { createdAt: When. }\n")),
    ).toEqual([
      "spec/events.yaml:12:17 events[0] (thing.created).envelope.createdAt is not an envelope field; expected one of: id, created_at",
    ]);
  });

  it("refuses required names that are not properties", () => {
    expect(problemsOf(edit("required: [id]\n", "required: [id, nope]\n"))).toContain(
      'spec/events.yaml:14:22 events[0] (thing.created).data.required[1] names "nope", which is not in properties; declare it or remove it from required',
    );
  });

  it("refuses object keywords on a shape that cannot be an object", () => {
    expect(
      problemsOf(edit("id: { type: string }\n    example", "id: { type: string, properties: {} }\n    example")),
    ).toEqual([
      "spec/events.yaml:16:29 events[0] (thing.created).data.properties.id.properties applies only to object values, but the type is string; add object to type or remove properties",
    ]);
  });

  it("requires the ID field to be a required string of data", () => {
    expect(problemsOf(edit("    id_prefix: thing_\n", "    id_prefix: thing_\n    id_field: thing_id\n"))).toEqual([
      'spec/events.yaml:12:15 events[0] (thing.created).id_field names "thing_id" as the ID field, but data has no such property; declare it or set id_field',
    ]);
  });

  it("checks every example against its own event's shape, at the example's value", () => {
    expect(problemsOf(edit("data: { id: thing_1 }", "data: { id: 5 }"))).toEqual([
      "spec/events.yaml:17:75 events[0] (thing.created).example.data.id expected string, got number (the example does not match the event's shape)",
    ]);
    expect(problemsOf(edit("type: thing.created,", "type: thing.deleted,"))).toEqual([
      'spec/events.yaml:17:33 events[0] (thing.created).example.type expected "thing.created", got string "thing.deleted" (the example does not match the event\'s shape)',
    ]);
  });

  it("requires example IDs to carry the declared prefixes", () => {
    expect(problemsOf(edit("{ id: evt_1,", "{ id: ev_1,", edit("{ id: thing_1 }", "{ id: other_1 }")))).toEqual([
      'spec/events.yaml:17:20 events[0] (thing.created).example.id should start with the envelope\'s id_prefix "evt_"',
      'spec/events.yaml:17:74 events[0] (thing.created).example.data.id should start with the event\'s id_prefix "thing_"',
    ]);
  });

  it("reports every problem at once, in file order", () => {
    const spec = edit(
      "name: thing.created",
      "name: Thing",
      edit("created_at: { type: integer }", "created_at: { type: 5 }"),
    );
    expect(problemsOf(spec).map((p) => p.split(" ")[0])).toEqual(["spec/events.yaml:7:25", "spec/events.yaml:9:11"]);
  });
});

describe("the spec format's schema", () => {
  it("lists exactly the keywords the keyword modules implement", async () => {
    const { readFileSync } = await import("node:fs");
    const { SUPPORTED_KEYWORDS } = await import("../generator/keywords/index.js");
    const schema = JSON.parse(readFileSync("spec/events.schema.json", "utf8"));
    expect(Object.keys(schema.definitions.shape.properties).sort()).toEqual([...SUPPORTED_KEYWORDS].sort());
  });
});
