// Quote search: by words of the quote and by speaker.

import { api, docLink, h, link, pager } from "../util.js";

export async function render(view, _parts, params) {
  const q = params.get("q") || "", speaker = params.get("speaker") || "";
  const offset = Number(params.get("offset")) || 0;
  const page = await api("quotes", { q, speaker, limit: 50, offset });
  const qi = h("input", { name: "q", value: q, type: "search", placeholder: "words in the quote", size: 30,
    "aria-label": "Words in the quote" });
  const si = h("input", { name: "speaker", value: speaker, placeholder: "speaker name, id or country", size: 24,
    "aria-label": "Speaker" });
  const form = h("form", { class: "filters" }, qi, si, h("button", { type: "submit" }, "Search quotes"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = link("quotes", { q: qi.value, speaker: si.value });
  });
  view.replaceChildren(h("h1", {}, "Quotes"), form, pager(page, (o) => link("quotes", { q, speaker, offset: o })),
    page.items.length ? h("ul", { class: "quotes" }, page.items.map((x) => h("li", {},
      h("blockquote", { class: x.direct ? "direct" : "reported" }, x.direct ? `“${x.text}”` : x.text),
      h("div", { class: "who" },
        x.speaker_name || x.speaker_id || "unknown speaker", x.cue ? ` (${x.cue})` : "",
        x.via && x.via.length ? h("span", { class: "muted" }, ` via ${x.via.join(", ")}`) : null, " — ",
        h("a", { href: docLink(x.document_id, { quote: x.id }) }, `article #${x.document_seq}, sentence ${x.sentence}`)))))
      : h("p", { class: "empty" }, "No quote matches."));
}
