// Charts drawn as inline SVG: the dyad timeline (incidents + monthly cooperation/conflict) and the
// actor network (circular start, then a deterministic force-directed relaxation).

import { s, fmtDate, quadClass, truncate } from "./util.js";

function monthIndex(d) {
  const [y, m] = d.split("-");
  return Number(y) * 12 + (Number(m) - 1);
}

/** A date as a fractional month index (day precision placed within its month). */
function when(d) {
  const parts = d.split("-");
  const base = monthIndex(d);
  return parts[2] ? base + (Number(parts[2]) - 1) / 31 : base + 0.5;
}

/**
 * The timeline of a dyad analysis: incidents dated to the month or day as markers (cooperation above,
 * conflict below the line; size by reports), the most reported ones labelled; monthly cooperation and
 * conflict as bars underneath. ``onPick(incident)`` runs when a marker is clicked.
 */
export function timeline(analysis, onPick) {
  const W = 960, H = 350, L = 44, R = 16;
  const dated = analysis.incidents.filter((i) => i.date && i.date.length >= 7);
  const monthly = analysis.monthly.filter((m) => m.month && m.month.length >= 7);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "timeline", role: "img",
    "aria-label": `Timeline of ${analysis.dyad.a_name} and ${analysis.dyad.b_name}` });
  if (!dated.length && !monthly.length) {
    svg.append(s("text", { x: 12, y: 40, class: "muted" }, "No incidents dated to a month or a day."));
    return svg;
  }
  const idx = [...dated.map((i) => monthIndex(i.date)), ...dated.filter((i) => i.date_end && i.date_end.length >= 7)
    .map((i) => monthIndex(i.date_end)), ...monthly.map((m) => monthIndex(m.month))];
  const lo = Math.min(...idx) - 1, hi = Math.max(...idx) + 2;
  const x = (v) => L + ((v - lo) / (hi - lo)) * (W - L - R);
  const laneY = 150, barY = 290, barH = 40;

  // ticks: every month or quarter for short spans, January of every (few) year(s) for long ones
  const span = hi - lo;
  const monthName = (m) => fmtDate(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`);
  const every = span > 240 ? 60 : span > 120 ? 24 : span > 36 ? 12 : span > 12 ? 3 : 1;
  for (let m = Math.ceil(lo); m <= hi; m++) {
    if (m % every !== 0 || x(m) + 60 > W) continue;
    svg.append(s("line", { x1: x(m), x2: x(m), y1: 24, y2: H - 24, class: "grid" }));
    svg.append(s("text", { x: x(m) + 3, y: H - 10, class: "tick" }, every >= 12 ? String(m / 12) : monthName(m)));
  }
  svg.append(s("line", { x1: L, x2: W - R, y1: laneY, y2: laneY, class: "axis" }));
  svg.append(s("text", { x: 4, y: laneY - 60, class: "side" }, "coop."));
  svg.append(s("text", { x: 4, y: laneY + 66, class: "side" }, "conflict"));

  // monthly bars
  svg.append(s("line", { x1: L, x2: W - R, y1: barY, y2: barY, class: "axis" }));
  svg.append(s("text", { x: 4, y: barY - barH + 8, class: "side" }, "monthly"));
  const peak = Math.max(1, ...monthly.map((m) => Math.max(m.cooperation, m.conflict)));
  const bw = Math.max(3, Math.min(18, (W - L - R) / (hi - lo) * 0.7));
  for (const m of monthly) {
    const cx = x(monthIndex(m.month) + 0.5);
    const up = (m.cooperation / peak) * barH, down = (m.conflict / peak) * barH;
    const g = s("g", { class: "month" },
      s("title", {}, `${fmtDate(m.month)}: cooperation ${m.cooperation}, conflict ${m.conflict}, score ${m.score}`),
      s("rect", { x: cx - bw / 2, y: barY - up, width: bw, height: up, class: "coop" }),
      s("rect", { x: cx - bw / 2, y: barY, width: bw, height: down, class: "conf" }));
    svg.append(g);
  }

  // incident markers; the most reported get labels, staggered so they do not overlap
  const conflictual = (i) => (i.quad || "").includes("conflict");
  const ranked = [...dated].sort((p, q) => (q.n_events - p.n_events) || (q.n_documents - p.n_documents)
    || (p.date < q.date ? -1 : 1));
  // one label per neighbourhood: the most reported incident there speaks for it
  const labelled = new Set();
  const spots = [];
  for (const inc of ranked) {
    const at = x(when(inc.date)), side = conflictual(inc);
    if (spots.some((o) => o.side === side && Math.abs(o.at - at) < 90)) continue;
    spots.push({ at, side });
    labelled.add(inc.id);
    if (labelled.size >= 8) break;
  }
  const stack = new Map();
  const placed = [];
  for (const inc of dated) {
    const cx = x(when(inc.date));
    const key = `${Math.round(cx / 10)}:${conflictual(inc)}`;
    const k = stack.get(key) || 0;
    stack.set(key, k + 1);
    const r = Math.min(14, 4 + 2.5 * Math.sqrt(inc.n_events || 1));
    const dir = conflictual(inc) ? 1 : -1;
    const cy = laneY + dir * (16 + Math.min(k, 4) * 11);
    const g = s("g", { class: `incident ${quadClass(inc.quad)}`, tabindex: 0, "data-incident": inc.id,
      onclick: () => onPick && onPick(inc),
      onkeydown: (e) => { if (e.key === "Enter" && onPick) onPick(inc); } },
    s("title", {}, `${inc.when || fmtDate(inc.date)}: ${inc.label} ${inc.source_name} → ${inc.target_name} ` +
      `(${inc.status}; ${inc.n_events} report(s) in ${inc.n_documents} article(s))`));
    if (inc.date_end && inc.date_end.length >= 7 && inc.date_end !== inc.date) {
      g.append(s("line", { x1: cx, x2: x(when(inc.date_end)), y1: cy, y2: cy, class: "range" }));
    }
    g.append(s("circle", { cx, cy, r }));
    svg.append(g);
    if (labelled.has(inc.id)) placed.push({ inc, cx, cy, dir, r });
  }
  placed.sort((p, q) => p.cx - q.cx);
  const rows = [[], []];
  for (const p of placed) {
    const side = p.dir < 0 ? 0 : 1;
    const text = `${truncate(p.inc.label, 18)} · ${p.inc.when || fmtDate(p.inc.date)}`;
    const width = text.length * 6.2;
    let level = 0;
    const maxLevel = side === 0 ? 3 : 1;
    while (level <= maxLevel && rows[side].some((o) => o.level === level && Math.abs(o.x - p.cx) < (o.w + width) / 2 + 6)) level++;
    if (level > maxLevel) continue;
    rows[side].push({ x: p.cx, w: width, level });
    const ty = p.dir < 0 ? 18 + level * 14 : laneY + 74 + level * 14;
    const anchorX = Math.min(W - R - width / 2, Math.max(L + width / 2, p.cx));
    svg.append(s("line", { x1: p.cx, x2: anchorX, y1: p.cy + p.dir * p.r, y2: p.dir < 0 ? ty + 3 : ty - 11,
      class: "leader" }));
    svg.append(s("text", { x: anchorX, y: ty, class: "label", "text-anchor": "middle", "data-incident": p.inc.id },
      text));
  }
  return svg;
}

/** Legend of the quad classes. */
export function legend() {
  const items = [["vcoop", "verbal cooperation"], ["mcoop", "material cooperation"],
    ["vconf", "verbal conflict"], ["mconf", "material conflict"]];
  const svg = s("svg", { viewBox: "0 0 640 22", class: "legend", role: "img", "aria-label": "legend" });
  items.forEach(([cls, label], i) => {
    svg.append(s("g", { class: `incident ${cls}` }, s("circle", { cx: 10 + i * 160, cy: 11, r: 6 })));
    svg.append(s("text", { x: 22 + i * 160, y: 15, class: "tick" }, label));
  });
  return svg;
}

/**
 * The actor network: nodes placed on a circle, then relaxed by a fixed number of force-directed steps
 * (same input, same picture). ``onNode(node)`` and ``onEdge(edge)`` run on clicks.
 */
export function network(data, onNode, onEdge) {
  const W = 960, H = 640, cxm = W / 2, cym = H / 2;
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "network", role: "img", "aria-label": "Actor network" });
  const nodes = data.nodes.map((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, data.nodes.length);
    return { ...n, x: cxm + 250 * Math.cos(a), y: cym + 250 * Math.sin(a), dx: 0, dy: 0 };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = data.edges.filter((e) => byId.has(e.a) && byId.has(e.b));
  const k = Math.sqrt((W * H) / Math.max(1, nodes.length)) * 0.6;
  let temp = 60;
  for (let it = 0; it < 250; it++) {
    for (const v of nodes) { v.dx = 0; v.dy = 0; }
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const u = nodes[i], v = nodes[j];
        let ddx = u.x - v.x, ddy = u.y - v.y;
        const d = Math.max(0.01, Math.hypot(ddx, ddy));
        const f = (k * k) / d;
        ddx /= d; ddy /= d;
        u.dx += ddx * f; u.dy += ddy * f; v.dx -= ddx * f; v.dy -= ddy * f;
      }
    }
    for (const e of edges) {
      const u = byId.get(e.a), v = byId.get(e.b);
      let ddx = u.x - v.x, ddy = u.y - v.y;
      const d = Math.max(0.01, Math.hypot(ddx, ddy));
      const f = ((d * d) / k) * (0.5 + Math.log1p(e.events) / 4);
      ddx /= d; ddy /= d;
      u.dx -= ddx * f; u.dy -= ddy * f; v.dx += ddx * f; v.dy += ddy * f;
    }
    for (const v of nodes) {
      v.dx += (cxm - v.x) * 0.02 * k / 10; v.dy += (cym - v.y) * 0.02 * k / 10;  // gravity keeps islands in
      const d = Math.max(0.01, Math.hypot(v.dx, v.dy));
      v.x += (v.dx / d) * Math.min(d, temp); v.y += (v.dy / d) * Math.min(d, temp);
      v.x = Math.min(W - 60, Math.max(60, v.x)); v.y = Math.min(H - 30, Math.max(30, v.y));
    }
    temp = Math.max(1, temp * 0.975);
  }
  const maxEv = Math.max(1, ...edges.map((e) => e.events));
  for (const e of edges) {
    const u = byId.get(e.a), v = byId.get(e.b);
    const tone = e.conflict > e.cooperation ? "conf" : e.cooperation > e.conflict ? "coop" : "mixed";
    svg.append(s("line", { x1: u.x, y1: u.y, x2: v.x, y2: v.y, class: `edge ${tone}`, tabindex: 0,
      "stroke-width": 1 + 7 * Math.sqrt(e.events / maxEv), "data-a": e.a, "data-b": e.b,
      onclick: () => onEdge && onEdge(e), onkeydown: (ev) => { if (ev.key === "Enter" && onEdge) onEdge(e); } },
    s("title", {}, `${u.name} – ${v.name}: ${e.events} events (${e.cooperation} cooperative, ` +
      `${e.conflict} conflictual). Click for the dyad.`)));
  }
  const maxN = Math.max(1, ...nodes.map((n) => n.events));
  for (const n of nodes) {
    const r = 5 + 14 * Math.sqrt(n.events / maxN);
    svg.append(s("g", { class: "node", tabindex: 0, "data-node": n.id, onclick: () => onNode && onNode(n),
      onkeydown: (ev) => { if (ev.key === "Enter" && onNode) onNode(n); } },
    s("title", {}, `${n.name} (${n.id}): ${n.events} events. Click for its events.`),
    s("circle", { cx: n.x, cy: n.y, r }),
    s("text", { x: n.x + r + 3, y: n.y + 4 }, truncate(n.name, 24))));
  }
  return svg;
}
