// The web UI's router: #/dyad/A/B, #/network, #/events?..., #/documents?q=, #/doc/ID?event=..., #/quotes?...

import { api, h, showError } from "./util.js";
import * as dyad from "./views/dyad.js";
import * as network from "./views/network.js";
import * as events from "./views/events.js";
import * as documents from "./views/documents.js";
import * as doc from "./views/document.js";
import * as quotes from "./views/quotes.js";

const VIEWS = { dyad, network, events, documents, doc, quotes };
let current = 0;

async function route() {
  const view = document.getElementById("view");
  const raw = location.hash.replace(/^#\/?/, "") || "dyad";
  const [path, query] = raw.split("?");
  const parts = path.split("/").filter(Boolean);
  const params = new URLSearchParams(query || "");
  const name = VIEWS[parts[0]] ? parts[0] : "dyad";
  for (const a of document.querySelectorAll("nav a")) {
    a.classList.toggle("current", a.dataset.page === name || (name === "doc" && a.dataset.page === "documents"));
  }
  document.title = "dyad";
  showError(null);
  const ticket = ++current;
  view.setAttribute("aria-busy", "true");
  try {
    await VIEWS[name].render(view, parts, params);
  } catch (err) {
    if (ticket === current) {
      showError(err);
      if (!view.querySelector("h1")) view.replaceChildren(h("p", { class: "empty" }, "Nothing to show."));
    }
  } finally {
    if (ticket === current) {
      view.setAttribute("aria-busy", "false");
      view.dataset.ready = name;
    }
  }
}

async function counts() {
  try {
    const hz = await api("health");
    const c = hz.counts;
    document.getElementById("counts").textContent =
      `${c.documents} articles · ${c.events} events · ${c.incidents} incidents · ${c.quotes} quotes`;
  } catch { /* the pages report their own errors */ }
}

window.addEventListener("hashchange", route);
route();
counts();
