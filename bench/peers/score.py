#!/usr/bin/env python3
"""Score the peer's JSON lines against the labelled sets, dev and test apart.

    python score.py fakes FA-KES-Dataset.csv PRED.jsonl [--json]
    python score.py ucdp  ged_syria_....csv  PRED.jsonl [--json]

Fields:
  governorate  names normalised (lowercase, "governorate"/"province" dropped,
               spelling variants mapped: "deir ezzor" = "Deir ez Zor" =
               "Deir ez-Zor", "hasakeh" = "Al Hasakah", ...). FA-KES labels
               Rif Dimashq events "damascus" (it has no Rif Dimashq label), so
               there a Rif Dimashq prediction matches "damascus". UCDP keeps
               Damascus and Rif Dimashq apart; rows without adm_1 are left out
               of the governorate field.
  date         exact, and within one day (label date: FA-KES `date` M/D/YYYY,
               UCDP `date_start`).
  deaths       exact (UCDP `best`).
A labelled row of the split with no prediction counts as a miss. FA-KES is
also scored on the rows whose label date is printed in the article.
Only standard library: runs with any Python 3.
"""

import argparse
import csv
import datetime as dt
import json
import re
import sys

csv.field_size_limit(1 << 30)


def fnv1a64(s):
    h = 0xCBF29CE484222325
    for b in s.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def half_of(row_id):
    return "dev" if fnv1a64(row_id) % 2 == 0 else "test"


CANON = {
    "aleppo": "aleppo", "halab": "aleppo",
    "damascus": "damascus", "dimashq": "damascus",
    "rif dimashq": "rif dimashq", "rif-dimashq": "rif dimashq", "damascus countryside": "rif dimashq",
    "rural damascus": "rif dimashq", "reef dimashq": "rif dimashq",
    "idlib": "idlib", "idleb": "idlib",
    "homs": "homs", "hims": "homs",
    "hama": "hama", "hamah": "hama",
    "deir ez zor": "deir ez-zor", "deir ez-zor": "deir ez-zor", "deir ezzor": "deir ez-zor",
    "deir al-zor": "deir ez-zor", "dayr az zawr": "deir ez-zor", "deir ezzour": "deir ez-zor",
    "ar raqqah": "ar-raqqa", "ar-raqqah": "ar-raqqa", "ar-raqqa": "ar-raqqa", "raqqa": "ar-raqqa",
    "raqqah": "ar-raqqa", "al-raqqa": "ar-raqqa",
    "al hasakah": "al-hasakah", "al-hasakah": "al-hasakah", "hasakah": "al-hasakah",
    "hasakeh": "al-hasakah", "hasaka": "al-hasakah", "hassakeh": "al-hasakah",
    "latakia": "latakia", "lattakia": "latakia", "al-ladhiqiyah": "latakia",
    "tartus": "tartus", "tartous": "tartus",
    "daraa": "daraa", "deraa": "daraa", "dar'a": "daraa",
    "as suwayda": "as-suwayda", "as-suwayda": "as-suwayda", "suwayda": "as-suwayda",
    "sweida": "as-suwayda",
    "quneitra": "quneitra", "al-quneitra": "quneitra",
}


def norm_gov(name):
    if not name:
        return None
    n = name.lower().strip()
    n = re.sub(r"\b(governorate|province)\b", "", n).strip()
    n = " ".join(n.split())
    return CANON.get(n, n)


def gov_match(pred, gold, dataset):
    p, g = norm_gov(pred), norm_gov(gold)
    if p is None or g is None:
        return False
    if p == g:
        return True
    return dataset == "fakes" and g == "damascus" and p == "rif dimashq"


def parse_iso(s):
    try:
        return dt.date.fromisoformat(s) if s else None
    except ValueError:
        return None


def parse_mdy(s):
    try:
        m, d, y = (int(x) for x in s.strip().split("/"))
        return dt.date(y, m, d)
    except (ValueError, TypeError):
        return None


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def printed_forms(d):
    """Ways an article may print the date d."""
    full, abbr = MONTHS[d.month - 1], MONTHS[d.month - 1][:3]
    forms = []
    for day in (str(d.day), f"{d.day:02d}"):
        for mon in (full, abbr):
            forms += [f"{day} {mon} {d.year}", f"{mon} {day} {d.year}", f"{mon} {day}, {d.year}"]
        forms += [f"{day}.{d.month:02d}.{d.year}", f"{day}-{d.month:02d}-{d.year}"]
    return [f.lower() for f in forms]


