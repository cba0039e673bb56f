"""``rightsbot content export DIR``: the published content, back in the ``content/`` format,
so an organisation can keep it in git and ``rightsbot content check`` accepts it."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.content.model import PageText, Snapshot


class _Dumper(yaml.SafeDumper):
    """Indent list items under their key, as the hand-written content files do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _header(page: PageText) -> str:
    header: dict[str, object] = {"title": page.title}
    if page.label:
        header["label"] = page.label
    if page.search:
        header["search"] = list(page.search)
    if page.sources:
        header["sources"] = [{"title": s.title, "url": s.url} for s in page.sources]
    header["reviewed_on"] = page.reviewed_on
    header["reviewed_by"] = page.reviewed_by
    if page.recheck_by:
        header["recheck_by"] = page.recheck_by
    return yaml.dump(header, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000)


def page_file(page: PageText) -> str:
    return f"---\n{_header(page)}---\n{page.text.strip()}\n"


def tree_file(snapshot: Snapshot) -> str:
    lines = ["# Exported from the content store. Siblings are listed in menu order.",
             f"languages: [{', '.join(snapshot.languages)}]", "pages:"]
    for node in snapshot.nodes.values():
        entry: dict[str, object] = {"id": node.id}
        if node.parent:
            entry["parent"] = node.parent
        entry["kind"] = node.kind
        if node.related:
            entry["related"] = list(node.related)
        flow = yaml.safe_dump(entry, default_flow_style=True, sort_keys=False, width=1000).strip()
        lines.append(f"  - {flow}")
    return "\n".join(lines) + "\n"


def export(snapshot: Snapshot, target: Path) -> int:
    """Write ``snapshot`` under ``target``; return the number of page files written."""
    target.mkdir(parents=True, exist_ok=True)
    (target / "tree.yaml").write_text(tree_file(snapshot), encoding="utf-8")
    written = 0
    for lang in snapshot.languages:
        folder = target / lang
        folder.mkdir(exist_ok=True)
        for stale in folder.glob("*.md"):
            if (lang, stale.stem) not in snapshot.texts:
                stale.unlink()
        for page in snapshot.pages(lang):
            (folder / f"{page.id}.md").write_text(page_file(page), encoding="utf-8")
            written += 1
    return written
