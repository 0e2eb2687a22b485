// Documents: newest first, or full-text search results with snippets; paginated.

import { api, docLink, fmtDate, h, link, pager, table } from "../util.js";

export async function render(view, _parts, params) {
  const q = params.get("q") || "";
  const offset = Number(params.get("offset")) || 0;
  const page = await api("documents", { q, limit: 50, offset });
  const box = h("input", { name: "q", value: q, type: "search", placeholder: "words that must all occur",
    "aria-label": "Search article text", size: 40 });
  const form = h("form", { class: "filters" }, box, h("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (e) => { e.preventDefault(); location.hash = link("documents", { q: box.value }); });
  const rows = page.items.map((d) => h("tr", {},
    h("td", { class: "num" }, `#${d.seq}`),
    h("td", {}, h("a", { href: docLink(d.id) }, d.title || d.path || d.id),
      d.snippet ? h("div", { class: "snippet" }, d.snippet) : null),
    h("td", {}, d.outlet || ""), h("td", { class: "nowrap" }, d.published_date ? fmtDate(d.published_date) : "")));
  view.replaceChildren(h("h1", {}, "Documents"), form, pager(page, (o) => link("documents", { q, offset: o })),
    page.items.length ? table(["#", "Title", "Outlet", "Published"], rows, { class: "documents" })
      : h("p", { class: "empty" }, q ? "No article holds all these words." : "No documents yet. Ingest articles with: dyad ingest articles/"));
}
