"""Telling same-named places apart by the places around them: ``Gazetteer._reach`` says which
context places can score a candidate at all, so that the nearest-place loop of
``find_mentions`` skips ``_by_context`` for the rest. It must never skip one that decides."""

from __future__ import annotations

from factscope.importers.gazetteer import Gazetteer


def _children(gz: Gazetteer) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for region in gz.regions():
        if region.parent_id:
            found.setdefault(region.parent_id, []).append(region.id)
    return found


def test_reach_never_skips_a_context_that_decides() -> None:
    gz = Gazetteer.default()
    children = _children(gz)
    names = sorted(k for k, ids in gz._index.exact.items() if len(ids) > 1)
    assert len(names) > 200
    every = sorted(r.id for r in gz.regions())
    decided = skipped = 0
    for n, name in enumerate(names[::3]):
        ids = tuple(gz._index.exact[name])
        up, down = gz._reach(ids)
        # context places near and far: the candidates' chains, children and siblings, and a
        # stride through the whole table
        near = {a for cid in ids for a in gz.ancestors(cid)}
        near |= {c for cid in ids for c in children.get(cid, [])}
        near |= {c for a in list(near) for c in children.get(a, [])[:20]}
        for rid in sorted(near) + every[n % 97 :: 97]:
            chosen = gz._by_context(ids, [rid])
            related = rid in up or not gz.ancestors(rid).isdisjoint(down)
            assert related or chosen is None, (name, rid, chosen)
            decided += chosen is not None
            skipped += not related
    assert decided > 500 and skipped > 5000


def test_same_named_places_are_told_apart_by_context() -> None:
    gz = Gazetteer.default()
    text = "Suzhou in Anhui Province grew. Taizhou, Jiangsu, and Hebei Province; Ganzi, Sichuan."
    chosen = {m.text: m.region_id for m in gz.find_mentions(text)}
    assert chosen["Suzhou"] == "341300"  # Anhui's 宿州, not Jiangsu's
    assert chosen["Ganzi"] is not None and chosen["Ganzi"].startswith("51")
