// The editor: browse pages per language, edit with a live Telegram preview, submit, review
// others' changes with a diff, approve or reject, see a page's history and roll back.
// Everything goes through the public API (EditorApi); nothing is kept beyond this tab.
"use strict";
(function () {
  const api = window.EditorApi;
  const $ = (id) => document.getElementById(id);
  const views = ["pages-view", "edit-view", "review-view"];
  const state = { lang: null, languages: [], current: null, change: null, previewTimer: null, previewSeq: 0 };

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function say(id, text, isError) {
    const node = $(id);
    node.textContent = text;
    node.classList.toggle("error", Boolean(isError));
  }

  function show(view) {
    for (const name of views) $(name).hidden = name !== view;
    for (const tab of document.querySelectorAll("#tabs button")) {
      const active = (view === "review-view") === (tab.dataset.view === "review");
      tab.setAttribute("aria-current", active ? "true" : "false");
    }
  }

  // Signing in: the token is checked against the API, then kept for this tab only.
  async function signIn(event) {
    event.preventDefault();
    api.setToken($("token").value.trim());
    $("token").value = "";
    try {
      await api.check();
    } catch (err) {
      api.forget();
      say("signin-error", err.status === 401 ? "This token is not valid." : err.message, true);
      return;
    }
    say("signin-error", "");
    await start();
  }

  function signOut() {
    api.forget();
    location.replace("/editor");
  }

  async function start() {
    $("signin").hidden = true;
    $("tabs").hidden = false;
    $("signout").hidden = false;
    const health = await api.health();
    state.languages = health.body.languages;
    state.review = health.body.review;
    if (state.review === "same organisation allowed") {
      $("review-note").textContent = "You cannot approve a change you wrote: another person checks it.";
    }
    const select = $("lang");
    select.replaceChildren(...state.languages.map((code) => el("option", { value: code }, code)));
    state.lang = state.lang || state.languages[0];
    select.value = state.lang;
    await showPages();
  }

  // Pages per language, with what is missing or stale.
  async function showPages() {
    show("pages-view");
    const { body } = await api.translations();
    const lang = state.lang;
    const depth = {};
    const rows = [];
    let missing = 0, stale = 0, overdue = 0;
    const late = [];
    for (const page of body.pages) {
      depth[page.id] = page.parent_id ? (depth[page.parent_id] || 0) + 1 : 0;
      const text = page.texts[lang];
      const other = Object.values(page.texts)[0];
      const row = el("tr", { "data-page": page.id });
      const cell = el("td");
      const open = el("button", { type: "button", class: "link", "data-open": page.id }, page.id);
      open.style.marginInlineStart = `${depth[page.id]}rem`;
      cell.append(open);
      row.append(cell, el("td", text ? {} : { class: "muted" }, text ? text.title : (other ? other.title : "")));
      const status = el("td");
      if (!text) { status.append(el("span", { class: "badge missing" }, "missing")); missing++; }
      else if (text.overdue) {
        status.append(el("span", { class: "badge stale" }, `overdue: check again by ${text.recheck_by}`)); overdue++;
      } else if (text.stale) {
        status.append(el("span", { class: "badge stale" }, `stale: checked ${text.reviewed_on}`)); stale++;
      } else status.append(el("span", { class: "badge ok" }, `checked ${text.reviewed_on}`));
      row.append(status);
      (text && text.overdue ? late : rows).push(row);
    }
    // Overdue pages first: readers of those pages are being told the facts may be out of date.
    $("pages").tBodies[0].replaceChildren(...late, ...rows);
    say("status-summary",
      `${body.pages.length} pages: ${overdue} overdue, ${missing} missing, ${stale} stale in ${lang}`);
  }

  // Editing one page in one language.
  async function openPage(id, lang) {
    show("edit-view");
    state.change = null;
    $("submit-change").disabled = true;
    say("edit-message", "");
    say("history-message", "");
    $("edit-heading").textContent = `${id} (${lang})`;
    let page = null, etag = null;
    try {
      const found = await api.page(id, lang);
      page = found.body;
      etag = found.etag;
    } catch (err) {
      if (err.status !== 404) { say("edit-message", err.message, true); return; }
    }
    state.current = { id, lang, etag, exists: Boolean(page) };
    say("edit-base", page
      ? `Editing revision ${page.revision}, checked by ${page.reviewed_by} on ${page.reviewed_on}.`
      : "This page has no text in this language yet: write the translation.");
    $("f-title").value = page ? page.title : "";
    $("f-label").value = page && page.label ? page.label : "";
    $("f-text").value = page ? page.text : "";
    $("f-search").value = page ? page.search_phrases.join("\n") : "";
    $("f-sources").value = page ? page.sources.map((s) => `${s.title} | ${s.url}`).join("\n") : "";
    $("f-recheck").value = page && page.recheck_by ? page.recheck_by : "";
    await Promise.all([refreshPreview(), showLinks(id, lang), showHistory(id, lang)]);
  }

  function draft() {
    const { id, lang } = state.current;
    const sources = $("f-sources").value.split("\n").map((line) => line.trim()).filter(Boolean)
      .map((line) => {
        const cut = line.lastIndexOf("|");
        return cut < 0 ? { title: line, url: "" } : { title: line.slice(0, cut).trim(), url: line.slice(cut + 1).trim() };
      });
    const label = $("f-label").value.trim();
    return {
      page_id: id, lang, title: $("f-title").value.trim(), label: label || null,
      text: $("f-text").value,
      search_phrases: $("f-search").value.split("\n").map((s) => s.trim()).filter(Boolean),
      sources,
      recheck_by: $("f-recheck").value || null,
    };
  }

  async function refreshPreview() {
    if (!state.current) return;
    const seq = ++state.previewSeq;
    try {
      const { body } = await api.preview(draft());
      if (seq !== state.previewSeq) return; // a newer edit's preview is on its way
      const parts = body.telegram_html.map((html) => {
        const bubble = el("div", { class: "bubble" });
        bubble.innerHTML = html; // rendered by the server: b, i and checked https links only
        return bubble;
      });
      $("preview").replaceChildren(...parts);
      $("problems").replaceChildren(...body.problems.map((p) =>
        el("li", {}, `${p.field}${p.line ? ` line ${p.line}` : ""}: ${p.message}`)));
      $("preview-links").replaceChildren(...linkItems(body.links));
      $("save").disabled = !body.ok;
    } catch (err) {
      if (seq !== state.previewSeq) return;
      $("problems").replaceChildren(el("li", {}, err.message));
      $("save").disabled = true;
    }
  }

  // Every link with the host a browser would really contact (punycode for look-alikes).
  function linkItems(links) {
    return (links || []).map((link) => {
      const item = el("li", {});
      item.append(el("strong", { class: "host" }, link.host), ` ← ${link.text}: ${link.url}`);
      return item;
    });
  }

  function schedulePreview() {
    clearTimeout(state.previewTimer);
    state.previewTimer = setTimeout(refreshPreview, 250);
  }

  async function showLinks(id, lang) {
    try {
      const { body } = await api.links(id, lang);
      $("deep-link").textContent = body.deep_link;
      $("deep-link").href = body.deep_link;
      $("qr").src = body.qr_svg;
      $("qr").hidden = false;
    } catch (err) {
      $("deep-link").textContent = err.message;
      $("deep-link").removeAttribute("href");
      $("qr").hidden = true;
    }
  }

  async function save(event) {
    event.preventDefault();
    try {
      const { body } = await api.propose(draft(), state.current.etag);
      state.change = body;
      $("submit-change").disabled = false;
      say("edit-message", `Saved as draft (change ${body.id}). Submit it when it is ready for review.`);
    } catch (err) {
      say("edit-message", err.status === 412
        ? "Someone published a newer version since you opened this page. Open it again and redo your edit."
        : err.message, true);
    }
  }

  async function submit() {
    try {
      const { body } = await api.submit(state.change.id);
      $("submit-change").disabled = true;
      const who = state.review === "same organisation allowed"
        ? "another person" : "a reviewer of another organisation";
      say("edit-message", `Change ${body.id} is submitted: ${who} will check it.`);
    } catch (err) {
      say("edit-message", err.message, true);
    }
  }

  async function showHistory(id, lang) {
    const body = $("history").tBodies[0];
    body.replaceChildren();
    if (!state.current.exists) return;
    const { body: revisions } = await api.revisions(id, lang);
    revisions.sort((a, b) => b.number - a.number);
    const newest = revisions.length ? revisions[0].number : 0;
    for (const rev of revisions) {
      const row = el("tr", { "data-revision": String(rev.number) });
      const note = rev.rolled_back_from ? ` (back to ${rev.rolled_back_from})` : "";
      row.append(el("td", {}, `${rev.number}${note}`), el("td", {}, rev.title),
        el("td", {}, rev.reviewed_by), el("td", {}, rev.created_at.slice(0, 16).replace("T", " ")));
      const action = el("td");
      // One reviewer may only undo the latest publish; older text goes through review.
      const undoable = revisions.length && !revisions[0].rolled_back_from && rev.number === newest - 1;
      if (undoable) {
        action.append(el("button", { type: "button", "data-rollback": String(rev.number) },
          `Roll back to ${rev.number}`));
      }
      row.append(action);
      body.append(row);
    }
  }

  async function rollback(number) {
    const { id, lang } = state.current;
    try {
      const { body } = await api.rollback(id, lang, number);
      await openPage(id, lang);
      say("history-message", `Published revision ${body.revision} with the text of revision ${number}.`);
    } catch (err) {
      say("history-message", err.message, true);
    }
  }

  // Reviewing: each change with a diff against the page as it is published now.
  function asText(page) {
    if (!page) return "";
    const lines = [`Title: ${page.title}`];
    if (page.label) lines.push(`Button: ${page.label}`);
    lines.push("", ...page.text.split("\n"), "", "Search phrases:");
    lines.push(...(page.search_phrases || []).map((s) => `- ${s}`), "", "Sources:");
    lines.push(...(page.sources || []).map((s) => `- ${s.title} | ${s.url}`));
    return lines.join("\n");
  }

  async function showReview() {
    show("review-view");
    const status = $("review-status").value;
    const { body: changes } = await api.changes(status);
    const cards = [];
    for (const change of changes) {
      let published = null;
      try { published = (await api.page(change.page_id, change.lang)).body; } catch (err) { /* a new page */ }
      const card = el("article", { class: "change", "data-change": String(change.id) });
      card.append(el("h3", {}, `Change ${change.id}: ${change.page_id} (${change.lang})`));
      card.append(el("p", { class: "note" },
        `By ${change.author_org}, ${change.status}, from revision ${change.base_revision}` +
        (change.reason ? `. Reason: ${change.reason}` : "")));
      card.append(EditorDiff.render(asText(published), asText(change)));
      if (change.links && change.links.length) {
        card.append(el("p", { class: "note" }, "Links go to these hosts:"));
        const list = el("ul", { class: "links" });
        list.append(...linkItems(change.links));
        card.append(list);
      }
      if (change.status === "submitted") {
        const reason = el("input", { type: "text", placeholder: "Why reject? (needed to reject)", "aria-label": "Reason" });
        card.append(el("button", { type: "button", "data-approve": String(change.id) }, "Approve and publish"),
          reason, el("button", { type: "button", "data-reject": String(change.id) }, "Reject"));
      } else if (change.status === "draft") {
        card.append(el("button", { type: "button", "data-submit": String(change.id) }, "Submit for review"));
      }
      card.append(el("p", { class: "message", role: "status" }));
      cards.push(card);
    }
    if (!cards.length) cards.push(el("p", {}, "Nothing here."));
    $("changes").replaceChildren(...cards);
  }

  async function reviewAction(event) {
    const button = event.target.closest("button");
    if (!button) return;
    const card = button.closest("article");
    const message = card.querySelector(".message");
    try {
      if (button.dataset.approve) {
        const { body } = await api.approve(Number(button.dataset.approve));
        message.textContent = `Approved: revision ${body.revision} is published and served now.`;
      } else if (button.dataset.reject) {
        const reason = card.querySelector("input").value.trim();
        if (!reason) { message.textContent = "Write a reason first."; return; }
        await api.reject(Number(button.dataset.reject), reason);
        message.textContent = "Rejected.";
      } else if (button.dataset.submit) {
        await api.submit(Number(button.dataset.submit));
        message.textContent = "Submitted for review.";
      } else return;
      message.classList.remove("error");
      for (const b of card.querySelectorAll("button, input")) b.disabled = true;
    } catch (err) {
      message.textContent = err.message;
      message.classList.add("error");
    }
  }

  function guard(fn) {
    return (...args) => Promise.resolve(fn(...args)).catch((err) => {
      if (err.status === 401) { api.forget(); location.replace("/editor"); return; }
      say("edit-message", err.message, true);
    });
  }

  $("signin-form").addEventListener("submit", signIn);
  $("signout").addEventListener("click", signOut);
  $("lang").addEventListener("change", guard(() => { state.lang = $("lang").value; return showPages(); }));
  $("tabs").addEventListener("click", guard((event) => {
    const view = event.target.dataset && event.target.dataset.view;
    if (view === "pages") return showPages();
    if (view === "review") return showReview();
  }));
  $("pages").addEventListener("click", guard((event) => {
    const id = event.target.dataset && event.target.dataset.open;
    if (id) return openPage(id, state.lang);
  }));
  $("back-to-pages").addEventListener("click", guard(showPages));
  $("edit-form").addEventListener("submit", guard(save));
  $("edit-form").addEventListener("input", schedulePreview);
  $("submit-change").addEventListener("click", guard(submit));
  $("history").addEventListener("click", guard((event) => {
    const number = event.target.dataset && event.target.dataset.rollback;
    if (number) return rollback(Number(number));
  }));
  $("review-status").addEventListener("change", guard(showReview));
  $("changes").addEventListener("click", guard(reviewAction));

  if (api.token()) guard(start)();
})();