def load_labels(dataset, path):
    """[(id, dict(half, governorate, date, deaths, printed))] in file order
    (FA-KES repeats a few unit_ids on distinct rows: rows are kept apart)."""
    labels = []
    if dataset == "fakes":
        with open(path, encoding="utf-8", errors="replace", newline="") as f:
            for r in csv.DictReader(f):
                d = parse_mdy(r["date"])
                text = " ".join(r["article_content"].split()).lower()
                printed = d is not None and any(form in text for form in printed_forms(d))
                labels.append((r["unit_id"], {"half": half_of(r["unit_id"]), "governorate": r["location"],
                                              "date": d, "deaths": None, "printed": printed}))
    else:
        with open(path, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                try:
                    deaths = int(r["best"])
                except ValueError:
                    deaths = None
                labels.append((r["id"], {"half": half_of(r["id"]), "governorate": r["adm_1"] or None,
                                         "date": parse_iso(r["date_start"]), "deaths": deaths}))
    return labels


def load_preds(path):
    """id -> [prediction, ...] in file order (one per row of that id)."""
    preds = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                p = json.loads(line)
                preds.setdefault(str(p["id"]), []).append(p)
    return preds


def score(dataset, labels, preds, restrict_to_predicted=False):
    """{(subset, field): {half: [correct, total]}}"""
    fields = ["governorate", "date_exact", "date_1day"] + (["deaths_exact"] if dataset == "ucdp" else [])
    subsets = ["all"] + (["printed_date"] if dataset == "fakes" else [])
    table = {(s, f): {"dev": [0, 0], "test": [0, 0]} for s in subsets for f in fields}
    seen = {}
    for rid, lab in labels:
        k = seen.get(rid, 0)
        seen[rid] = k + 1
        got = preds.get(rid, [])
        pred = got[k] if k < len(got) else None
        if pred is None and restrict_to_predicted:
            continue
        pred = pred or {}
        pdate = parse_iso(pred.get("date"))
        for s in subsets:
            if s == "printed_date" and not lab["printed"]:
                continue
            for f in fields:
                if f == "governorate":
                    if lab["governorate"] is None:
                        continue
                    ok = gov_match(pred.get("governorate"), lab["governorate"], dataset)
                elif f.startswith("date"):
                    if lab["date"] is None:
                        continue
                    if pdate is None:
                        ok = False
                    elif f == "date_exact":
                        ok = pdate == lab["date"]
                    else:
                        ok = abs((pdate - lab["date"]).days) <= 1
                else:
                    if lab["deaths"] is None:
                        continue
                    ok = pred.get("deaths") == lab["deaths"]
                cell = table[(s, f)][lab["half"]]
                cell[0] += int(ok)
                cell[1] += 1
    return table


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("set", choices=["fakes", "ucdp"])
    ap.add_argument("labels", help="the labelled CSV")
    ap.add_argument("predictions", help="the peer's JSON lines")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--predicted-only", action="store_true",
                    help="score only the rows that have a prediction (e.g. a --limit run)")
    args = ap.parse_args(argv)

    labels = load_labels(args.set, args.labels)
    preds = load_preds(args.predictions)
    ids = {rid for rid, _ in labels}
    unknown = [k for k in preds if k not in ids]
    if unknown:
        print(f"warning: {len(unknown)} predicted ids not in the labels, e.g. {unknown[:3]}", file=sys.stderr)
    # a run on one split only: leave the other half out instead of scoring it 0
    halves_predicted = {half_of(k) for k in preds if k in ids}
    n_preds = sum(len(v) for v in preds.values())
    table = score(args.set, labels, preds, restrict_to_predicted=args.predicted_only)

    if args.json:
        out = {"set": args.set, "rows_labelled": len(labels), "rows_predicted": n_preds, "fields": []}
        for (s, f), halves in table.items():
            row = {"subset": s, "field": f}
            for h, (c, n) in halves.items():
                if h in halves_predicted:
                    row[h] = {"correct": c, "total": n, "accuracy": round(c / n, 4) if n else None}
            out["fields"].append(row)
        print(json.dumps(out, indent=2))
        return

    print(f"{args.set}: {n_preds} predictions, {len(labels)} labelled rows "
          f"(split: FNV-1a 64 of the row id, even = dev, odd = test)")
    print(f"{'subset':<13} {'field':<13} {'dev':>22} {'test':>22}")
    for (s, f), halves in table.items():
        cells = []
        for h in ("dev", "test"):
            c, n = halves[h]
            if h not in halves_predicted or n == 0:
                cells.append(f"{'-':>22}")
            else:
                cells.append(f"{100 * c / n:6.1f}% ({c:>5}/{n:<5})".rjust(22))
        print(f"{s:<13} {f:<13} {cells[0]} {cells[1]}")


if __name__ == "__main__":
    main()
