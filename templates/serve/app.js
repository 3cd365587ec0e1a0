// nianbao serve: keeps the open page up to date without a reload. The server
// sends an event on /events when a build starts ("building") and when it has
// finished ("build", with its version); the page then fetches /api/state and
// redraws the status, downloads, findings and outline, and fetches again only
// the pages whose content changed (/pages/N.html, the image and text layer).
"use strict";
let version = Number(document.body.dataset.version || 0);
let running = false, again = false;

async function refresh() {
  if (running) { again = true; return; }
  running = true;
  try {
    do {
      again = false;
      const state = await (await fetch("/api/state", { cache: "no-store" })).json();
      if (state.version < version) continue;
      for (const id of ["status", "downloads", "findings", "outline"]) {
        document.getElementById(id).innerHTML = state[id];
      }
      const main = document.getElementById("pages");
      const jobs = state.pages.map(async (p, i) => {
        const n = i + 1;
        let div = document.getElementById("page-" + n);
        if (div && div.dataset.hash === p.hash) return;
        const html = await (await fetch(`/pages/${n}.html?v=${p.hash}`)).text();
        const tmp = document.createElement("div");
        tmp.innerHTML = html;
        const fresh = tmp.firstElementChild;
        div = document.getElementById("page-" + n);
        if (div) div.replaceWith(fresh); else main.appendChild(fresh);
      });
      await Promise.all(jobs);
      for (let n = state.pages.length + 1; document.getElementById("page-" + n); n++) {
        document.getElementById("page-" + n).remove();
      }
      version = state.version;
      document.body.dataset.version = String(version);
    } while (again);
  } catch (e) {
    console.error("nianbao: update failed", e);
  } finally {
    running = false;
  }
}

const events = new EventSource("/events");
events.addEventListener("building", () => document.body.classList.add("building"));
events.addEventListener("build", (e) => {
  document.body.classList.remove("building");
  const d = JSON.parse(e.data);
  if (d.version !== version) refresh();
});

// A click on a finding or an outline entry: scroll to the page and mark it.
document.addEventListener("click", (e) => {
  const a = e.target.closest("a[data-page]");
  if (!a) return;
  const page = document.getElementById("page-" + a.dataset.page);
  if (!page) return;
  e.preventDefault();
  page.scrollIntoView({ behavior: "smooth", block: "start" });
  history.replaceState(null, "", "#page-" + a.dataset.page);
  for (const p of document.querySelectorAll(".page.flash")) p.classList.remove("flash");
  page.classList.add("flash");
});
