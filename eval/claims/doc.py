#!/usr/bin/env python3
"""Read the evaluation documents by id, with byte offsets, for annotators.

The texts stay in ../shared (their copyright is the publishers'); this tool
only shows them. Offsets are byte offsets into the UTF-8 text that truce
reads for the document:

  mirror  the "text" field of a line of
          corpus/news2016-aggregator-mirror/syria_articles_2016H1.jsonl,
          id = its "source_file"
  fakes   the "article_content" field of a row of corpus/fakes/FA-KES-Dataset.csv,
          id = its "unit_id"
  wiki    the body (after the closing front-matter line "---") of
          corpus/wikipedia-syria-frontlines/NAME.md, id = NAME.md

Usage:
  doc.py list CORPUS                 ids (fakes: the annotated selection)
  doc.py show CORPUS ID              the text, one sentence a line, "[start,end) text"
  doc.py find CORPUS ID TEXT [AFTER] byte offsets of TEXT (first at or after AFTER)
  doc.py split ID                    dev or test (FNV-1a 64 of the id: even dev, odd test)
"""
import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("TRUCE_SHARED", os.path.join(HERE, "..", "..", "..", "shared"))
CORPUS = os.path.join(SHARED, "corpus")
MIRROR = os.path.join(CORPUS, "news2016-aggregator-mirror", "syria_articles_2016H1.jsonl")
FAKES = os.path.join(CORPUS, "fakes", "FA-KES-Dataset.csv")
WIKI = os.path.join(CORPUS, "wikipedia-syria-frontlines")
WIKI_PAGES = [
    "syrian_civil_war_ceasefires.md",
    "deconfliction_line.md",
    "siege_of_eastern_ghouta.md",
    "second_northern_syria_buffer_zone.md",
    "idlib_demilitarization_2018-2019.md",
]


def fnv1a64(s):
    h = 0xCBF29CE484222325
    for b in s.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def half(doc_id):
    return "dev" if fnv1a64(doc_id) % 2 == 0 else "test"


def wiki_body(raw):
    if raw.startswith("---"):
        end = raw.find("\n---", 3)
        if end >= 0:
            nl = raw.find("\n", end + 4)
            return raw[nl + 1 :] if nl >= 0 else ""
    return raw


def fakes_selection(rows):
    """100 FA-KES articles: up to 50 that speak of a truce, the rest others,
    each group in FNV order of unit_id (deterministic, no hand picking)."""
    cue = re.compile(r"ceasefire|cease-fire|truce|cessation of hostilities|de-escalation|calm", re.I)
    ordered = sorted(rows, key=lambda r: fnv1a64(r["unit_id"]))
    truce = [r for r in ordered if cue.search(r["article_content"])][:50]
    picked = {r["unit_id"] for r in truce}
    rest = [r for r in ordered if r["unit_id"] not in picked][: 100 - len(truce)]
    return truce + rest


def documents(corpus):
    """(id, published, text) for every document of a corpus."""
    if corpus == "mirror":
        with open(MIRROR, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                yield r["source_file"], r["post_date"], r["text"]
    elif corpus == "fakes":
        with open(FAKES, encoding="utf-8", errors="replace", newline="") as f:
            rows = list(csv.DictReader(f))
        for r in fakes_selection(rows):
            yield r["unit_id"], r["date"], r["article_content"]
    elif corpus == "wiki":
        for name in WIKI_PAGES:
            with open(os.path.join(WIKI, name), encoding="utf-8") as f:
                yield name, "2023-07-01", wiki_body(f.read())
    else:
        sys.exit(f"doc.py: unknown corpus {corpus!r} (mirror, fakes or wiki)")


def get(corpus, doc_id):
    for i, published, text in documents(corpus):
        if i == doc_id:
            return published, text
    sys.exit(f"doc.py: no document {doc_id!r} in {corpus}")


SENT_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")


def sentences(text):
    """Rough sentences with byte offsets: enough to point at; truce's own
    splitter is what the scorer trusts."""
    data = text.encode("utf-8")
    start = 0
    for m in list(SENT_END.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        seg = text[start:end]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            s = len(text[: start + lead].encode("utf-8"))
            e = len(text[:end].encode("utf-8"))
            yield s, e, data[s:e].decode("utf-8")
        start = m.end() if m else len(text)


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    cmd = argv[1]
    if cmd == "list":
        for i, published, _ in documents(argv[2]):
            print(f"{i}\t{published}\t{half(i)}")
    elif cmd == "show":
        published, text = get(argv[2], argv[3])
        print(f"# {argv[3]}  published {published}  split {half(argv[3])}  bytes {len(text.encode('utf-8'))}")
        for s, e, sent in sentences(text):
            print(f"[{s},{e}) {sent}")
    elif cmd == "find":
        _, text = get(argv[2], argv[3])
        data = text.encode("utf-8")
        after = int(argv[5]) if len(argv) > 5 else 0
        needle = argv[4].encode("utf-8")
        at = data.find(needle, after)
        if at < 0:
            sys.exit(f"doc.py: {argv[4]!r} not found after byte {after}")
        print(f"{at} {at + len(needle)}")
    elif cmd == "split":
        print(half(argv[2]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
