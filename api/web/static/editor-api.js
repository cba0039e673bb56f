// The editor's only way to the server: the public API with the tab's bearer token.
// The token lives in sessionStorage, so it is gone when the tab closes. Every request asks
// for the editor's language, so the API's messages come in it too.
"use strict";
window.EditorApi = (function () {
  const KEY = "rightsbot-editor-token";
  const BASE = "/api/v1";
  const text = window.EditorText;
  const FIELDS = { title: "field.title", label: "field.label", text: "field.text",
    search_phrases: "field.search_phrases", sources: "field.sources_short",
    recheck_by: "field.recheck_by" };

  // A field's name as the form labels it ("search_phrases" -> "Search phrases").
  function fieldName(field) { return FIELDS[field] ? text.t(FIELDS[field]) : field; }

  function token() { return sessionStorage.getItem(KEY); }
  function setToken(value) { sessionStorage.setItem(KEY, value); }
  function forget() { sessionStorage.removeItem(KEY); }

  function describe(status, body) {
    const detail = body && body.detail;
    if (Array.isArray(detail)) {
      return detail.map((d) => text.t("field.problem", {
        field: fieldName((d.loc || []).filter((p) => p !== "body").join(".")), message: d.msg,
      })).join("; ");
    }
    return detail ? String(detail) : text.t("server", { status });
  }

  async function call(method, path, options) {
    const opts = options || {};
    const headers = Object.assign({ Accept: "application/json", "Accept-Language": text.lang() },
      opts.headers || {});
    if (token()) headers.Authorization = `Bearer ${token()}`;
    if (opts.json !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(BASE + path, {
      method, headers, cache: "no-store", credentials: "omit", referrerPolicy: "no-referrer",
      body: opts.json !== undefined ? JSON.stringify(opts.json) : undefined,
    });
    let body = null;
    const type = response.headers.get("content-type") || "";
    if (type.includes("json")) body = await response.json();
    if (!response.ok) {
      const error = new Error(describe(response.status, body));
      error.status = response.status;
      error.body = body;
      throw error;
    }
    return { body, etag: response.headers.get("etag"), status: response.status };
  }

  const q = encodeURIComponent;
  return {
    token, setToken, forget, fieldName,
    health: () => call("GET", "/health"),
    check: () => call("GET", "/changes?limit=1"),
    translations: () => call("GET", "/translations"),
    page: (id, lang) => call("GET", `/pages/${q(id)}?lang=${q(lang)}`),
    revisions: (id, lang) => call("GET", `/pages/${q(id)}/revisions?lang=${q(lang)}`),
    rollback: (id, lang, revision) => call("POST", `/pages/${q(id)}/rollback`, { json: { lang, revision } }),
    preview: (draft) => call("POST", "/preview", { json: draft }),
    links: (id, lang) => call("GET", `/links/${q(id)}?lang=${q(lang)}`),
    propose: (draft, etag) => call("POST", "/changes", {
      json: draft, headers: etag ? { "If-Match": etag } : { "If-None-Match": "*" },
    }),
    changes: (status) => call("GET", `/changes?status=${q(status)}`),
    submit: (id) => call("POST", `/changes/${id}/submit`),
    approve: (id) => call("POST", `/changes/${id}/approve`),
    reject: (id, reason) => call("POST", `/changes/${id}/reject`, { json: { reason } }),
  };
})();
