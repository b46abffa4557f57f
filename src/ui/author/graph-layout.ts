import { Graph, layout } from "@dagrejs/dagre";
import type { Outline } from "../../app/authoring/outline";

/** A box of the drawn graph: a node, an ending, or a target nothing defines. */
export interface LaidOutBox {
  id: string;
  kind: "node" | "ending" | "missing";
  title: string;
  line: number | null;
  x: number;
  y: number;
  width: number;
  height: number;
  marks: ("start" | "unreachable" | "no way out" | "ending" | "by condition" | "never reached" | "missing")[];
  choices: number;
}

/** An arrow of the drawn graph: a choice's goto (solid) or a chance outcome (dashed, with its percentage). */
export interface LaidOutEdge {
  from: string;
  to: string;
  label: string;
  chance: number | null;
  points: { x: number; y: number }[];
}

export const BOX_WIDTH = 200;
/** Characters of a title on one line of a box. */
export const LINE_CHARS = 26;
const LINE_HEIGHT = 16;

function boxHeight(b: Omit<LaidOutBox, "x" | "y">): number {
  const [first, second] = boxLines({ ...b, x: 0, y: 0 });
  return (second ? 26 : 14) + LINE_HEIGHT * wrap(first, LINE_CHARS).length;
}

/** Lays the scenario's graph out top to bottom with dagre; sizes grow with the scenario, never squeezed. */
export function layoutOutline(outline: Outline): {
  boxes: LaidOutBox[];
  edges: LaidOutEdge[];
  width: number;
  height: number;
} {
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: "TB", nodesep: 28, ranksep: 56, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  const boxes = new Map<string, Omit<LaidOutBox, "x" | "y">>();
  for (const n of outline.nodes) {
    const marks: LaidOutBox["marks"] = [];
    if (n.id === outline.start) marks.push("start");
    if (n.unreachable) marks.push("unreachable");
    if (n.noWayOut) marks.push("no way out");
    boxes.set(n.id, {
      id: n.id,
      kind: "node",
      title: n.title,
      line: n.line,
      width: BOX_WIDTH,
      height: 0,
      marks,
      choices: n.choices,
    });
  }
  for (const e of outline.endings) {
    if (boxes.has(e.id)) continue;
    const marks: LaidOutBox["marks"] = ["ending"];
    if (e.conditional) marks.push("by condition");
    if (e.unreached) marks.push("never reached");
    boxes.set(e.id, {
      id: e.id,
      kind: "ending",
      title: e.title,
      line: e.line,
      width: BOX_WIDTH,
      height: 0,
      marks,
      choices: 0,
    });
  }
  for (const id of outline.missing) {
    boxes.set(id, {
      id,
      kind: "missing",
      title: id,
      line: null,
      width: BOX_WIDTH,
      height: 0,
      marks: ["missing"],
      choices: 0,
    });
  }
  for (const b of boxes.values()) {
    b.height = boxHeight(b);
    g.setNode(b.id, { width: b.width, height: b.height });
  }
  const edges: Omit<LaidOutEdge, "points">[] = [];
  for (const n of outline.nodes) {
    n.edges.forEach((e, i) => {
      if (!boxes.has(e.target)) return;
      const name = `${n.id}:${i}`;
      g.setEdge(n.id, e.target, { width: 40, height: 14, labelpos: "c" }, name);
      edges.push({ from: n.id, to: e.target, label: e.label, chance: e.chance });
    });
  }
  layout(g);
  const laid: LaidOutBox[] = [...boxes.values()].map((b) => {
    const p = g.node(b.id) as { x: number; y: number };
    return { ...b, x: p.x - b.width / 2, y: p.y - b.height / 2 };
  });
  let k = 0;
  const laidEdges: LaidOutEdge[] = [];
  for (const n of outline.nodes) {
    n.edges.forEach((e, i) => {
      if (!boxes.has(e.target)) return;
      const label = g.edge({ v: n.id, w: e.target, name: `${n.id}:${i}` }) as {
        points?: { x: number; y: number }[];
      };
      laidEdges.push({ ...edges[k++]!, points: label?.points ?? [] });
    });
  }
  const graph = g.graph() as { width?: number; height?: number };
  return {
    boxes: laid,
    edges: laidEdges,
    width: Math.ceil(graph.width ?? 0),
    height: Math.ceil(graph.height ?? 0),
  };
}

/** The box's accessible name: "Node The firewall request, 3 choices, unreachable"; it contains the visible text. */
export function boxName(b: LaidOutBox): string {
  const [first, second] = boxLines(b);
  if (b.kind === "missing") return `Missing target ${b.id}`;
  const head = b.kind === "node" ? `Node ${first}` : `Ending ${first}`;
  return second ? `${head}, ${second.replace(/ · /g, ", ")}` : head;
}

/** The text drawn in a box: its title (whole, wrapped by the drawing) and a line of details. */
export function boxLines(b: LaidOutBox): [string, string] {
  const marks = b.marks.filter((m) => m !== "ending" && m !== "missing");
  if (b.kind === "missing") return ["Missing target", b.id];
  if (b.kind === "ending") return [b.title, marks.join(" · ")];
  return [b.title, [`${b.choices} choice${b.choices === 1 ? "" : "s"}`, ...marks].join(" · ")];
}

/** A title broken into lines of at most `width` characters, at spaces where it can. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}
