import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Outline } from "../../app/authoring/outline";
import { boxLines, boxName, type LaidOutBox, LINE_CHARS, layoutOutline, wrap } from "./graph-layout";

const SVG = "http://www.w3.org/2000/svg";

/**
 * The scenario as a graph laid out by dagre: nodes, endings and missing targets as focusable buttons named by
 * what they are and how they are marked; chance outcomes dashed with their percentage. The drawing is built
 * with DOM calls (scenario text only ever goes in as text). Activating a box moves the editor to its line.
 */
export function ScenarioGraph({
  outline,
  onSelect,
}: {
  outline: Outline;
  onSelect: (id: string, line: number) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  // "fit": as wide as the panel (never below three quarters, so a large graph stays readable and scrolls).
  const [zoom, setZoom] = useState<number | "fit">("fit");
  const scale = useRef(1);
  // Laid out again only when the graph's shape changes, not on every keystroke in a text field.
  const shape = JSON.stringify([
    outline.start,
    outline.nodes.map(({ line: _, ...n }) => n),
    outline.endings.map(({ line: _, ...e }) => e),
    outline.missing,
  ]);
  const laid = useMemo(() => layoutOutline(outline), [shape]);
  // Boxes keep the layout's lines; a click asks the current outline where the node is now.
  const select = useRef<(id: string) => void>(() => undefined);
  select.current = (id: string) => {
    for (const g of host.current?.querySelectorAll(".graph-box.selected") ?? [])
      g.classList.remove("selected");
    host.current?.querySelector(`.graph-box[data-id="${CSS.escape(id)}"]`)?.classList.add("selected");
    const line =
      outline.nodes.find((n) => n.id === id)?.line ?? outline.endings.find((e) => e.id === id)?.line;
    if (line !== undefined) onSelect(id, line);
  };

  useEffect(() => {
    const room = (host.current?.clientWidth ?? laid.width) - 2;
    const z = zoom === "fit" ? Math.min(1, Math.max(0.75, room / Math.max(1, laid.width))) : zoom;
    scale.current = z;
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", String(Math.max(1, laid.width * z)));
    svg.setAttribute("height", String(Math.max(1, laid.height * z)));
    svg.setAttribute("viewBox", `0 0 ${Math.max(1, laid.width)} ${Math.max(1, laid.height)}`);
    svg.setAttribute("role", "group");
    svg.setAttribute("aria-label", "Scenario graph");
    const defs = el("defs", {});
    const marker = el("marker", {
      id: "graph-arrow",
      viewBox: "0 0 10 10",
      refX: "9",
      refY: "5",
      markerWidth: "7",
      markerHeight: "7",
      orient: "auto-start-reverse",
    });
    marker.append(el("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#545454" }));
    defs.append(marker);
    svg.append(defs);

    const edges = el("g", { class: "graph-edges", "aria-hidden": "true" });
    for (const e of laid.edges) {
      if (e.points.length < 2) continue;
      const d = e.points
        .map((p, i) => `${i === 0 ? "M" : "L"} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`)
        .join(" ");
      const path = el("path", {
        d,
        class: e.chance === null ? "graph-edge" : "graph-edge chance",
        "marker-end": "url(#graph-arrow)",
      });
      const title = el("title", {});
      title.textContent = e.chance === null ? e.label : `${e.label} (${percent(e.chance)})`;
      path.append(title);
      edges.append(path);
      if (e.chance !== null) {
        const mid = e.points[Math.floor(e.points.length / 2)]!;
        const label = el("text", { x: mid.x.toFixed(1), y: (mid.y - 4).toFixed(1), class: "graph-chance" });
        label.textContent = percent(e.chance);
        edges.append(label);
      }
    }
    svg.append(edges);

    const boxes = el("g", { class: "graph-boxes" });
    // One tab stop for the whole graph (a roving tabindex): arrow keys move between boxes, top to bottom.
    const ordered = [...laid.boxes].sort((a, b) => a.y - b.y || a.x - b.x);
    const drawn = ordered.map((b, i) => {
      const g = drawBox(b, (id) => select.current(id));
      g.setAttribute("tabindex", i === 0 ? "0" : "-1");
      return g;
    });
    boxes.addEventListener("keydown", (e) => {
      const at = drawn.indexOf(e.target as SVGGElement);
      if (at < 0) return;
      const next =
        e.key === "ArrowDown" || e.key === "ArrowRight"
          ? Math.min(drawn.length - 1, at + 1)
          : e.key === "ArrowUp" || e.key === "ArrowLeft"
            ? Math.max(0, at - 1)
            : e.key === "Home"
              ? 0
              : e.key === "End"
                ? drawn.length - 1
                : -1;
      if (next < 0) return;
      e.preventDefault();
      drawn[at]!.setAttribute("tabindex", "-1");
      drawn[next]!.setAttribute("tabindex", "0");
      drawn[next]!.focus();
    });
    boxes.append(...drawn);
    svg.append(boxes);
    host.current?.replaceChildren(svg);
  }, [laid, zoom]);

  const unreachable = outline.nodes.filter((n) => n.unreachable).length;
  const stuck = outline.nodes.filter((n) => n.noWayOut).length;
  return (
    <section class="graph-panel" aria-labelledby="graph-heading">
      <div class="panel-bar">
        <h2 id="graph-heading">Graph</h2>
        <p class="muted graph-summary">
          {plural(outline.nodes.length, "node")}, {plural(outline.endings.length, "ending")}
          {unreachable > 0 && `, ${unreachable} unreachable`}
          {stuck > 0 && `, ${stuck} with no way out`}
          {outline.missing.length > 0 && `, ${outline.missing.length} missing targets`}
        </p>
        <div class="zoom">
          <button
            type="button"
            class="button small"
            onClick={() => setZoom(Math.max(0.25, scale.current / 1.25))}
          >
            Zoom out
          </button>
          <button type="button" class="button small" onClick={() => setZoom("fit")}>
            Fit
          </button>
          <button type="button" class="button small" onClick={() => setZoom(1)}>
            Actual size
          </button>
          <button
            type="button"
            class="button small"
            onClick={() => setZoom(Math.min(2.5, scale.current * 1.25))}
          >
            Zoom in
          </button>
        </div>
      </div>
      <p class="graph-legend muted">
        <span class="legend start">start</span> <span class="legend ending">ending</span>{" "}
        <span class="legend unreachable">unreachable</span> <span class="legend stuck">no way out</span>{" "}
        <span class="legend missing">missing target</span> Dashed arrows are chance outcomes; endings “by
        condition” end a run whenever their condition holds.
      </p>
      <div class="graph-scroll" ref={host} />
    </section>
  );
}

