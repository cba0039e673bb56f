// The web chat, enhanced: answers arrive without reloading the page. The conversation lives
// only in this page's DOM: no cookies, no storage, no history entries. "Leave quickly"
// empties the page and replaces it, so the back button does not bring it back.
"use strict";
(function () {
  const root = document.documentElement;
  const conversation = document.getElementById("conversation");
  const ask = document.getElementById("ask");
  const input = document.getElementById("q");
  const leave = document.getElementById("leave");
  const langs = document.querySelector("form.langs");
  let busy = false;

  function leaveNow(event) {
    if (event) event.preventDefault();
    const target = leave.getAttribute("href");
    conversation.replaceChildren();
    input.value = "";
    document.title = "Search";
    // The entry of this page is replaced by the neutral site elsewhere, so neither the
    // address bar nor Back shows this service any more.
    history.replaceState(null, "", "/");
    location.replace(target);
  }

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function setLanguage(reply) {
    root.lang = reply.lang;
    root.dir = reply.dir;
    ask.querySelector('input[name="lang"]').value = reply.lang;
    const ui = reply.ui;
    document.title = ui.title;
    leave.textContent = ui.leave;
    input.placeholder = ui.ask;
    ask.querySelector("label").textContent = ui.ask;
    ask.querySelector('button[type="submit"]').textContent = ui.send;
    document.querySelector(".privacy p").textContent = ui.privacy;
    langs.setAttribute("aria-label", ui.languages);
    conversation.dataset.error = ui.error;
    for (const button of langs.querySelectorAll("button")) {
      button.setAttribute("aria-current", button.value === reply.lang ? "true" : "false");
    }
  }

  function drawReply(reply) {
    const section = el("section", { class: "bot", lang: reply.lang, dir: reply.dir });
    for (const html of reply.parts) {
      // Server-rendered from the Markdown subset: every character of content is escaped.
      const part = el("div", { class: "part" });
      part.innerHTML = html;
      section.append(part);
    }
    if (reply.buttons.length) {
      const form = el("form", { class: "buttons", method: "post", action: "/" });
      for (const row of reply.buttons) {
        const line = el("div", { class: "row" });
        for (const b of row) {
          line.append(el("button", { type: "submit", name: "a", value: b.action }, b.label));
        }
        form.append(line);
      }
      section.append(form);
    }
    conversation.append(section);
    setLanguage(reply);
    section.scrollIntoView({ block: "start" });
    return section;
  }

  async function send(event, shown) {
    if (busy) return;
    busy = true;
    if (shown) {
      const mine = el("section", { class: "you" });
      mine.append(el("p", {}, shown));
      conversation.append(mine);
    }
    try {
      const response = await fetch("/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ lang: root.lang, event: event }),
        cache: "no-store",
        credentials: "omit",
        referrerPolicy: "no-referrer",
      });
      if (!response.ok) throw new Error(String(response.status));
      drawReply(await response.json());
    } catch (err) {
      const note = el("section", { class: "bot error", role: "alert" });
      note.append(el("p", {}, conversation.dataset.error || "Sorry, something went wrong. Please try again."));
      conversation.append(note);
    } finally {
      busy = false;
    }
  }

  leave.addEventListener("click", leaveNow);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") leaveNow(event);
  });

  conversation.addEventListener("click", (event) => {
    const button = event.target.closest("form.buttons button[name='a']");
    if (!button) return;
    event.preventDefault();
    send({ type: "button", data: button.value }, null);
  });

  ask.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send({ type: "text", data: text }, text);
  });

  langs.addEventListener("click", (event) => {
    const button = event.target.closest("button[name='lang']");
    if (!button) return;
    event.preventDefault();
    send({ type: "language", data: button.value }, null);
  });

  // A page restored from the back/forward cache must not show an old conversation.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) location.reload();
  });
})();
