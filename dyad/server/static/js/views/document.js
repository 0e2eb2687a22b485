// One document: the article text with its actor mentions, event evidence, quotes and amounts
// highlighted; the side lists select an item and scroll to it (?event=, ?quote=, ?sentence= in the URL).

import { api, fmtDate, h, truncate } from "../util.js";

/** Split ``text`` at every span boundary; each piece knows which spans cover it. */
function highlighted(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const sp of spans) {
    if (sp.start >= 0 && sp.end <= text.length && sp.end > sp.start) { cuts.add(sp.start); cuts.add(sp.end); }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byKey = new Map();
  const sorted = [...spans].sort((p, q) => p.start - q.start);
  const root = h("div", { class: "article", id: "article-text" });
  let first = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    while (first < sorted.length && sorted[first].end <= a) first++;
    const covering = [];
    for (let j = first; j < sorted.length && sorted[j].start <= a; j++) {
      if (sorted[j].end >= b && sorted[j].start <= a) covering.push(sorted[j]);
    }
    const piece = text.slice(a, b);
    if (!covering.length) { root.append(piece); continue; }
    const el = h("span", { class: [...new Set(covering.map((c) => c.cls))].join(" ") }, piece);
    const titles = covering.map((c) => c.title).filter(Boolean);
    if (titles.length) el.title = [...new Set(titles)].join("\n");
    for (const c of covering) {
      if (!byKey.has(c.key)) byKey.set(c.key, []);
      byKey.get(c.key).push(el);
    }
    root.append(el);
  }
  return { root, byKey };
}

export async function render(view, parts, params) {
  const key = decodeURIComponent(parts.slice(1).join("/"));
  const d = await api("documents/" + encodeURIComponent(key));
  document.title = `${d.title || "Article " + d.seq} · dyad`;
  const spans = [];
  for (const a of d.actors) {
    for (const m of a.mentions) {
      spans.push({ start: m.start, end: m.end, cls: "mention", key: "actor:" + a.id, title: `${a.name} (${a.kind || "actor"}${a.country ? ", " + a.country : ""})` });
    }
  }
  for (const q of d.quotes) spans.push({ start: q.start, end: q.end, cls: "quote", key: "quote:" + q.id, title: `quote: ${q.speaker_name || "unknown speaker"}` });
  for (const am of d.amounts) spans.push({ start: am.start, end: am.end, cls: "amount", key: "amount:" + am.id, title: `amount: ${am.value}${am.unit ? " " + am.unit : ""}${am.object ? " of " + am.object : ""}` });
  for (const e of d.events) spans.push({ start: e.evidence.start, end: e.evidence.end, cls: "evidence", key: "event:" + e.id, title: `event ${e.type}: ${e.source_name || "?"} → ${e.target_name || "?"} (${e.status})` });
  const sentence = Number(params.get("sentence"));
  if (sentence && d.sentences.length) {
    const i = Math.min(sentence, d.sentences.length) - 1;
    const end = i + 1 < d.sentences.length ? d.sentences[i + 1] : d.text.length;
    spans.push({ start: d.sentences[i], end: end, cls: "sentence", key: "sentence:" + sentence, title: `sentence ${sentence}` });
  }
  const { root, byKey } = highlighted(d.text, spans);
  const lists = [];
  const select = (key, item) => {
    for (const el of root.querySelectorAll(".active")) el.classList.remove("active");
    for (const el of document.querySelectorAll(".side li.selected")) el.classList.remove("selected");
    const els = byKey.get(key) || [];
    for (const el of els) el.classList.add("active");
    if (item) item.classList.add("selected");
    if (els[0]) els[0].scrollIntoView({ block: "center" });
  };
  const entry = (key, attrs, ...children) => {
    const li = h("li", { tabindex: 0, ...attrs }, ...children);
    li.addEventListener("click", (e) => { if (!(e.target instanceof HTMLAnchorElement)) select(key, li); });
    li.addEventListener("keydown", (e) => { if (e.key === "Enter") select(key, li); });
    lists.push([key, li]);
    return li;
  };
  const side = h("aside", { class: "side" },
    h("h2", {}, `Events (${d.events.length})`),
    d.events.length ? h("ul", { class: "items events-list" }, d.events.map((e) => entry("event:" + e.id, { "data-event": e.id },
      h("b", {}, e.type), ` ${e.source_name || e.source_id || "?"} → ${e.target_name || e.target_id || "?"}`,
      h("div", { class: "muted" }, `${e.status}, ${fmtDate(e.date)}, sentence ${e.sentence}`),
      h("div", { class: "ev-text" }, `“${truncate(e.evidence.text, 110)}”`)))) : h("p", { class: "empty" }, "No events."),
    h("h2", {}, `Quotes (${d.quotes.length})`),
    d.quotes.length ? h("ul", { class: "items" }, d.quotes.map((q) => entry("quote:" + q.id, { "data-quote": q.id },
      h("b", {}, q.speaker_name || "unknown"), ` “${truncate(q.text, 90)}”`))) : h("p", { class: "empty" }, "No quotes."),
    h("h2", {}, `Actors (${d.actors.length})`),
    d.actors.length ? h("ul", { class: "items actors" }, d.actors.map((a) => entry("actor:" + a.id, { "data-actor": a.id },
      h("b", {}, a.name), h("span", { class: "muted" }, ` ${a.kind || ""} ${a.country || ""} · ${a.mentions.length}×`)))) : h("p", { class: "empty" }, "No actors."),
    d.amounts.length ? [h("h2", {}, `Amounts (${d.amounts.length})`), h("ul", { class: "items" }, d.amounts.map((am) => entry("amount:" + am.id, {},
      h("b", {}, am.text), am.object ? ` — ${am.object}` : "", am.claimed_by ? h("span", { class: "muted" }, ` (${am.claimed_by})`) : null)))] : null);
  const meta = [d.outlet, d.published ? fmtDate((d.published_date || d.published).slice(0, 10)) : null,
    d.authors && d.authors.length ? d.authors.join(", ") : null].filter(Boolean).join(" · ");
  view.replaceChildren(
    h("h1", {}, d.title || `Article #${d.seq}`),
    h("p", { class: "muted" }, `#${d.seq} `, meta, d.url ? [" · ", h("a", { href: d.url, rel: "noopener noreferrer" }, "source")] : null),
    h("p", { class: "legend-row" }, h("span", { class: "mention" }, "actor"), " ", h("span", { class: "evidence" }, "event evidence"), " ",
      h("span", { class: "quote" }, "quote"), " ", h("span", { class: "amount" }, "amount"),
      h("span", { class: "muted" }, " — click an item on the right to find it in the text")),
    h("div", { class: "doc-layout" }, root, side));
  const want = params.get("event") ? "event:" + params.get("event") : params.get("quote") ? "quote:" + params.get("quote")
    : sentence ? "sentence:" + sentence : null;
  if (want) {
    const found = lists.find(([k]) => k === want);
    select(want, found ? found[1] : null);
    if (found) found[1].scrollIntoView({ block: "nearest" });
  }
}
