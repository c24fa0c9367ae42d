// The review page: lists a build's documents, shows one side by side and pair by pair, and sends the
// translator's actions to the server (align/review/server.py), which answers with the document as the
// next build will align it. No framework: the page is small and must run with nothing from the network.
"use strict";

const state = { symbol: "", view: null, lang: "", selected: 0 };

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "onclick") node.addEventListener("click", value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function say(text, error = false) {
  const status = document.getElementById("status");
  status.textContent = text;
  status.className = error ? "error" : "";
}

async function call(path, body) {
  const response = await fetch(path, body === undefined ? {} : {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.error || response.statusText);
  return answer;
}

function direction(lang) {
  return state.view && state.view.rtl.includes(lang) ? "rtl" : "ltr";
}

async function listDocuments() {
  const answer = await call("/api/documents");
  document.getElementById("out").textContent = answer.out;
  const nav = document.getElementById("documents");
  nav.replaceChildren(...answer.documents.map((item) =>
    el("a", {
      "data-symbol": item.symbol,
      class: item.symbol === state.symbol ? "current" : null,
      onclick: () => openDocument(item.symbol),
    }, item.symbol,
    item.flagged ? el("span", { class: "count", title: "flagged units" }, String(item.flagged)) : null,
    item.stale ? el("span", { class: "count stale", title: "stale corrections" }, ` ${item.stale} stale`) : null)));
  showUnsaved(answer.unsaved);
}

function showUnsaved(count) {
  document.getElementById("save").textContent = count ? `Save (${count})` : "Save";
}

async function openDocument(symbol) {
  say(`reading ${symbol}…`);
  try {
    show(await call(`/api/document?symbol=${encodeURIComponent(symbol)}`));
    say("");
  } catch (error) {
    say(error.message, true);
  }
  for (const link of document.querySelectorAll("nav a")) {
    link.classList.toggle("current", link.dataset.symbol === symbol);
  }
}

function show(view) {
  state.view = view;
  if (state.symbol !== view.symbol) state.selected = 0;
  state.symbol = view.symbol;
  const others = view.langs.filter((lang) => lang !== view.pivot);
  if (!others.includes(state.lang)) state.lang = others[0] || "";
  showUnsaved(view.unsaved);
  const main = document.getElementById("document");
  main.replaceChildren(
    el("h2", {}, view.symbol),
    corrections(view),
    el("h3", {}, "Pairs with the pivot, ", view.names[view.pivot]),
    el("div", { class: "tabs" }, others.map((lang) =>
      el("button", {
        class: lang === state.lang ? "current" : null,
        "data-lang": lang,
        onclick: () => { state.lang = lang; state.selected = 0; show(state.view); },
      }, `${view.pivot}–${lang} ${view.names[lang]}`))),
    pairTable(view),
    el("h3", {}, "All languages, unit by unit"),
    unitTable(view),
  );
  select(Math.min(state.selected, (view.pairs[state.lang] || []).length - 1), false);
}

function corrections(view) {
  if (!view.corrections.length) return el("p", { class: "hint" }, "No corrections of this document yet.");
  return el("ul", { class: "corrections" }, view.corrections.map((item) =>
    el("li", { class: item.status }, `${item.action} (${view.pivot}–${item.lang}) ${item.status}${item.why ? ": " + item.why : ""}`)));
}

function units(list, lang) {
  return list.map((unit) => el("span", { class: "unit", lang, dir: direction(lang) },
    el("span", { class: "uid" }, unit.id), unit.text));
}

function pairTable(view) {
  const pairs = view.pairs[state.lang] || [];
  const rows = [];
  pairs.forEach((pair, index) => {
    const flagged = pair.flags.some((flag) => flag !== "by-length" && !flag.startsWith("corrected"));
    const classes = [flagged ? "flagged" : "", pair.flags.some((f) => f.startsWith("corrected")) ? "corrected" : ""].join(" ").trim();
    rows.push(el("tr", { class: classes || null, "data-index": index, onclick: () => select(index, false) },
      el("td", { class: "id" }, pair.id, el("span", { class: "flags" }, pair.flags.join(" "))),
      el("td", { lang: view.pivot, dir: direction(view.pivot) }, units(pair.units[view.pivot], view.pivot)),
      el("td", { lang: state.lang, dir: direction(state.lang) }, units(pair.units[state.lang], state.lang)),
      el("td", { class: "actions" },
        button("merge", "Merge with next (m)", index, () => act("merge")),
        button("split", "Split at a sentence boundary (s)", index, () => chooseSplit(index)),
        button("up", `Move the ${state.lang} unit up to the pair before (u)`, index, () => act("move-up", "other")),
        button("down", `Move the ${state.lang} unit down to the pair after (d)`, index, () => act("move-down", "other")),
        button("none", `No counterpart in ${state.lang} (n)`, index, () => act("no-counterpart", "pivot")),
        button("ok", "Confirm as correct (c)", index, () => act("confirm")))));
    for (const [left, right] of pair.sentences) {
      rows.push(el("tr", { class: "sentences" }, el("td", {}),
        el("td", { lang: view.pivot, dir: direction(view.pivot) }, left),
        el("td", { lang: state.lang, dir: direction(state.lang) }, right), el("td", {})));
    }
  });
  return el("table", { id: "pairs" },
    el("tr", {}, el("th", { class: "id" }, "pair"), el("th", {}, view.names[view.pivot]), el("th", {}, view.names[state.lang]), el("th", { class: "actions" }, "correct")),
    rows);
}

// a button of the pair `index`: it acts on that pair, whichever was selected before
function button(name, title, index, action) {
  return el("button", {
    "data-action": name, title,
    onclick: (event) => { event.stopPropagation(); select(index, false); action(); },
  }, name);
}

function unitTable(view) {
  return el("table", { id: "units" },
    el("tr", {}, el("th", { class: "id" }, "unit"), view.langs.map((lang) => el("th", {}, view.names[lang]))),
    view.units.map((unit) => el("tr", { class: unit.flags.some((f) => f !== "by-length") ? "flagged" : null },
      el("td", { class: "id" }, unit.id, el("span", { class: "flags" }, unit.flags.join(" "))),
      view.langs.map((lang) => el("td", { lang, dir: direction(lang) }, units(unit.units[lang], lang))))));
}

function select(index, scroll = true) {
  const rows = document.querySelectorAll("#pairs tr[data-index]");
  if (!rows.length) return;
  state.selected = Math.max(0, Math.min(index, rows.length - 1));
  rows.forEach((row) => row.classList.toggle("selected", Number(row.dataset.index) === state.selected));
  if (scroll) rows[state.selected].scrollIntoView({ block: "nearest" });
}

async function post(path, body, done) {
  say("…");
  try {
    const answer = await call(path, body);
    if (answer.symbol) show(answer);
    say(done);
  } catch (error) {
    say(error.message, true);
  }
}

function act(action, side = "") {
  return post("/api/action", { symbol: state.symbol, lang: state.lang, index: state.selected, action, side },
    `${action}: done, not saved yet`);
}

function chooseSplit(index) {
  select(index, false);
  const pair = state.view.pairs[state.lang][index];
  const row = document.querySelector(`#pairs tr[data-index="${index}"] td.actions`);
  const choices = [];
  for (const lang of [state.lang, state.view.pivot]) {
    for (const unit of pair.units[lang]) {
      for (const at of unit.cuts) {
        choices.push(el("button", {
          class: "cut", lang, dir: direction(lang), "data-unit": unit.id, "data-at": at,
          onclick: (event) => {
            event.stopPropagation();
            post("/api/split", { symbol: state.symbol, pair: state.lang, lang, unit: unit.id, at }, "split: done, not saved yet");
          },
        }, `${lang} ${unit.id}: split before “${unit.text.slice(at, at + 40)}…”`));
      }
    }
  }
  row.replaceChildren(...(choices.length ? choices : [el("span", {}, "no sentence boundary in this pair")]));
}

function undo() {
  return post("/api/undo", { symbol: state.symbol }, "undone");
}

async function save() {
  say("saving and rebuilding…");
  try {
    const answer = await call("/api/save", {});
    await listDocuments();
    if (state.symbol) await openDocument(state.symbol);
    say(`saved ${answer.saved} correction(s); rebuilt: ${answer.documents} documents, ${answer.cached} from cache`);
  } catch (error) {
    say(error.message, true);
  }
}

document.getElementById("undo").addEventListener("click", undo);
document.getElementById("save").addEventListener("click", save);
document.addEventListener("keydown", (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key === "s") { event.preventDefault(); save(); return; }
  if ((event.ctrlKey || event.metaKey) && event.key === "z") { event.preventDefault(); undo(); return; }
  if (event.ctrlKey || event.metaKey || event.altKey || !state.view) return;
  const keys = {
    j: () => select(state.selected + 1), ArrowDown: () => select(state.selected + 1),
    k: () => select(state.selected - 1), ArrowUp: () => select(state.selected - 1),
    m: () => act("merge"), s: () => chooseSplit(state.selected),
    u: () => act("move-up", "other"), d: () => act("move-down", "other"),
    n: () => act("no-counterpart", "pivot"), c: () => act("confirm"), z: undo,
  };
  if (keys[event.key]) { event.preventDefault(); keys[event.key](); }
});
listDocuments().catch((error) => say(error.message, true));
