import {
  autocompletion,
  type Completion,
  type CompletionContext,
  type CompletionResult,
} from "@codemirror/autocomplete";
import { yaml } from "@codemirror/lang-yaml";
import { type Diagnostic as CmDiagnostic, lintGutter, setDiagnostics } from "@codemirror/lint";
import { EditorSelection, type Text } from "@codemirror/state";
import { hoverTooltip } from "@codemirror/view";
import { basicSetup, EditorView } from "codemirror";
import { useEffect, useRef } from "preact/hooks";
import type { Outline } from "../../app/authoring/outline";
import type { Diagnostic } from "../../engine/index";
import { fieldHelp, helpFor } from "./schema-help";

/** The editor's imperative side: what the graph and the diagnostics list call. */
export interface EditorHandle {
  /** Moves the cursor to the start of a line (1-based) and focuses the editor. */
  goToLine(line: number, column?: number): void;
  /** Replaces the whole text (a restored version, a text saved by another tab). */
  setText(text: string): void;
}

const FUNCTIONS = ["min", "max", "abs", "round", "floor", "ceil", "clamp"];
const WORDS = ["and", "or", "not", "true", "false", "week"];

/** The CodeMirror 6 YAML editor, with the validator's diagnostics, completion of names, and field help. */
export function YamlEditor({
  initial,
  diagnostics,
  outline,
  onChange,
  onBlur,
  handle,
}: {
  initial: string;
  diagnostics: Diagnostic[];
  outline: Outline | null;
  onChange: (text: string) => void;
  onBlur: () => void;
  handle: { current: EditorHandle | null };
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const outlineRef = useRef<Outline | null>(outline);
  outlineRef.current = outline;
  const callbacks = useRef({ onChange, onBlur });
  callbacks.current = { onChange, onBlur };

  useEffect(() => {
    const v = new EditorView({
      doc: initial,
      parent: host.current!,
      extensions: [
        basicSetup,
        yaml(),
        lintGutter(),
        autocompletion({ override: [(ctx) => complete(ctx, outlineRef.current)] }),
        hoverTooltip((v, pos) => help(v.state.doc, pos)),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ "aria-label": "Scenario YAML", tabindex: "0" }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) callbacks.current.onChange(u.state.doc.toString());
        }),
        EditorView.domEventHandlers({
          blur: () => {
            callbacks.current.onBlur();
          },
        }),
      ],
    });
    view.current = v;
    handle.current = {
      goToLine(line, column = 1) {
        const doc = v.state.doc;
        const l = doc.line(Math.min(Math.max(1, line), doc.lines));
        const pos = Math.min(l.from + Math.max(0, column - 1), l.to);
        v.dispatch({
          selection: EditorSelection.cursor(pos),
          effects: EditorView.scrollIntoView(pos, { y: "center" }),
        });
        v.focus();
      },
      setText(text) {
        v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } });
      },
    };
    return () => {
      handle.current = null;
      v.destroy();
    };
    // The view is created once; the text then lives in CodeMirror.
  }, []);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    v.dispatch(
      setDiagnostics(
        v.state,
        diagnostics.map((d) => toCm(v.state.doc, d)),
      ),
    );
  }, [diagnostics]);

  return <div class="yaml-editor" ref={host} />;
}

/** A validator diagnostic at its line and column, spanning the word there. */
function toCm(doc: Text, d: Diagnostic): CmDiagnostic {
  const line = doc.line(Math.min(Math.max(1, d.line), doc.lines));
  const from = Math.min(line.from + Math.max(0, d.column - 1), line.to);
  const word = /^[^\s,:{}[\]]+/.exec(doc.sliceString(from, line.to))?.[0].length ?? 0;
  return { from, to: Math.max(from, from + word), severity: d.severity, message: d.message };
}

