/**
 * The one printer: lays out a document (`doc.ts`) at the project's print width, as prettier's
 * printer does (same algorithm: a group is flat when its contents, and what follows up to the
 * next possible line break, fit on the line), so what it prints is what prettier would.
 */
import type { Doc, Form, Group } from "./doc.js";
import { textWidth } from "./width.js";

/** Fixed, never read from a user's configuration: the same spec gives the same bytes anywhere. */
export const PRINT_WIDTH = 100;
const INDENT = "  ";

const BREAK = 0;
const FLAT = 1;
type Mode = typeof BREAK | typeof FLAT;

interface Command {
  indent: string;
  mode: Mode;
  doc: Doc;
}

/** The text of `doc` in `form`, lines without trailing spaces. */
export function printDoc(doc: Doc, form: Form = "ts", width = PRINT_WIDTH): string {
  const broken = breakingGroups(doc, form);
  const groupModes = new Map<symbol, Mode>();
  const out: string[] = [];
  let position = 0;
  let remeasure = false;
  const commands: Command[] = [{ indent: "", mode: BREAK, doc }];
  while (commands.length > 0) {
    const { indent, mode, doc } = commands.pop()!;
    if (typeof doc === "string") {
      out.push(doc);
      position += textWidth(doc);
      continue;
    }
    if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) commands.push({ indent, mode, doc: doc[i] });
      continue;
    }
    const d = doc as Exclude<Doc, string | readonly Doc[]>;
    switch (d.kind) {
      case "indent":
        commands.push({ indent: indent + INDENT, mode, doc: d.contents });
        break;
      case "align":
        commands.push({ indent: indent + " ".repeat(d.n), mode, doc: d.contents });
        break;
      case "only":
        if (d.forms.includes(form)) commands.push({ indent, mode, doc: d.contents });
        break;
      case "group": {
        const breaks = broken.has(d);
        let next: Command;
        if (mode === FLAT && !remeasure) next = { indent, mode: breaks ? BREAK : FLAT, doc: d.contents };
        else {
          remeasure = false;
          const flat: Command = { indent, mode: FLAT, doc: d.contents };
          next =
            !breaks && fits(flat, commands, width - position, form, broken, groupModes)
              ? flat
              : d.states
                ? firstFitting(d.states, breaks, indent, commands, width - position, form, broken, groupModes)
                : { indent, mode: BREAK, doc: d.contents };
        }
        commands.push(next);
        if (d.id) groupModes.set(d.id, next.mode);
        break;
      }
      case "if-break": {
        const chosen = d.groupId ? groupModes.get(d.groupId) : mode;
        if (chosen === BREAK) commands.push({ indent, mode, doc: d.broken });
        else if (chosen === FLAT) commands.push({ indent, mode, doc: d.flat });
        break;
      }
      case "indent-if-break": {
        const chosen = groupModes.get(d.groupId);
        if (chosen === BREAK) commands.push({ indent: indent + INDENT, mode, doc: d.contents });
        else if (chosen === FLAT) commands.push({ indent, mode, doc: d.contents });
        break;
      }
      case "line":
        if (mode === FLAT && !d.hard) {
          if (!d.soft) {
            out.push(" ");
            position += 1;
          }
          break;
        }
        if (mode === FLAT) remeasure = true;
        trimEnd(out);
        out.push(`\n${indent}`);
        position = indent.length;
        break;
      case "break-parent":
        break;
    }
  }
  return out.join("");
}

/** Of a conditional group's states, the first after the flattest that fits flat, else the last broken. */
function firstFitting(
  states: readonly Doc[],
  breaks: boolean,
  indent: string,
  rest: readonly Command[],
  width: number,
  form: Form,
  broken: ReadonlySet<Group>,
  groupModes: ReadonlyMap<symbol, Mode>,
): Command {
  if (!breaks)
    for (let i = 1; i < states.length - 1; i++) {
      const state: Command = { indent, mode: FLAT, doc: states[i]! };
      if (fits(state, rest, width, form, broken, groupModes)) return state;
    }
  return { indent, mode: BREAK, doc: states[states.length - 1]! };
}

