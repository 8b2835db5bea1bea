#!/usr/bin/env python3
"""Writes a synthetic structured claim set at the scale of the flight data that truth discovery is
judged on (about 2.7 million claim rows from 38 sources), for measuring `claimgraph truth`'s time
and memory at that size (docs/EVALUATION.md).

Objects are flight-days ("AA17-2011-12-05"), each with six properties: four clock times and two
gates. Every independent source covers a flight-day with probability --coverage and gets a value
right with its own accuracy, drawn uniformly from [0.5, 0.97]; a wrong time is off by 5 to 30
minutes, a wrong gate is another gate. Sources write times in one of three forms ("7:15 PM",
"19:15", "7:15pm"), which the engine's value normalisation must fold into one. The last
--copiers sources copy a fifth of the values of one of the first eight sources, errors included,
so that methods with copy detection have something to detect. Gold: every value of the first 100
flights on their first 10 days, as `object,value` CSV.

--profile copy-heavy makes the kind of set on which ACCU once fell below voting (docs/EVALUATION.md,
"Default method"): most sources copy (--copiers 22, each copying --copy-share 0.9 of one of the
first --originals 2 sources, errors included, and the copied sources are mediocre:
--original-accuracy 0.62), --sparse 6 independent sources cover few flight-days (--sparse-coverage
0.001: a few hundred claims each), a wrong actual time is the scheduled one (a stale value) with
probability --stale 0.5, so independent errors agree, and times come in --forms 5 forms that differ
by formatting only ("7:15 PM", "19:15", "7:15pm", "07:15 PM", "7:15 p.m."). Every option can also be
set on its own; the default profile writes the same rows as before these options existed.

Output (in --out): claims.csv (`source,object,value,time`, the object "flight-day|property") or,
with --format dafna, one DAFNA file per source under claims/; and truth.csv.
Deterministic for a given --seed.
"""
import argparse
import datetime
import os
import random

PROPERTIES = ("ScheduledDeparture", "ActualDeparture", "DepartureGate", "ScheduledArrival",
              "ActualArrival", "ArrivalGate")


PROFILES = {
    "copy-heavy": dict(copiers=22, copy_share=0.9, originals=2, original_accuracy=0.62, sparse=6,
                       sparse_coverage=0.001, stale=0.5, forms=5),
}


def clock(minutes, form):
    h, m = divmod(minutes % 1440, 60)
    h12 = (h - 1) % 12 + 1
    if form == 0:
        return f"{h12}:{m:02d} {'AM' if h < 12 else 'PM'}"
    if form == 1:
        return f"{h:02d}:{m:02d}"
    if form == 2:
        return f"{h12}:{m:02d}{'am' if h < 12 else 'pm'}"
    if form == 3:
        return f"{h12:02d}:{m:02d} {'AM' if h < 12 else 'PM'}"
    return f"{h12}:{m:02d} {'a.m.' if h < 12 else 'p.m.'}"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", required=True)
    p.add_argument("--sources", type=int, default=38)
    p.add_argument("--copiers", type=int, default=8)
    p.add_argument("--flights", type=int, default=1200)
    p.add_argument("--days", type=int, default=60)
    p.add_argument("--coverage", type=float, default=0.2)
    p.add_argument("--format", choices=("csv", "dafna"), default="csv")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--profile", choices=("default",) + tuple(PROFILES), default="default")
    p.add_argument("--copy-share", type=float, default=None)
    p.add_argument("--originals", type=int, default=None)
    p.add_argument("--original-accuracy", type=float, default=None)
    p.add_argument("--sparse", type=int, default=None)
    p.add_argument("--sparse-coverage", type=float, default=None)
    p.add_argument("--stale", type=float, default=None)
    p.add_argument("--forms", type=int, default=None)
    a = p.parse_args()
    base = dict(copiers=8, copy_share=0.2, originals=8, original_accuracy=None, sparse=0,
                sparse_coverage=a.coverage, stale=0.0, forms=3)
    base.update(PROFILES.get(a.profile, {}))
    for k in base:
        if getattr(a, k, None) is not None and not (k == "copiers" and a.profile != "default"
                                                    and a.copiers == 8):
            base[k] = getattr(a, k)
    for k, v in base.items():
        setattr(a, k, v)
    rng = random.Random(a.seed)
    independent = a.sources - a.copiers
    accuracy = [rng.uniform(0.5, 0.97) for _ in range(a.sources)]
    copies = {s: rng.randrange(min(a.originals, independent))
              for s in range(independent, a.sources)}
    if a.original_accuracy is not None:
        for s in range(min(a.originals, independent)):
            accuracy[s] = a.original_accuracy
    sparse = set(range(independent - a.sparse, independent))

    os.makedirs(a.out, exist_ok=True)
    if a.format == "csv":
        claims = open(os.path.join(a.out, "claims.csv"), "w")
        claims.write("source,object,value,time\n")
        files = [claims] * a.sources
    else:
        os.makedirs(os.path.join(a.out, "claims"), exist_ok=True)
        files = [open(os.path.join(a.out, "claims", f"source{s}.txt"), "w")
                 for s in range(a.sources)]
    gold = open(os.path.join(a.out, "truth.csv"), "w")
    gold.write("object,value\n")
    rows = 0

    def wrong_gate():
        return f"{rng.choice('ABCDE')}{rng.randint(1, 40)}"

    for f in range(a.flights):
        for d in range(a.days):
            date = (datetime.date(2011, 12, 1) + datetime.timedelta(days=d)).isoformat()
            day = f"AA{f}-{date}"
            truth = {p: wrong_gate() if "Gate" in p else rng.randint(0, 1439) for p in PROPERTIES}
            if f < 100 and d < 10:
                for prop in PROPERTIES:
                    v = truth[prop] if "Gate" in prop else clock(truth[prop], 1)
                    gold.write(f"{day}|{prop},{v}\n")
            given = {}
            minutes = {}
            for s in range(a.sources):
                if s in copies:
                    original = given.get(copies[s])
                    if not original:
                        continue
                    values = {p: v for p, v in original.items() if rng.random() < a.copy_share}
                    if a.forms > 3:  # a copier writes the copied times in its own form
                        values = {p: clock(minutes[copies[s]][p], s % a.forms)
                                  if p in minutes[copies[s]] else v for p, v in values.items()}
                elif rng.random() < (a.sparse_coverage if s in sparse else a.coverage):
                    values = {}
                    minutes[s] = {}
                    for prop in PROPERTIES:
                        t = truth[prop]
                        if rng.random() > accuracy[s]:
                            if "Gate" in prop:
                                t = wrong_gate()
                            elif a.stale and prop.startswith("Actual") and rng.random() < a.stale:
                                t = truth[prop.replace("Actual", "Scheduled")]
                                if t == truth[prop]:
                                    t += 5
                            else:
                                t = t + rng.choice((-15, -5, 5, 10, 30))
                        if "Gate" not in prop:
                            minutes[s][prop] = t
                        values[prop] = t if "Gate" in prop else clock(t, s % a.forms)
                else:
                    continue
                given[s] = values
                for prop, v in values.items():
                    rows += 1
                    if a.format == "csv":
                        files[s].write(f"source{s},{day}|{prop},{v},{date}\n")
                    else:
                        files[s].write(f"{rows}|\t|\t{day}|\t{prop}|\t{v}|\tsource{s}|\t{date}|\t\n")
    print(f"{rows} claim rows from {a.sources} sources in {a.out}")


if __name__ == "__main__":
    main()
