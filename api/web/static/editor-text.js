// The editor's words in the volunteer's language. The server renders the page in the
// language the browser asks for and puts the same words here as JSON; switching language
// fetches the other words and changes the labels in place, so nothing being edited is lost.
// The choice is remembered as a language code in localStorage: no cookie, nothing personal.
"use strict";
window.EditorText = (function () {
  const KEY = "rightsbot-editor-language";
  let data = JSON.parse(document.getElementById("editor-data").textContent);
  const listeners = [];

  // t("saved", { id: 3 }) -> "Saved as draft (change 3). ..." in the current language.
  function t(key, values) {
    const template = data.strings[key];
    if (template === undefined) return key;
    return template.replace(/\{(\w+)\}/g, (whole, name) =>
      values && values[name] !== undefined ? String(values[name]) : whole);
  }

  function languageName(code) {
    const found = data.languages.find((l) => l.code === code);
    return found ? found.name : code;
  }

  // Every element marked data-t gets its words; data-t-alt, -placeholder and -aria-label
  // set those attributes.
  function apply(root) {
    const scope = root || document;
    for (const node of scope.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
    for (const attr of ["alt", "placeholder", "aria-label"]) {
      const name = "t" + attr.replace(/(^|-)(\w)/g, (m, dash, c) => c.toUpperCase());
      for (const node of scope.querySelectorAll(`[data-t-${attr}]`)) {
        node.setAttribute(attr, t(node.dataset[name]));
      }
    }
    document.documentElement.lang = data.lang;
    document.title = t("title");
  }

  async function switchTo(lang, remember) {
    if (remember) localStorage.setItem(KEY, lang);
    if (lang === data.lang) return;
    const response = await fetch(`/editor/strings?lang=${encodeURIComponent(lang)}`, {
      cache: "no-store", credentials: "omit", referrerPolicy: "no-referrer",
    });
    if (!response.ok) return;
    data = await response.json();
    apply();
    const url = new URL(location.href);
    url.searchParams.set("lang", data.lang);
    history.replaceState(history.state, "", url.pathname + url.search);
    for (const listener of listeners) await listener(data.lang);
  }

  // The language remembered from an earlier visit, unless the address names one.
  function remembered() {
    if (new URL(location.href).searchParams.get("lang")) return null;
    const stored = localStorage.getItem(KEY);
    return stored && data.languages.some((l) => l.code === stored) ? stored : null;
  }

  return {
    t, apply, switchTo, remembered, languageName,
    lang: () => data.lang,
    onChange: (listener) => listeners.push(listener),
  };
})();
