// The dyad page: pick two actors; summary, timeline chart, incidents (click one for its reports and
// their evidence), the exchange ledger, disputes and figures.

import { api, citeLinks, docLink, empty, enc, fmtDate, h, link, quadClass, table, truncate } from "../util.js";
import { legend, timeline } from "../charts.js";

async function actorChoices() {
  const net = await api("network", { limit: 200 });
  return { nodes: net.nodes, top: net.edges[0] || null };
}

function picker(a, b, nodes) {
  const list = h("datalist", { id: "actor-list" },
    nodes.map((n) => h("option", { value: n.id }, `${n.name} (${n.events} events)`)));
  const ia = h("input", { name: "a", value: a || "", list: "actor-list", placeholder: "e.g. RUS or Russia",
    "aria-label": "First actor", required: true });
  const ib = h("input", { name: "b", value: b || "", list: "actor-list", placeholder: "e.g. PRK or North Korea",
    "aria-label": "Second actor", required: true });
  const form = h("form", { class: "filters", id: "dyad-form" },
    h("label", {}, "Actor A ", ia), h("label", {}, "Actor B ", ib),
    h("button", { type: "submit" }, "Show dyad"),
    h("button", { type: "button", class: "secondary", onclick: () => {
      const t = ia.value; ia.value = ib.value; ib.value = t; form.requestSubmit();
    } }, "⇄ Swap"), list);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (ia.value.trim() && ib.value.trim()) location.hash = `#/dyad/${enc(ia.value.trim())}/${enc(ib.value.trim())}`;
  });
  return form;
}

function eventsOf(detail) {
  if (!detail.events.length) return empty("No stored events for this incident.");
  return h("ol", { class: "reports" }, detail.events.map((e) => h("li", {},
    h("a", { href: docLink(e.document_id, { event: e.id }), class: "evidence-link", "data-event": e.id },
      `“${truncate(e.evidence.text, 160)}”`),
    h("span", { class: "muted" }, ` — ${e.source_name || e.source_id || "?"} → ${e.target_name || e.target_id || "?"}, `
      + `${e.status}, ${fmtDate(e.date)}, article ${e.document_seq}${e.document_title ? ": " + truncate(e.document_title, 60) : ""}`))));
}

function incidentRows(incidents) {
  const rows = [];
  for (const inc of incidents) {
    const detailRow = h("tr", { class: "detail", hidden: true }, h("td", { colspan: 6 }));
    const row = h("tr", { class: "incident-row", tabindex: 0, "data-incident": inc.id, "aria-expanded": "false" },
      h("td", { class: "nowrap" }, inc.when || fmtDate(inc.date)),
      h("td", {}, h("span", { class: `badge ${quadClass(inc.quad)}` }, inc.label), " ", h("code", {}, inc.type)),
      h("td", {}, `${inc.source_name} → ${inc.target_name}`, inc.symmetric ? h("span", { class: "muted" }, " (mutual)") : null),
      h("td", {}, inc.status),
      h("td", { class: "num" }, String(inc.n_documents)),
      h("td", {}, citeLinks(inc.cites)));
    const toggle = async () => {
      const open = detailRow.hidden;
      detailRow.hidden = !open;
      row.setAttribute("aria-expanded", String(open));
      row.classList.toggle("open", open);
      if (open && !detailRow.dataset.loaded) {
        detailRow.dataset.loaded = "1";
        detailRow.firstChild.replaceChildren(h("span", { class: "muted" }, "Loading reports…"));
        const detail = await api("incidents/" + enc(inc.id));
        detailRow.firstChild.replaceChildren(eventsOf(detail));
      }
    };
    row.addEventListener("click", (e) => { if (!(e.target instanceof HTMLAnchorElement)) toggle(); });
    row.addEventListener("keydown", (e) => { if (e.key === "Enter") toggle(); });
    row.toggle = toggle;
    rows.push(row, detailRow);
  }
  return rows;
}

function ledgerTable(ledger) {
  if (!ledger.length) return empty("No exchanges found between these two.");
  return table(["From → to", "What", "Terms", "Status", "Evidence", "Source"], ledger.map((l) => h("tr", {},
    h("td", {}, `${l.giver_name} → ${l.receiver_name}`),
    h("td", {}, l.category),
    h("td", {}, (l.terms || []).join(", ")),
    h("td", {}, l.status, l.denied_by ? h("span", { class: "badge vconf" }, ` denied by ${l.denied_by}`) : null),
    h("td", {}, truncate(l.evidence, 140)),
    h("td", {}, citeLinks([l.cite, l.denial_cite].filter(Boolean))))), { class: "ledger" });
}

