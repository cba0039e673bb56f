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
  const top = document.querySelector(".top");
  const bar = document.querySelector(".bar");
  const langs = document.querySelector("form.langs");
  const globe = document.querySelector("form.globe");
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

  // Who says what, for screen readers only: "You:" / "rightsbot:".
  function speaker(text) {
    return el("span", { class: "visually-hidden" }, text + " ");
  }

  // The real height of what stays on top (it changes with the language, the screen and
  // the text size), so scrolling to a focused control or a new answer never leaves it
  // underneath.
  function fitScrollPadding() {
    const sticky = getComputedStyle(top).display === "contents" ? bar : top;
    root.style.scrollPaddingTop = sticky.getBoundingClientRect().height + 8 + "px";
  }

  function setLanguage(reply) {
    root.lang = reply.lang;
    root.dir = reply.dir;
    ask.querySelector('input[name="lang"]').value = reply.lang;
    const ui = reply.ui;
    document.title = ui.title;
    leave.textContent = ui.leave;
    document.querySelector("h1").textContent = ui.heading;
    ask.querySelector("label").textContent = ui.ask;
    ask.querySelector('button[type="submit"]').textContent = ui.send;
    document.querySelector(".privacy p").textContent = ui.privacy;
    langs.setAttribute("aria-label", ui.languages);
    if (globe) globe.querySelector(".label").textContent = ui.languages;
    conversation.dataset.error = ui.error;
    conversation.dataset.you = ui.you;
    conversation.dataset.bot = ui.bot;
    for (const button of langs.querySelectorAll("button")) {
      button.setAttribute("aria-current", button.value === reply.lang ? "true" : "false");
    }
  }

  function drawButton(b) {
    const button = el("button", { type: "submit", name: "a", value: b.action });
    if (b.lang) button.lang = b.lang;
    if (b.icon) button.append(el("span", { "aria-hidden": "true" }, b.icon), " ");
    button.append(b.text);
    if (b.icon_end) button.append(" ", el("span", { "aria-hidden": "true" }, b.icon_end));
    return button;
  }

  function drawReply(reply) {
    setLanguage(reply);
    const item = el("li", { class: "bot", lang: reply.lang, dir: reply.dir });
    item.append(speaker(reply.ui.bot));
    const heading = el("h2", { tabindex: "-1" });
    if (reply.heading) {
      // Server-rendered from the Markdown subset: every character of content is escaped.
      heading.innerHTML = reply.heading;
      if (reply.lead) heading.className = "lead";
    } else {
      heading.className = "visually-hidden";
      heading.textContent = reply.ui.bot;
    }
    item.append(heading);
    for (const html of reply.parts) {
      const part = el("div", { class: "part" });
      part.innerHTML = html;
      item.append(part);
    }
    if (reply.buttons.length) {
      const form = el("form", { class: "buttons", method: "post", action: "/" });
      for (const row of reply.buttons) {
        const line = el("div", { class: "row" });
        for (const b of row) line.append(drawButton(b));
        form.append(line);
      }
      item.append(form);
    }
    conversation.append(item);
    fitScrollPadding();
    item.scrollIntoView({ block: "start" });
    // Keyboard and screen reader users continue from the new answer, not from the
    // button they pressed somewhere above it.
    heading.focus({ preventScroll: true });
    return item;
  }

  async function send(event, shown) {
    if (busy) return;
    busy = true;
    if (shown) {
      const mine = el("li", { class: "you" });
      const text = el("p");
      text.append(speaker(conversation.dataset.you || "You:"), shown);
      mine.append(text);
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
      const note = el("li", { class: "bot error" });
      note.append(el("p", { role: "alert" },
        conversation.dataset.error || "Sorry, something went wrong. Please try again."));
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

  if (globe) {
    globe.addEventListener("click", (event) => {
      if (!event.target.closest("button")) return;
      event.preventDefault();
      send({ type: "language" }, null);  // the language menu, in the current language
    });
  }

  fitScrollPadding();
  window.addEventListener("resize", fitScrollPadding);
  if (window.ResizeObserver) {
    const watch = new ResizeObserver(fitScrollPadding);
    watch.observe(bar);
    watch.observe(ask);
  }

  // A page restored from the back/forward cache must not show an old conversation.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) location.reload();
  });
})();
