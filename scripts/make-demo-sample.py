#!/usr/bin/env python3
"""Cuts the demo history (samples/history/bitbrains-rnd-sample.csv.gz) out of the Bitbrains Rnd trace.

Twelve series spread over the range of sizes (every 16th series when ordered by peak usage), the first 14 days of
August 2013. Deterministic: the same input gives the same bytes.

    python3 scripts/make-demo-sample.py ../shared/datasets/bitbrains_rnd_2013aug/working_set.csv.gz
"""
import csv
import gzip
import io
import sys
from collections import defaultdict

START, END = 1375315200, 1376524800  # 2013-08-01T00:00:00Z .. 2013-08-15T00:00:00Z
OUTPUT = "samples/history/bitbrains-rnd-sample.csv.gz"


def main(source: str) -> None:
    rows = defaultdict(list)
    with gzip.open(source, "rt", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        for series, timestamp, value in reader:
            if START <= int(timestamp) < END:
                rows[series].append((int(timestamp), value))
    by_peak = sorted(rows, key=lambda s: max(float(v) for _, v in rows[s]))
    chosen = sorted(by_peak[8::16][:12])
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(header)
    for series in chosen:
        for timestamp, value in sorted(rows[series]):
            writer.writerow([series, timestamp, value])
    with open(OUTPUT, "wb") as out:
        # mtime=0 keeps the gzip header, and so the file, identical across runs.
        with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0) as gz:
            gz.write(text.getvalue().encode())
    print(f"{OUTPUT}: {len(chosen)} series, {sum(len(rows[s]) for s in chosen)} rows")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/datasets/bitbrains_rnd_2013aug/working_set.csv.gz")
