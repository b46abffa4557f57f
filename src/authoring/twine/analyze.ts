import type { Piece } from "./markup";
import { LINK_CLOSE, LINK_OPEN } from "./text";
import { type Assignment, parseAssignments } from "./variables";

/** A condition from the story: the format's expression, negated for `unless` and for earlier branches. */
export interface CondRef {
  cond: string;
  negate: boolean;
}

/** A choice as found in a passage, before ids, effects and conditions are worked out. */
export interface ChoiceDraft {
  label: string;
  /** The passage it leads to; undefined for a link that acts in place (it returns to the same node). */
  target?: string;
  /** Assignments the link itself makes (setter links, the body of (link:) or <<link>>). */
  own: Assignment[];
  conds: CondRef[];
  /** Text the link reveals in place, shown as the outcome's text. */
  text?: string;
  /** Chapbook's {reveal link}: the passage whose text and vars it reveals. */
  reveal?: string;
  /** How it was written, for warnings. */
  source: string;
}

/** What a passage holds once its markup has been read. */
export interface PassageResult {
  /** Text with link labels marked (see text.ts), markup not yet stripped. */
  text: string;
  /** Unconditional assignments: they happen on arrival. */
  arrival: Assignment[];
  choices: ChoiceDraft[];
  warnings: string[];
}

const MARKS = new RegExp(`[${LINK_OPEN}${LINK_CLOSE}]`, "g");

const TRANSPARENT = new Set([
  "nobr",
  "silently",
  "align",
  "textstyle",
  "font",
  "color",
  "colour",
  "textcolor",
  "textcolour",
  "css",
  "transition",
  "t8n",
  "textrotate",
  "background",
]);

/** The macro's name, lower-case and without `-`/`_`, for `(text-style: ...)`, `<<nobr>>` or `[align center]`. */
function macroName(raw: string): string {
  const m = /^(?:\(|<<|\[)\s*([A-Za-z][\w-]*)/.exec(raw);
  return (m?.[1] ?? "").toLowerCase().replace(/[-_]/g, "");
}

/** Shortens a piece of source for a warning. */
export function short(raw: string): string {
  const one = raw.replace(/\s+/g, " ").trim();
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}

const describe = (c: CondRef) => (c.negate ? `not (${c.cond.trim()})` : c.cond.trim());

/** Walks a passage's pieces: text, arrival assignments, choices; and what could not be mapped. */
export function analyzePassage(pieces: Piece[]): PassageResult {
  const result: PassageResult = { text: "", arrival: [], choices: [], warnings: [] };
  const warned = new Set<string>();
  const warn = (m: string) => {
    if (!warned.has(m)) result.warnings.push(m);
    warned.add(m);
  };
  const visibleText = (ps: Piece[]): string =>
    ps
      .map((p) =>
        p.t === "text"
          ? p.s
          : p.t === "if"
            ? p.branches.map((b) => visibleText(b.body)).join("")
            : p.t === "macro"
              ? visibleText(p.body)
              : "",
      )
      .join("");

  const walk = (ps: Piece[], conds: CondRef[], opaque: string | undefined, out: { text: string }): void => {
    for (const p of ps) {
      switch (p.t) {
        case "text":
          out.text += p.s.replace(MARKS, "");
          break;
        case "link": {
          const own = p.setter ? parseAssignments(p.setter, "sugarcube") : [];
          result.choices.push({ label: p.label, target: p.target, own, conds, source: `[[${p.label}]]` });
          out.text += `${LINK_OPEN}${p.label}${LINK_CLOSE}`;
          break;
        }
        case "set": {
          const list = parseAssignments(p.raw, p.form);
          if (conds.length === 0 && !opaque) result.arrival.push(...list);
          else {
            const why = opaque ? `inside ${short(opaque)}` : `only when ${conds.map(describe).join(" and ")}`;
            for (const a of list) warn(`the assignment "${short(a.raw)}" happens ${why}; not mapped`);
          }
          break;
        }
        case "if": {
          const before: CondRef[] = [];
          for (const b of p.branches) {
            const these = [...conds, ...before.map((c) => ({ cond: c.cond, negate: !c.negate }))];
            if (b.cond !== undefined) these.push({ cond: b.cond, negate: b.negate ?? false });
            const shown = visibleText(b.body).trim();
            if (shown !== "") {
              const when = these.slice(conds.length).map(describe).join(" and ");
              warn(
                `the text "${short(shown)}" is shown in Twine only when ${when}; it is kept as plain text`,
              );
            }
            // A branch holding only links adds nothing to the text: its links become conditional choices.
            walk(b.body, these, opaque, shown === "" ? { text: "" } : out);
            if (b.cond !== undefined) before.push({ cond: b.cond, negate: b.negate ?? false });
          }
          break;
        }
        case "inline":
          inline(p, conds, opaque);
          break;
        case "reveal":
          result.choices.push({
            label: p.label,
            own: [],
            conds,
            reveal: p.passage,
            source: `{reveal link: '${p.label}'}`,
          });
          break;
        case "goto":
          warn(`${short(p.macro)} moves on by itself in Twine; it became a choice "Continue"`);
          result.choices.push({ label: "Continue", target: p.target, own: [], conds, source: p.macro });
          break;
        case "macro": {
          const name = macroName(p.raw);
          if (TRANSPARENT.has(name)) {
            walk(p.body, conds, opaque, out);
            break;
          }
          const kept = visibleText(p.body).trim() !== "";
          warn(`${short(p.raw)} is not mapped${kept ? "; its text is kept" : ""}`);
          walk(p.body, conds, p.raw, out);
          break;
        }
      }
    }
  };

  const inline = (p: Extract<Piece, { t: "inline" }>, outer: CondRef[], opaque: string | undefined) => {
    let body = p.body;
    let conds = outer;
    const solid = body.filter((q) => !(q.t === "text" && q.s.trim() === ""));
    const only = solid[0];
    if (solid.length === 1 && only?.t === "if" && only.branches.length === 1 && only.branches[0]!.cond) {
      const b = only.branches[0]!;
      conds = [...outer, { cond: b.cond!, negate: b.negate ?? false }];
      body = b.body;
    }
    const own: Assignment[] = [];
    let target = p.target;
    const text = { text: "" };
    const innerWalk = (ps: Piece[]) => {
      for (const q of ps) {
        if (q.t === "set") own.push(...parseAssignments(q.raw, q.form));
        else if (q.t === "goto" && target === undefined) target = q.target;
        else if (q.t === "text") text.text += q.s;
        else if (q.t === "macro" && TRANSPARENT.has(macroName(q.raw))) innerWalk(q.body);
        else if (q.t === "link") {
          warn(`the link "${q.label}" appears only after "${p.label}" is clicked; it is a plain choice here`);
          walk([q], conds, opaque, { text: "" });
        } else {
          // Conditions, other macros, nested links: their assignments are not the click's own.
          walk([q], conds, q.t === "if" ? undefined : (opaque ?? p.macro), text);
        }
      }
    };
    innerWalk(body);
    if (opaque) {
      warn(`the link "${p.label}" is inside ${short(opaque)}; it became a plain choice`);
    }
    const shown = text.text.trim();
    result.choices.push({
      label: p.label,
      ...(target !== undefined ? { target } : {}),
      own,
      conds,
      ...(shown !== "" ? { text: shown } : {}),
      source: short(p.macro),
    });
  };

  const out = { text: "" };
  walk(pieces, [], undefined, out);
  result.text = out.text;
  return result;
}
