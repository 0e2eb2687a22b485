// The events table with filters (actor, dyad, type, status, dates, document), paginated.

import { api, docLink, fmtDate, h, link, pager, quadClass, table, truncate } from "../util.js";

const FIELDS = ["actor", "a", "b", "type", "status", "date_from", "date_to", "document"];

export async function render(view, _parts, params) {
  const filters = Object.fromEntries(FIELDS.map((f) => [f, params.get(f) || ""]));
  const offset = Number(params.get("offset")) || 0;
  const [facets, page] = await Promise.all([api("events/facets"),
    api("events", { ...filters, limit: 50, offset })]);
  const quadOf = Object.fromEntries(facets.types.map((t) => [t.type, t.quad]));
  const input = (name, label, attrs) => h("label", {}, label + " ",
    h("input", { name, value: filters[name], ...(attrs || {}) }));
  const form = h("form", { class: "filters", id: "event-filters" },
    input("actor", "Actor", { placeholder: "id, code or name", size: 14 }),
    input("a", "Dyad", { placeholder: "A", size: 8 }), input("b", "–", { placeholder: "B", size: 8 }),
    h("label", {}, "Type ", h("select", { name: "type" }, h("option", { value: "" }, "any"),
      facets.types.map((t) => h("option", { value: t.type, selected: t.type === filters.type.toUpperCase() },
        `${t.label} (${t.type}, ${t.count})`)))),
    h("label", {}, "Status ", h("select", { name: "status" }, h("option", { value: "" }, "any"),
      facets.statuses.map((x) => h("option", { value: x.status, selected: x.status === filters.status },
        `${x.status} (${x.count})`)))),
    input("date_from", "From", { placeholder: "YYYY-MM-DD", size: 10, pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?" }),
    input("date_to", "To", { placeholder: "YYYY-MM-DD", size: 10, pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?" }),
    h("button", { type: "submit" }, "Filter"),
    h("a", { href: "#/events", class: "btn secondary" }, "Clear"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = link("events", Object.fromEntries(new FormData(form).entries()));
  });
  const rows = page.items.map((e) => h("tr", { "data-event": e.id },
    h("td", { class: "nowrap" }, fmtDate(e.date)),
    h("td", {}, h("span", { class: `badge ${quadClass(quadOf[e.type])}` }, e.type), e.mode ? ` ${e.mode}` : ""),
    h("td", {}, e.source_name || e.source_id || "?", " → ", e.target_name || e.target_id || "?"),
    h("td", {}, e.status),
    h("td", {}, h("a", { href: docLink(e.document_id, { event: e.id }), class: "evidence-link" },
      `“${truncate(e.evidence.text, 120)}”`)),
    h("td", { class: "nowrap" }, h("a", { href: docLink(e.document_id), title: e.document_title || "" },
      `#${e.document_seq}`), h("span", { class: "muted" }, ` s.${e.sentence}`))));
  view.replaceChildren(h("h1", {}, "Events"), form,
    pager(page, (o) => link("events", { ...filters, offset: o })),
    page.items.length ? table(["Date", "Type", "Who → whom", "Status", "Evidence", "Article"], rows, { class: "events" })
      : h("p", { class: "empty" }, "No events match these filters."),
    pager(page, (o) => link("events", { ...filters, offset: o })));
}
