#!/usr/bin/env python3
"""Check annotation files against GUIDELINES.md: fields, vocabularies and
that every span lies inside its document. Usage: check.py FILE..."""
import json
import re
import sys

import doc

KINDS = {
    "truce.proposed", "truce.negotiating", "truce.declared", "truce.accepted",
    "truce.rejected", "truce.extended", "truce.expanded", "truce.in_force",
    "truce.violated", "truce.collapsed", "truce.ended", "incident.attack",
    "statement.threat", "statement.demand",
}
MODALITIES = {"asserted", "negated", "hedged", "planned"}
ROLES = {"scope", "excluded", "location"}
AGENT_ROLES = {"agent", "perpetrator", "accuser", "broker", "party"}
TIME = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?$")
PRECISIONS = {"minute", "hour", "day", "month", "year"}


def problems(rec, sizes):
    if rec.get("none"):
        return [] if (rec.get("corpus"), rec.get("doc")) in sizes else ["unknown document"]
    out = []
    key = (rec.get("corpus"), rec.get("doc"))
    if key not in sizes:
        return ["unknown document"]
    for f in ("sentence", "trigger"):
        s = rec.get(f)
        if not (isinstance(s, list) and len(s) == 2 and 0 <= s[0] < s[1] <= sizes[key]):
            out.append(f"{f} span {s} outside the document")
    if rec.get("kind") not in KINDS:
        out.append(f"kind {rec.get('kind')!r}")
    if rec.get("modality") not in MODALITIES:
        out.append(f"modality {rec.get('modality')!r}")
    for p in rec.get("places") or []:
        if p.get("role") not in ROLES or not p.get("name"):
            out.append(f"place {p}")
    for a in rec.get("agents") or []:
        if a.get("role") not in AGENT_ROLES or not a.get("name"):
            out.append(f"agent {a}")
    t = rec.get("time")
    if t:
        for f in ("start", "end"):
            if t.get(f) is not None and not TIME.match(t[f]):
                out.append(f"time.{f} {t[f]!r}")
        if t.get("precision") not in PRECISIONS:
            out.append(f"time.precision {t.get('precision')!r}")
    return out


def main(paths):
    sizes = {}
    for corpus in ("mirror", "fakes", "wiki"):
        try:
            for i, _, text in doc.documents(corpus):
                sizes[(corpus, i)] = len(text.encode("utf-8"))
        except (FileNotFoundError, SystemExit):
            pass
    bad = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    print(f"{path}:{n}: not JSON: {e}")
                    bad += 1
                    continue
                for p in problems(rec, sizes):
                    print(f"{path}:{n}: {p}")
                    bad += 1
    print(f"{bad} problems")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main(sys.argv[1:])
