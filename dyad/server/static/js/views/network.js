// The actor network: countries joined by the events between them; click an edge for the dyad,
// a node for its events.

import { api, empty, enc, h, link } from "../util.js";
import { network } from "../charts.js";

export async function render(view, _parts, params) {
  const limit = Number(params.get("limit")) || 40;
  const data = await api("network", { limit: Math.min(200, Math.max(2, limit)) });
  const controls = h("form", { class: "filters" },
    h("label", {}, "Actors shown ", h("select", { name: "limit", onchange: (e) => {
      location.hash = link("network", { limit: e.target.value });
    } }, [20, 40, 80, 150].map((n) => h("option", { value: n, selected: n === limit }, String(n))))),
    h("span", { class: "muted" }, "Edge colour: blue mostly cooperative, red mostly conflictual. Width: events."));
  if (!data.edges.length) {
    view.replaceChildren(h("h1", {}, "Actor network"), empty("No events between two actors yet."));
    return;
  }
  view.replaceChildren(h("h1", {}, "Actor network"), controls,
    network(data,
      (n) => { location.hash = link("events", { actor: n.id }); },
      (e) => { location.hash = `#/dyad/${enc(e.a)}/${enc(e.b)}`; }),
    h("h2", {}, "Strongest ties"),
    h("ol", { class: "ties" }, data.edges.slice(0, 15).map((e) => {
      const name = (id) => (data.nodes.find((n) => n.id === id) || { name: id }).name;
      return h("li", {}, h("a", { href: `#/dyad/${enc(e.a)}/${enc(e.b)}` }, `${name(e.a)} – ${name(e.b)}`),
        h("span", { class: "muted" }, ` ${e.events} events (${e.cooperation} cooperative, ${e.conflict} conflictual)`));
    })));
}
