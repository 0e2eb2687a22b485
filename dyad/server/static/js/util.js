// Small helpers shared by every view: DOM building (text only, never innerHTML), SVG, the API, formats.

const SVG_NS = "http://www.w3.org/2000/svg";

function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  return node;
}

/** An HTML element: h("a", {href: "#"}, "text", child, ...). */
export function h(tag, attrs, ...children) {
  return append(setAttrs(document.createElement(tag), attrs), children);
}

/** An SVG element. */
export function s(tag, attrs, ...children) {
  return append(setAttrs(document.createElementNS(SVG_NS, tag), attrs), children);
}

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** GET /api/<path> with query params; JSON in, the one error shape turned into ApiError. */
export async function api(path, params) {
  const url = new URL("/api/" + path.replace(/^\//, ""), location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v === null || v === undefined || v === "") continue;
    for (const one of Array.isArray(v) ? v : [v]) url.searchParams.append(k, one);
  }
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await res.json(); } catch { body = null; }
  if (!res.ok) {
    const err = (body && body.error) || { code: "E" + res.status, message: res.statusText };
    throw new ApiError(res.status, err.code, err.message);
  }
  return body;
}

export function enc(v) { return encodeURIComponent(v); }

/** The link to a page of the UI. */
export function link(page, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === null || v === undefined || v === "") continue;
    for (const one of Array.isArray(v) ? v : [v]) q.append(k, one);
  }
  const qs = q.toString();
  return "#/" + page + (qs ? "?" + qs : "");
}

export function docLink(docKey, params) { return link("doc/" + enc(docKey), params); }

export function showError(err) {
  const box = document.getElementById("error");
  if (!err) { box.hidden = true; box.textContent = ""; return; }
  box.hidden = false;
  box.textContent = err instanceof ApiError ? `${err.code}: ${err.message}` : String(err.message || err);
}

export function truncate(text, n) {
  const t = (text || "").replace(/\s+/g, " ").trim();
  return t.length <= n ? t : t.slice(0, n - 1) + "…";
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** 2023 / Sep 2023 / 12 Sep 2023 from YYYY[-MM[-DD]]. */
export function fmtDate(d) {
  if (!d) return "undated";
  const [y, m, day] = d.split("-");
  if (!m) return y;
  const mon = MONTHS[Number(m) - 1] || m;
  return day ? `${Number(day)} ${mon} ${y}` : `${mon} ${y}`;
}

export const QUAD_CLASS = {
  "verbal cooperation": "vcoop", "material cooperation": "mcoop",
  "verbal conflict": "vconf", "material conflict": "mconf",
};

export function quadClass(quad) { return QUAD_CLASS[quad] || "other"; }

/** "1–50 of 230" with Previous / Next links (``make(offset)`` gives the URL of another page). */
export function pager(page, make) {
  const { total, limit, offset } = page;
  const end = Math.min(offset + limit, total);
  const prev = offset > 0 ? h("a", { href: make(Math.max(0, offset - limit)), class: "btn" }, "← Previous") : null;
  const next = end < total ? h("a", { href: make(offset + limit), class: "btn" }, "Next →") : null;
  return h("div", { class: "pager" },
    h("span", {}, total ? `${offset + 1}–${end} of ${total}` : "nothing found"), prev, next);
}

/** Citation links: "[2:5]" -> the document with article number 2, sentence 5. */
export function citeLinks(cites) {
  const out = [];
  for (const c of cites || []) {
    const m = /^\[(\d+):(\d+)\]$/.exec(c);
    out.push(m ? h("a", { href: docLink(m[1], { sentence: m[2] }), class: "cite" }, c) : c);
  }
  return out;
}

export function table(headers, rows, attrs) {
  return h("table", attrs || {},
    h("thead", {}, h("tr", {}, headers.map((x) => h("th", { scope: "col" }, x)))),
    h("tbody", {}, rows));
}

export function empty(text) { return h("p", { class: "empty" }, text); }