function drawBox(b: LaidOutBox, onSelect: (id: string) => void): SVGGElement {
  const classes = ["graph-box", b.kind, ...b.marks.map((m) => m.replace(/ /g, "-"))];
  const g = el("g", {
    class: classes.join(" "),
    transform: `translate(${b.x.toFixed(1)} ${b.y.toFixed(1)})`,
    role: "button",
    "aria-label": boxName(b),
    "data-id": b.id,
  }) as SVGGElement;
  const rect = el("rect", {
    width: String(b.width),
    height: String(b.height),
    rx: b.kind === "ending" ? "18" : "6",
  });
  const [first, second] = boxLines(b);
  const title = el("text", { x: "10", y: "18", class: "graph-title" });
  wrap(first, LINE_CHARS).forEach((line, i) => {
    const span = el("tspan", { x: "10", dy: i === 0 ? "0" : "16" });
    // The trailing space keeps words apart for assistive technology (SVG text has no line breaks).
    span.textContent = `${line} `;
    title.append(span);
  });
  const sub = el("text", { x: "10", y: String(b.height - 9), class: "graph-sub" });
  sub.textContent = second;
  g.append(rect, title, sub);
  const activate = () => onSelect(b.id);
  g.addEventListener("click", activate);
  g.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      activate();
    }
  });
  return g;
}

function el(name: string, attributes: Record<string, string>): SVGElement {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  return node;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function percent(chance: number): string {
  return `${Math.round(chance * 100)}%`;
}