/** Whether `next`, then the rest up to its first line break, fits in `width` columns. */
function fits(
  next: Command,
  rest: readonly Command[],
  width: number,
  form: Form,
  broken: ReadonlySet<Group>,
  groupModes: ReadonlyMap<symbol, Mode>,
): boolean {
  let restIndex = rest.length;
  const commands: { mode: Mode; doc: Doc }[] = [next];
  let pendingSpace = false;
  while (width >= 0) {
    if (commands.length === 0) {
      if (restIndex === 0) return true;
      commands.push(rest[--restIndex]!);
      continue;
    }
    const { mode, doc } = commands.pop()!;
    if (typeof doc === "string") {
      if (doc) {
        if (pendingSpace) {
          width -= 1;
          pendingSpace = false;
        }
        width -= textWidth(doc);
      }
      continue;
    }
    if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) commands.push({ mode, doc: doc[i] });
      continue;
    }
    const d = doc as Exclude<Doc, string | readonly Doc[]>;
    switch (d.kind) {
      case "indent":
      case "align":
      case "indent-if-break":
        commands.push({ mode, doc: d.contents });
        break;
      case "only":
        if (d.forms.includes(form)) commands.push({ mode, doc: d.contents });
        break;
      case "group": {
        const groupMode = broken.has(d) ? BREAK : mode;
        const contents = d.states && groupMode === BREAK ? d.states[d.states.length - 1]! : d.contents;
        commands.push({ mode: groupMode, doc: contents });
        break;
      }
      case "if-break": {
        const chosen = d.groupId ? (groupModes.get(d.groupId) ?? FLAT) : mode;
        const contents = chosen === BREAK ? d.broken : d.flat;
        if (contents) commands.push({ mode, doc: contents });
        break;
      }
      case "line":
        if (mode === BREAK || d.hard) return true;
        if (!d.soft) pendingSpace = true;
        break;
      case "break-parent":
        break;
    }
  }
  return false;
}

/** Groups that break whatever the width: marked so, or holding a hard line (in this form). */
function breakingGroups(doc: Doc, form: Form): Set<Group> {
  const broken = new Set<Group>();
  // Returns whether `doc` holds a hard line, marking the groups it passes.
  const visit = (doc: Doc): boolean => {
    if (typeof doc === "string") return false;
    if (Array.isArray(doc)) {
      let hard = false;
      for (const part of doc) if (visit(part)) hard = true;
      return hard;
    }
    const d = doc as Exclude<Doc, string | readonly Doc[]>;
    switch (d.kind) {
      case "break-parent":
        return true;
      case "line":
        return false;
      case "only":
        return d.forms.includes(form) ? visit(d.contents) : false;
      case "group": {
        if (d.states) {
          // A conditional group is not broken by what it holds; its states are laid out on their own.
          for (const state of d.states) visit(state);
          if (d.shouldBreak) broken.add(d);
          return d.shouldBreak;
        }
        const hard = visit(d.contents);
        if (hard || d.shouldBreak) broken.add(d);
        return hard || d.shouldBreak;
      }
      case "if-break":
        // prettier's propagation walks both branches.
        return [visit(d.broken), visit(d.flat)].some(Boolean);
      default:
        return visit(d.contents);
    }
  };
  visit(doc);
  return broken;
}

function trimEnd(out: string[]): void {
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    const end = last.charCodeAt(last.length - 1);
    if (end !== 32 && end !== 9 && last.length > 0) return;
    const trimmed = last.replace(/[ \t]+$/, "");
    if (trimmed.length > 0) {
      out[out.length - 1] = trimmed;
      return;
    }
    out.pop();
  }
}
