#!/usr/bin/env python3
"""truce and the peer baseline side by side, on the same rows and split.

    scripts/compare.py [--corpus DIR] [--reuse-peer]

Builds the release binary, runs `truce eval fakes|ucdp --format json`
(peak memory measured here), runs the peer with bench/peers/run.sh (which
sets up its virtual environment the first time) unless --reuse-peer finds its
last scores in bench/peers/out, and prints one Markdown table per set:
per-field accuracy on dev and test for both, then speed (reports per second
on one core: truce's extraction calls; the peer's reports per CPU second,
model loading excluded) and peak memory.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEERS = ROOT / "bench" / "peers"

# peer (subset, field) -> truce field name
FIELDS = {
    "fakes": [
        (("all", "governorate"), "governorate"),
        (("all", "date_exact"), "date exact"),
        (("all", "date_1day"), "date within 1 day"),
        (("printed_date", "governorate"), "governorate [label date printed]"),
        (("printed_date", "date_exact"), "date exact [label date printed]"),
        (("printed_date", "date_1day"), "date within 1 day [label date printed]"),
    ],
    "ucdp": [
        (("all", "governorate"), "governorate"),
        (("all", "date_1day"), "date within 1 day of date_start"),
        (("all", "deaths_exact"), "deaths exact"),
    ],
}


def run_truce(binary, dataset, path):
    with subprocess.Popen(
        [binary, "eval", dataset, str(path), "--format", "json", "--split", "both"],
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        stdout = child.stdout.read() if child.stdout else ""
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"compare: truce eval {dataset} failed ({child.returncode})")
    report = json.loads(stdout)
    report["peak_rss_mib"] = usage.ru_maxrss / 1024  # KiB on Linux
    return report


def peer_scores(dataset):
    score = json.loads((PEERS / "out" / f"{dataset}.score.json").read_text())
    summary = json.loads((PEERS / "out" / f"{dataset}.summary.json").read_text())
    fields = {(f["subset"], f["field"]): f for f in score["fields"]}
    return fields, summary


def pct(x):
    return "—" if x is None else f"{100 * x:.1f}%"


def table(dataset, truce, peer_fields, peer_summary):
    t_fields = {f["field"]: f for f in truce["fields"]}
    lines = [
        f"### {dataset}",
        "",
        "| field | truce dev | truce test | peer dev | peer test |",
        "|---|---:|---:|---:|---:|",
    ]
    for peer_key, truce_name in FIELDS[dataset]:
        t = t_fields.get(truce_name)
        p = peer_fields.get(peer_key)
        lines.append(
            f"| {truce_name} | {pct(t and t['dev']['rate'])} | {pct(t and t['test']['rate'])} "
            f"| {pct(p and p['dev']['accuracy'])} | {pct(p and p['test']['accuracy'])} |"
        )
    t_speed = truce["speed"]["reports_per_s"]
    p_speed = peer_summary["reports_per_cpu_second"]
    lines += [
        "",
        "| | truce | peer | ratio |",
        "|---|---:|---:|---:|",
        f"| reports/s, one core | {t_speed:,.0f} | {p_speed:,.1f} | {t_speed / p_speed:,.0f}× |",
        f"| peak memory | {truce['peak_rss_mib']:,.0f} MiB | {peer_summary['peak_rss_mib']:,.0f} MiB | |",
        "",
        f"peer: spaCy {peer_summary.get('spacy')} with {peer_summary.get('model')}, "
        f"{peer_summary.get('rows')} rows in {peer_summary.get('cpu_seconds')} CPU s "
        f"(model load {peer_summary.get('load_seconds')} s not counted).",
        "",
    ]
    return "\n".join(lines)


def main():
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    args.add_argument("--reuse-peer", action="store_true")
    opts = args.parse_args()
    corpus = Path(opts.corpus)
    files = {
        "fakes": corpus / "fakes" / "FA-KES-Dataset.csv",
        "ucdp": corpus / "ucdp-ged-syria" / "ged_syria_20160101_20191130.csv",
    }
    missing = [str(p) for p in files.values() if not p.exists()]
    if missing:
        sys.exit(f"compare: missing labelled sets: {', '.join(missing)}")
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "truce"], cwd=ROOT, check=True)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    binary = str(target / "release" / "truce")
    have_peer = all((PEERS / "out" / f"{d}.score.json").exists() for d in files)
    if not (opts.reuse_peer and have_peer):
        env = dict(os.environ, FAKES=str(files["fakes"]), UCDP=str(files["ucdp"]))
        subprocess.run([str(PEERS / "run.sh")], check=True, env=env, stdout=sys.stderr)
    for dataset, path in files.items():
        truce = run_truce(binary, dataset, path)
        peer_fields, peer_summary = peer_scores(dataset)
        print(table(dataset, truce, peer_fields, peer_summary))


if __name__ == "__main__":
    main()