/** The completions at the cursor: names the scenario defines, by what the text before the cursor asks for. */
export function complete(ctx: CompletionContext, outline: Outline | null): CompletionResult | null {
  const line = ctx.state.doc.lineAt(ctx.pos);
  const before = line.text.slice(0, ctx.pos - line.from);
  const word = /[A-Za-z0-9_-]*$/.exec(before)![0];
  const from = ctx.pos - word.length;
  const ids = (list: string[], type: string, detail?: string): Completion[] =>
    list.map((label) => ({ label, type, ...(detail ? { detail } : {}) }));
  if (!outline) return null;
  const targets = [
    ...ids(
      outline.nodes.map((n) => n.id),
      "class",
      "node",
    ),
    ...ids(
      outline.endings.map((e) => e.id),
      "enum",
      "ending",
    ),
  ];
  if (/\b(goto|start):\s*["']?[A-Za-z0-9_-]*$/.test(before)) return { from, options: targets };
  if (/\bflags\.[A-Za-z0-9_-]*$/.test(before))
    return { from, options: ids(outline.flags, "variable", "flag") };
  if (/\bmodifiers\.[A-Za-z0-9_-]*$/.test(before)) {
    return { from, options: ids(outline.modifiers, "function", "modifier") };
  }
  if (/\bvisited\.[A-Za-z0-9_-]*$/.test(before)) {
    return {
      from,
      options: ids(
        outline.nodes.map((n) => n.id),
        "class",
        "node",
      ),
    };
  }
  if (
    /\b(add|remove):\s*\[[^\]]*$/.test(before) ||
    (/^\s*-\s*[A-Za-z0-9_-]*$/.test(before) && /\b(add|remove):\s*$/.test(previousLine(ctx, line.number)))
  ) {
    return { from, options: ids(outline.modifiers, "function", "modifier") };
  }
  if (/\bset:\s*\{[^}]*$/.test(before)) return { from, options: ids(outline.flags, "variable", "flag") };
  if (
    /\b(requires|when):/.test(before) ||
    (/^\s*[A-Za-z0-9_]+:\s*\S/.test(before) && insideFlows(ctx, line.number))
  ) {
    if (!ctx.explicit && word === "") return null;
    return {
      from,
      options: [
        ...ids(outline.metrics, "variable", "metric"),
        { label: "flags.", type: "namespace", detail: "a flag" },
        { label: "modifiers.", type: "namespace", detail: "an active modifier" },
        { label: "visited.", type: "namespace", detail: "a node visited" },
        ...ids(FUNCTIONS, "function"),
        ...ids(WORDS, "keyword"),
      ],
    };
  }
  if (/\beffects:\s*\{[^}]*$/.test(before) || /^\s*(flows|effects):\s*\{[^}]*$/.test(before)) {
    return {
      from,
      options: [...ids(outline.metrics, "variable", "metric"), ...ids(["set", "add", "remove"], "keyword")],
    };
  }
  // A key at the start of a line: the format's fields, with their help.
  if (/^\s*(- )?[A-Za-z_]*$/.test(before) && (word !== "" || ctx.explicit)) {
    const seen = new Set<string>();
    const options: Completion[] = [];
    for (const f of fieldHelp()) {
      if (seen.has(f.key)) continue;
      seen.add(f.key);
      options.push({ label: f.key, type: "property", info: f.description, apply: `${f.key}: ` });
    }
    return { from, options };
  }
  return null;
}

function previousLine(ctx: CompletionContext, n: number): string {
  return n > 1 ? ctx.state.doc.line(n - 1).text : "";
}

function insideFlows(ctx: CompletionContext, n: number): boolean {
  for (let i = n - 1; i >= 1; i--) {
    const text = ctx.state.doc.line(i).text;
    if (/^\s*flows:\s*$/.test(text)) return true;
    if (/^\S/.test(text) || /^\s*[A-Za-z_]+:\s*$/.test(text)) return false;
  }
  return false;
}

/** The format's help for the key under the pointer. */
function help(doc: Text, pos: number) {
  const line = doc.lineAt(pos);
  const match = /^(\s*(?:- )?)([A-Za-z_]+):/.exec(line.text);
  if (!match) return null;
  const start = line.from + match[1]!.length;
  const end = start + match[2]!.length;
  if (pos < start || pos > end) return null;
  let section = "";
  if (match[1] !== "") {
    for (let i = line.number - 1; i >= 1; i--) {
      const top = /^([A-Za-z_]+):/.exec(doc.line(i).text);
      if (top) {
        section = top[1]!;
        break;
      }
    }
  }
  const text = helpFor(match[2]!, section);
  if (!text) return null;
  return {
    pos: start,
    end,
    above: true,
    create() {
      const dom = document.createElement("div");
      dom.className = "field-help";
      dom.textContent = `${match[2]}: ${text}`;
      return { dom };
    },
  };
}
