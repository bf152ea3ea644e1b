#!/usr/bin/env python3
"""Can a researcher load truce's exports? Ingests the example reports plus
three invented reports of one air strike (given only by URL, from three
outlets) into a scratch store with the built binary, exports events and
truces as CSV and GeoJSON, and loads them with pandas and GeoPandas:
typed columns (dates parse, numbers are numeric), one row for the strike
reported three times, with its three sources.

    python3 scripts/test_exports.py [--truce target/release/truce] [examples/reports]

Needs pandas and geopandas (.ci/run makes a venv with them). Ends with
"exports: N passed, M failed" and exits non-zero when a check fails.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

import geopandas as gpd
import pandas as pd

# Invented reports (not real articles): one strike, three outlets, no
# outlet field, only URLs.
STRIKE = [
    (
        "https://www.reuters.com/article/example-strike-1",
        "2016-06-08",
        "Government air strikes killed 9 civilians in the town of Saraqib on "
        "Tuesday, a monitoring group said.",
    ),
    (
        "https://www.aljazeera.com/news/2016/6/8/example-strike",
        "2016-06-08",
        "At least 11 people were killed in government air strikes on the town "
        "of Saraqib on Tuesday, rescue workers said.",
    ),
    (
        "https://www.bbc.co.uk/news/world-middle-east-example",
        "2016-06-08",
        "Government warplanes struck the town of Saraqib on Tuesday, killing "
        "9 civilians, activists said.",
    ),
]

EVENT_TYPES = {
    "event_id": "string",
    "date_precision": "string",
    "event_type": "string",
    "sub_event_type": "string",
    "actor1": "string",
    "actor2": "string",
    "admin1": "string",
    "admin2": "string",
    "location": "string",
    "place_id": "string",
    "latitude": "float64",
    "longitude": "float64",
    "geo_precision": "Int64",
    "fatalities_low": "Float64",
    "fatalities_best": "Float64",
    "fatalities_high": "Float64",
    "injured_best": "Float64",
    "n_sources": "Int64",
    "source_urls": "string",
    "source_outlets": "string",
    "citations": "string",
    "truce_id": "string",
    "violation": "boolean",
}


def run(truce, db, *args):
    out = subprocess.run(
        [truce, "--db", str(db), *args], check=True, capture_output=True, text=True
    )
    return out.stdout


def export(truce, db, tmp, fmt, what):
    path = tmp / f"{what}.{fmt}"
    path.write_text(run(truce, db, "export", "--format", fmt, "--what", what))
    return path


def make_inputs(tmp, reports):
    strike = tmp / "strike.jsonl"
    with strike.open("w") as f:
        for i, (url, published, text) in enumerate(STRIKE):
            f.write(json.dumps({"id": f"strike-{i}", "url": url, "published": published, "text": text}) + "\n")
    return [str(reports), str(strike)]


def load_events(path):
    events = pd.read_csv(path, dtype=EVENT_TYPES, parse_dates=["date"], keep_default_na=True)
    assert pd.api.types.is_datetime64_any_dtype(events["date"]), events["date"].dtype
    for col in ["latitude", "longitude", "fatalities_best", "n_sources", "geo_precision"]:
        assert pd.api.types.is_numeric_dtype(events[col]), (col, events[col].dtype)
    assert events["event_id"].is_unique
    assert events["geo_precision"].dropna().isin([1, 2, 3]).all()
    return events


def check_events_csv(ctx):
    events = load_events(ctx["events.csv"])
    strike = events[(events["location"] == "Saraqib") & (events["date"] == "2016-06-07")]
    assert len(strike) == 1, strike
    row = strike.iloc[0]
    assert row["n_sources"] == 3, row
    outlets = set(row["source_outlets"].split("; "))
    assert outlets == {"Reuters", "Al Jazeera", "BBC"}, outlets
    assert len(row["source_urls"].split("; ")) == 3
    assert row["fatalities_low"] == 9 and row["fatalities_high"] == 11, row
    assert row["fatalities_low"] <= row["fatalities_best"] <= row["fatalities_high"]
    # every reported toll is ordered
    tolls = events.dropna(subset=["fatalities_best"])
    assert (tolls["fatalities_low"] <= tolls["fatalities_best"]).all()
    assert (tolls["fatalities_best"] <= tolls["fatalities_high"]).all()
    assert len(events) >= 2, events


def check_events_geojson(ctx):
    events = gpd.read_file(ctx["events.geojson"])
    assert (events.geom_type == "Point").all()
    assert (events["kind"] == "event").all()
    assert events.crs is None or events.crs.to_epsg() == 4326
    csv = load_events(ctx["events.csv"])
    assert len(events) == len(csv)
    strike = events[events["event_id"].isin(csv.loc[csv["n_sources"] == 3, "event_id"])]
    assert len(strike) == 1 and strike.iloc[0]["n_sources"] == 3
    # Saraqib lies in Idlib: the point falls in the province's box
    p = strike.geometry.iloc[0]
    assert 35.5 < p.y < 36.5 and 36.0 < p.x < 37.2, p


def check_truces(ctx):
    truces = pd.read_csv(ctx["truces.csv"])
    assert len(truces) >= 3, truces
    for col in ["declared", "effective", "end"]:
        # every time carries its offset, and one column may hold two (a
        # truce of February at +02:00 beside one of May at +03:00, the
        # zone's summer time): pandas reads such a column with utc=True
        raw = truces[col].dropna()
        assert raw.str.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$").all(), (col, raw)
        truces[col] = pd.to_datetime(truces[col], utc=True, format="ISO8601")
        assert pd.api.types.is_datetime64_any_dtype(truces[col]), (col, truces[col].dtype)
    assert pd.api.types.is_integer_dtype(truces["n_sources"])
    assert truces["declaration"].dropna().isin(["unilateral", "bilateral", "multilateral"]).all()
    areas = gpd.read_file(ctx["truces.geojson"])
    assert (areas["kind"] == "truce_area").all()
    assert set(areas.geom_type) <= {"Point", "Polygon", "MultiPolygon"}
    assert areas.is_valid.mean() > 0.9
    assert set(areas["truce"]) <= set(truces["id"])


CHECKS = [check_events_csv, check_events_geojson, check_truces]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--truce", default="target/release/truce")
    ap.add_argument("reports", nargs="?", default="examples/reports")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = tmp / "exports.db"
        run(args.truce, db, "ingest", "--quiet", *make_inputs(tmp, args.reports))
        ctx = {
            f"{what}.{fmt}": export(args.truce, db, tmp, fmt, what)
            for what in ["events", "truces"]
            for fmt in ["csv", "geojson"]
        }
        passed = failed = 0
        for check in CHECKS:
            try:
                check(ctx)
                passed += 1
                print(f"ok {check.__name__}")
            except Exception:
                failed += 1
                print(f"FAILED {check.__name__}")
                traceback.print_exc()
    print(f"exports: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
