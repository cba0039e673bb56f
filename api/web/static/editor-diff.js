// A line diff (longest common subsequence) for reviewing a change against the published page.
"use strict";
window.EditorDiff = (function () {
  function lines(a, b) {
    const x = a.split("\n");
    const y = b.split("\n");
    const n = x.length, m = y.length;
    const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    const out = [];
    let i = 0, j = 0;
    while (i < n && j < m) {
      if (x[i] === y[j]) { out.push({ op: " ", text: x[i] }); i++; j++; }
      else if (lcs[i + 1][j] >= lcs[i][j + 1]) { out.push({ op: "-", text: x[i] }); i++; }
      else { out.push({ op: "+", text: y[j] }); j++; }
    }
    while (i < n) out.push({ op: "-", text: x[i++] });
    while (j < m) out.push({ op: "+", text: y[j++] });
    return out;
  }

  // The diff as DOM nodes: removed lines struck through, added lines marked, others plain.
  function render(before, after) {
    const block = document.createElement("pre");
    block.className = "diff";
    for (const line of lines(before, after)) {
      const row = document.createElement(line.op === "+" ? "ins" : line.op === "-" ? "del" : "span");
      row.textContent = `${line.op} ${line.text}\n`;
      block.append(row);
    }
    return block;
  }

  return { lines, render };
})();