export async function render(view, parts) {
  const [a, b] = [parts[1], parts[2]].map((x) => (x ? decodeURIComponent(x) : ""));
  const { nodes, top } = await actorChoices();
  if (!a || !b) {
    if (top) { location.replace(`#/dyad/${enc(top.a)}/${enc(top.b)}`); return; }
    view.replaceChildren(h("h1", {}, "Dyad"), picker("", "", nodes),
      empty("No events between two actors yet. Ingest articles with: dyad ingest articles/ --db …"));
    return;
  }
  view.replaceChildren(h("h1", {}, "Dyad"), picker(a, b, nodes), h("p", { class: "muted" }, "Loading…"));
  const d = await api(`dyads/${enc(a)}/${enc(b)}`);
  const title = `${d.dyad.a_name} – ${d.dyad.b_name}`;
  document.title = `${title} · dyad`;
  const incBody = incidentRows(d.incidents);
  const pick = (inc) => {
    const row = incBody.find((r) => r.dataset && r.dataset.incident === inc.id);
    if (!row) return;
    row.scrollIntoView({ block: "center" });
    if (row.getAttribute("aria-expanded") !== "true") row.toggle();
  };
  const sc = d.score || {};
  view.replaceChildren(
    h("h1", {}, title, h("span", { class: "muted small" }, ` ${d.dyad.a} · ${d.dyad.b}`)),
    picker(a, b, nodes),
    h("div", { class: "cards" },
      h("div", { class: "card" }, h("b", {}, (sc.total >= 0 ? "+" : "") + (sc.total ?? 0)), h("span", {}, "cooperation–conflict score")),
      h("div", { class: "card" }, h("b", {}, String(d.incidents.length)), h("span", {}, "incidents")),
      h("div", { class: "card" }, h("b", {}, String(sc.cooperative_incidents ?? 0)), h("span", {}, "cooperative")),
      h("div", { class: "card" }, h("b", {}, String(sc.conflictual_incidents ?? 0)), h("span", {}, "conflictual")),
      h("div", { class: "card" }, h("b", {}, String(d.sources.length)), h("span", {}, "articles cited"))),
    h("section", {}, h("h2", {}, "Timeline"), timeline(d, pick), legend()),
    h("section", {}, h("h2", {}, "Summary"),
      h("ul", { class: "summary" }, d.summary.map((x) => h("li", {}, x.text, " ", citeLinks(x.cites))))),
    h("section", {}, h("h2", {}, "Incidents ", h("span", { class: "muted small" }, "(click a row for its reports and their evidence)")),
      d.incidents.length ? table(["When", "What", "Who", "Status", "Articles", "Sources"], incBody, { class: "incidents" })
        : empty("No incidents between these two.")),
    h("section", {}, h("h2", {}, "Exchange ledger"), ledgerTable(d.ledger)),
    d.disputes.length ? h("section", {}, h("h2", {}, "Disputed claims"), table(["Claim", "By", "Against", "Denial"],
      d.disputes.map((x) => h("tr", {}, h("td", {}, truncate(x.claim, 120), " ", citeLinks([x.claim_cite])),
        h("td", {}, x.claimant || ""), h("td", {}, x.accused || ""),
        h("td", {}, x.denial ? [truncate(x.denial, 100), " ", citeLinks([x.denial_cite])] : "—"))))) : null,
    d.figures.length ? h("section", {}, h("h2", {}, "Figures"), table(["Figure", "Of", "Claimed by", "Source"],
      d.figures.map((f) => h("tr", {}, h("td", {}, f.text), h("td", {}, f.object || ""),
        h("td", {}, f.claimed_by || ""), h("td", {}, citeLinks([f.cite])))))) : null,
    h("section", {}, h("h2", {}, "More"), h("p", {},
      h("a", { href: link("events", { a: d.dyad.a, b: d.dyad.b }) }, "All events of this dyad"), " · Briefing: ",
      h("a", { href: `/api/dyads/${enc(a)}/${enc(b)}/brief?format=html`, target: "_blank", rel: "noopener" }, "HTML"), " · ",
      h("a", { href: `/api/dyads/${enc(a)}/${enc(b)}/brief?format=md`, target: "_blank", rel: "noopener" }, "Markdown"), " · ",
      h("a", { href: `/api/dyads/${enc(a)}/${enc(b)}/brief?format=json`, target: "_blank", rel: "noopener" }, "JSON"))));
}
