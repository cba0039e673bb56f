// The editor: browse pages per language, edit with a live Telegram preview, submit, review
// others' changes with a diff, approve or reject, see a page's history and roll back.
// Everything goes through the public API (EditorApi); nothing is kept beyond this tab.
"use strict";
(function () {
  const api = window.EditorApi;
  const text = window.EditorText;
  const t = text.t;
  const $ = (id) => document.getElementById(id);
  const views = ["pages-view", "edit-view", "review-view"];
  const state = { lang: null, languages: [], current: null, change: null, previewTimer: null, previewSeq: 0 };

  // A date that never breaks over two lines in a narrow column (non-breaking hyphens).
  const day = (iso) => String(iso).replace(/-/g, "\u2011");

  // An element with attributes and content (text or other elements).
  function el(tag, attrs, ...content) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
    for (const part of content) {
      if (part !== undefined && part !== null) node.append(part instanceof Node ? part : String(part));
    }
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
      say("signin-error", err.status === 401 ? t("signin.invalid") : err.message, true);
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
    if (state.review === "same organisation allowed") $("review-note").dataset.t = "review.note_same_org";
    text.apply($("review-view"));
    fillLanguages();
    state.lang = state.lang || state.languages[0];
    $("lang").value = state.lang;
    await showPages();
  }

  // The pages' languages by their own names ("Français"), not by code.
  function fillLanguages() {
    const select = $("lang");
    const chosen = select.value;
    select.replaceChildren(...state.languages.map((code) =>
      el("option", { value: code, lang: code }, text.languageName(code))));
    if (chosen) select.value = chosen;
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
      const page_text = page.texts[lang];
      const other = Object.values(page.texts)[0];
      const row = el("tr", { "data-page": page.id });
      const cell = el("td");
      const open = el("button", { type: "button", class: "link", "data-open": page.id }, page.id);
      open.style.marginInlineStart = `${depth[page.id]}rem`;
      cell.append(open);
      row.append(cell, el("td", page_text ? {} : { class: "muted" },
        page_text ? page_text.title : (other ? other.title : "")));
      const status = el("td");
      if (!page_text) { status.append(el("span", { class: "badge missing" }, t("pages.missing"))); missing++; }
      else if (page_text.overdue) {
        status.append(el("span", { class: "badge stale" }, t("pages.overdue", { date: day(page_text.recheck_by) })));
        overdue++;
      } else if (page_text.stale) {
        status.append(el("span", { class: "badge stale" }, t("pages.stale", { date: day(page_text.reviewed_on) })));
        stale++;
      } else status.append(el("span", { class: "badge ok" }, t("pages.checked", { date: day(page_text.reviewed_on) })));
      row.append(status);
      (page_text && page_text.overdue ? late : rows).push(row);
    }
    // Overdue pages first: readers of those pages are being told the facts may be out of date.
    $("pages").tBodies[0].replaceChildren(...late, ...rows);
    say("status-summary", t("pages.summary", {
      count: body.pages.length, overdue, missing, stale, language: text.languageName(lang),
    }));
  }

  // Editing one page in one language.
  async function openPage(id, lang) {
    show("edit-view");
    state.change = null;
    $("submit-change").disabled = true;
    say("edit-message", "");
    say("history-message", "");
    $("edit-heading").textContent = t("edit.heading", { page: id, language: text.languageName(lang) });
    let page = null, etag = null;
    try {
      const found = await api.page(id, lang);
      page = found.body;
      etag = found.etag;
    } catch (err) {
      if (err.status !== 404) { say("edit-message", err.message, true); return; }
    }
    state.current = { id, lang, etag, exists: Boolean(page), page };
    describeBase();
    $("f-title").value = page ? page.title : "";
    $("f-label").value = page && page.label ? page.label : "";
    $("f-text").value = page ? page.text : "";
    $("f-search").value = page ? page.search_phrases.join("\n") : "";
    $("f-sources").value = page ? page.sources.map((s) => `${s.title} | ${s.url}`).join("\n") : "";
    $("f-recheck").value = page && page.recheck_by ? page.recheck_by : "";
    await Promise.all([refreshPreview(), showLinks(id, lang), showHistory(id, lang)]);
  }

  function describeBase() {
    const page = state.current.page;
    say("edit-base", page
      ? t("edit.base", { revision: page.revision, organisation: page.reviewed_by, date: page.reviewed_on })
      : t("edit.new"));
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
      $("problems").replaceChildren(...body.problems.map((p) => el("li", {}, p.line
        ? t("field.line", { field: api.fieldName(p.field), line: p.line, message: p.message })
        : t("field.problem", { field: api.fieldName(p.field), message: p.message }))));
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
      say("edit-message", t("saved", { id: body.id }));
    } catch (err) {
      say("edit-message", err.status === 412 ? t("stale_edit") : err.message, true);
    }
  }

  async function submit() {
    try {
      const { body } = await api.submit(state.change.id);
      $("submit-change").disabled = true;
      const key = state.review === "same organisation allowed" ? "submitted.person" : "submitted.org";
      say("edit-message", t(key, { id: body.id }));
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
      const number = rev.rolled_back_from
        ? t("history.back_to", { number: rev.number, revision: rev.rolled_back_from }) : String(rev.number);
      row.append(el("td", {}, number), el("td", {}, rev.title), el("td", {}, rev.reviewed_by),
        el("td", {}, rev.created_at.slice(0, 16).replace("T", " ")));
      const action = el("td");
      // One reviewer may only undo the latest publish; older text goes through review.
      const undoable = revisions.length && !revisions[0].rolled_back_from && rev.number === newest - 1;
      if (undoable) {
        action.append(el("button", { type: "button", "data-rollback": String(rev.number) },
          t("history.rollback", { number: rev.number })));
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
      say("history-message", t("history.done", { revision: body.revision, number }));
    } catch (err) {
      say("history-message", err.message, true);
    }
  }

  // Reviewing: each change with a diff against the page as it is published now.
  function asText(page) {
    if (!page) return "";
    const lines = [`${t("diff.title")} ${page.title}`];
    if (page.label) lines.push(`${t("diff.label")} ${page.label}`);
    lines.push("", ...page.text.split("\n"), "", t("diff.search"));
    lines.push(...(page.search_phrases || []).map((s) => `- ${s}`), "", t("diff.sources"));
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
      card.append(el("h2", {}, t("review.change", {
        id: change.id, page: change.page_id, language: text.languageName(change.lang),
      })));
      const by = t("review.by", {
        organisation: change.author_org, status: t(`state.${change.status}`), revision: change.base_revision,
      });
      card.append(el("p", { class: "note" },
        change.reason ? t("review.reason", { text: by, reason: change.reason }) : by));
      card.append(EditorDiff.render(asText(published), asText(change)));
      if (change.links && change.links.length) {
        card.append(el("p", { class: "note" }, t("review.hosts")));
        const list = el("ul", { class: "links" });
        list.append(...linkItems(change.links));
        card.append(list);
      }
      if (change.status === "submitted") {
        const reason = el("input", {
          type: "text", placeholder: t("review.why"), "aria-label": t("review.reason_label"),
          "data-t-placeholder": "review.why", "data-t-aria-label": "review.reason_label",
        });
        card.append(el("div", { class: "decide" },
          el("button", { type: "button", "data-approve": String(change.id), "data-t": "review.approve" }, t("review.approve")),
          reason,
          el("button", { type: "button", "data-reject": String(change.id), "data-t": "review.reject" }, t("review.reject"))));
      } else if (change.status === "draft") {
        card.append(el("button", { type: "button", "data-submit": String(change.id), "data-t": "submit" }, t("submit")));
      }
      card.append(el("p", { class: "message", role: "status" }));
      cards.push(card);
    }
    if (!cards.length) cards.push(el("p", { "data-t": "review.empty" }, t("review.empty")));
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
        message.textContent = t("review.approved", { revision: body.revision });
      } else if (button.dataset.reject) {
        const reason = card.querySelector("input").value.trim();
        if (!reason) { message.textContent = t("review.write_reason"); return; }
        await api.reject(Number(button.dataset.reject), reason);
        message.textContent = t("review.rejected");
      } else if (button.dataset.submit) {
        await api.submit(Number(button.dataset.submit));
        message.textContent = t("review.submitted");
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

  // Another language for the editor: the labels change in place; what is shown is drawn
  // again in it, and nothing typed is lost (the form keeps its text, reasons are kept).
  $("ui-lang").addEventListener("change", guard(() => text.switchTo($("ui-lang").value, true)));
  text.onChange(async () => {
    $("ui-lang").value = text.lang();
    if (!state.languages.length) return; // not signed in: the labels were all there is
    fillLanguages();
    if (!$("pages-view").hidden) await showPages();
    else if (!$("review-view").hidden) {
      const reasons = {};
      for (const card of document.querySelectorAll("article.change")) {
        const input = card.querySelector("input");
        if (input && input.value) reasons[card.dataset.change] = input.value;
      }
      await showReview();
      for (const [id, value] of Object.entries(reasons)) {
        const input = document.querySelector(`article.change[data-change="${id}"] input`);
        if (input) input.value = value;
      }
    } else if (!$("edit-view").hidden && state.current) {
      const { id, lang } = state.current;
      $("edit-heading").textContent = t("edit.heading", { page: id, language: text.languageName(lang) });
      describeBase();
      await Promise.all([refreshPreview(), showHistory(id, lang)]);
    }
  });

  guard(async () => {
    const remembered = text.remembered();
    if (remembered) await text.switchTo(remembered, false);
    if (api.token()) await start();
  })();
})();
