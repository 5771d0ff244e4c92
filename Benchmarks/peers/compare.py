#!/usr/bin/env python3
"""Times classify against two peers that implement the same rule semantics, and measures how far
their labels agree with classify's (`make bench-compare`; see README.md here).

Steps, in one run:
  1. the corpus: --corpus PATH (BENCH_CORPUS), else ~20 MB made by repeating Examples/*.txt,
     kept in the work directory and reused;
  2. classify's whole process, `classify < corpus > /dev/null`, timed with `--threads 1` and with
     its default threads when classify has a --threads option (else once, as it is);
  3. the segments, `classify segment` (and `--segment paragraph`, which tells the peers where
     paragraphs start), and classify's labels and evidence (`classify --explain < corpus`);
  4. the Python reference (re) and the Hyperscan peer on those segments; they time only their
     classification;
  5. MB/s, ratios and agreement: the share of segments whose label set equals classify's, overall
     and per category, with the disagreements counted in each direction; and the share of
     segments whose evidence (the patterns and keyword terms that counted) is the same.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))


def make_corpus(path: str, megabytes: float) -> None:
    """Examples/*.txt repeated (each round followed by a blank line, like `make throughput`)."""
    names = sorted(
        os.path.join(ROOT, "Examples", n) for n in os.listdir(os.path.join(ROOT, "Examples")) if n.endswith(".txt")
    )
    chunk = b"".join(open(n, "rb").read() for n in names) + b"\n"
    rounds = max(1, int(megabytes * 1e6 / len(chunk)) + 1)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temporary = path + ".part"
    with open(temporary, "wb") as handle:
        handle.write(chunk * rounds)
    os.replace(temporary, path)


def run(command: list[str], stdin_path: str, stdout) -> float:
    """Runs a command on a file as standard input; its wall-clock seconds."""
    with open(stdin_path, "rb") as stdin:
        started = time.perf_counter()
        result = subprocess.run(command, stdin=stdin, stdout=stdout)
        seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit("compare: %s exited with status %d" % (" ".join(command), result.returncode))
    return seconds


def has_threads_option(classify: str) -> bool:
    texts = []
    for arguments in (["run", "--help"], ["--help"]):
        result = subprocess.run([classify] + arguments, capture_output=True, text=True)
        texts.append(result.stdout + result.stderr)
    return any("--threads" in text for text in texts)


def read_labels(path: str) -> dict[tuple[int, int], tuple[frozenset, dict, frozenset]]:
    """(labels, scores, evidence) by (doc, seg); evidence is the set of "rule" (a pattern) and
    "rule:term" (a keyword) that counted, from classify --explain or a peer's --explain."""
    labels = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("{"):
                item = json.loads(line)
                evidence = set()
                for entry in item.get("evidence", []):
                    if isinstance(entry, str):
                        evidence.add(entry)
                    elif "error" in entry:
                        evidence.add("%s!%s" % (entry["rule"], entry["error"]))
                    else:
                        evidence.add(entry["rule"] + (":" + entry["term"] if "term" in entry else ""))
                labels[(item["doc"], item["seg"])] = (
                    frozenset(item["labels"]), item.get("scores", {}), frozenset(evidence))
    return labels


def agreement(classify: dict, peer: dict, categories: list[str]) -> dict:
    keys = [k for k in classify if k in peer]
    figures = {"segments": len(keys), "missing": len(classify) - len(keys), "equal": 0, "differing": [],
               "same_rules": 0, "rules": {}}  # fmt: skip
    per = {c: {"agree": 0, "classify_only": 0, "peer_only": 0} for c in categories}
    for key in keys:
        ours, theirs = classify[key][0], peer[key][0]
        if ours == theirs:
            figures["equal"] += 1
        else:
            figures["differing"].append(key)
        our_rules, their_rules = classify[key][2], peer[key][2]
        if our_rules == their_rules:
            figures["same_rules"] += 1
        for entry in our_rules ^ their_rules:
            rule = entry.split(":")[0]
            counts = figures["rules"].setdefault(rule, [0, 0])
            counts[0 if entry in our_rules else 1] += 1
        for category in categories:
            a, b = category in ours, category in theirs
            if a == b:
                per[category]["agree"] += 1
            elif a:
                per[category]["classify_only"] += 1
            else:
                per[category]["peer_only"] += 1
    figures["categories"] = per
    return figures


def percent(part: int, whole: int) -> str:
    return "%.2f%%" % (100.0 * part / whole) if whole else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--classify", default=os.path.join(ROOT, ".build", "release", "classify"))
    parser.add_argument("--corpus", help="the input text (default: Examples/*.txt repeated)")
    parser.add_argument("--megabytes", type=float, default=20.0, help="size of the default corpus")
    parser.add_argument("--workdir", default=os.path.join(ROOT, ".build", "bench-compare"))
    parser.add_argument("--rules", help="rule directory for all three (default: the stock rules)")
    parser.add_argument("--show", type=int, default=0, help="print this many disagreements per peer")
    parser.add_argument("--peers", default="reference,hyperscan", help="which peers to run")
    args = parser.parse_args()

    os.makedirs(args.workdir, exist_ok=True)
    corpus = args.corpus
    if not corpus:
        corpus = os.path.join(args.workdir, "corpus-examples-%gMB.txt" % args.megabytes)
        if not os.path.exists(corpus):
            make_corpus(corpus, args.megabytes)
    size = os.path.getsize(corpus)
    megabytes = size / 1e6
    classify = os.path.abspath(args.classify)
    rules = ["--rules", args.rules] if args.rules else []
    shown = os.path.relpath(corpus, ROOT) if os.path.abspath(corpus).startswith(ROOT + os.sep) else corpus
    print("corpus: %s (%.1f MB)" % (shown, megabytes))

    # classify's whole process.
    timings: list[tuple[str, float]] = []
    if has_threads_option(classify):
        variants = [("classify --threads 1", ["--threads", "1"]), ("classify, default threads", [])]
    else:
        variants = [("classify", [])]
        print("(classify has no --threads option: it runs on one thread)")
    startup = min(run([classify] + rules, os.devnull, subprocess.DEVNULL) for _ in range(3))
    for name, extra in variants:
        seconds = run([classify] + rules + extra, corpus, subprocess.DEVNULL)
        timings.append((name, seconds))
        print("%-40s %6.1f MB in %6.2f s: %7.2f MB/s  (whole process)" % (name, megabytes, seconds, megabytes / seconds))
    print("%-40s %6.2f s (loading and compiling the rules)" % ("classify start-up, empty input", startup))

    # Segments, paragraph starts and classify's labels with their evidence.
    segments = os.path.join(args.workdir, "segments.jsonl")
    paragraphs = os.path.join(args.workdir, "paragraphs.jsonl")
    labels = os.path.join(args.workdir, "classify.jsonl")
    with open(segments, "wb") as out:
        run([classify, "segment"], corpus, out)
    with open(paragraphs, "wb") as out:
        run([classify, "segment", "--segment", "paragraph"], corpus, out)
    with open(labels, "wb") as out:
        run([classify, "--explain"] + rules, corpus, out)
    ours = read_labels(labels)

    titles = {"reference": "Python reference (re)", "hyperscan": "Hyperscan peer"}
    peers = []
    for peer in args.peers.split(","):
        if peer == "hyperscan" and importlib.util.find_spec("hyperscan") is None:
            print("Hyperscan peer: skipped, the hyperscan module is not installed (pip install hyperscan)")
            continue
        script = {"reference": "reference.py", "hyperscan": "hyperscan_peer.py"}[peer]
        output = os.path.join(args.workdir, peer + ".jsonl")
        stats_path = os.path.join(args.workdir, peer + "-stats.json")
        command = [sys.executable, os.path.join(HERE, script), "--segments", segments, "--paragraphs", paragraphs,
                   "--output", output, "--stats-json", stats_path, "--explain", "--quiet"]  # fmt: skip
        if peer == "hyperscan":
            command += ["--cache", args.workdir]
        if args.rules:
            command += ["--rules", args.rules]
        result = subprocess.run(command)
        if result.returncode != 0:
            sys.exit("compare: %s failed (status %d)" % (script, result.returncode))
        with open(stats_path, encoding="utf-8") as handle:
            stats = json.load(handle)
        peers.append((peer, stats, read_labels(output)))
        print(
            "%-40s %6.1f MB in %6.2f s: %7.2f MB/s  (classification only, %d segments)"
            % (titles[peer], stats["bytes"] / 1e6, stats["seconds"], stats["mb_per_s"], stats["segments"])
        )

    print()
    for name, seconds in timings:
        for peer, stats, _labels in peers:
            ratio = megabytes / seconds / stats["mb_per_s"]
            net = megabytes / (seconds - startup) / stats["mb_per_s"] if seconds > startup else float("nan")
            print("%-40s %6.1fx   (%.1fx without classify's start-up)" % ("%s / %s" % (name, peer), ratio, net))
    print("(classify: the whole process, reading, segmenting, classifying, writing JSON lines;")
    print(" peers: their classification of the segments only, one thread)")

    print()
    for peer, stats, _labels in peers:
        for line in stats.get("summary", []):
            print("%s: %s" % (peer, line))

    categories = sorted({c for value in ours.values() for c in value[1]})
    results = [(peer, agreement(ours, theirs, categories)) for peer, _stats, theirs in peers]
    print()
    print("agreement with classify: share of segments; then classify-only / peer-only labels")
    print("%-13s" % "" + "".join(" | %-34s" % peer for peer, _f in results))
    row = "%-13s" % "label sets"
    for _peer, figures in results:
        n = figures["segments"]
        row += " | %-34s" % ("%s of %d, %d differ" % (percent(figures["equal"], n), n, n - figures["equal"]))
    print(row)
    for category in categories:
        row = "%-13s" % category
        for _peer, figures in results:
            counts = figures["categories"][category]
            row += " | %-34s" % (
                "%s  %d / %d"
                % (percent(counts["agree"], figures["segments"]), counts["classify_only"], counts["peer_only"])
            )
        print(row)
    row = "%-13s" % "fired rules"
    for _peer, figures in results:
        n = figures["segments"]
        row += " | %-34s" % ("%s (same evidence)" % percent(figures["same_rules"], n))
    print(row)
    for peer, figures in results:
        if figures["missing"]:
            print("%s: %d of classify's segments missing from its output" % (peer, figures["missing"]))
        worst = sorted(figures["rules"].items(), key=lambda item: -sum(item[1]))[:8]
        if worst:
            print("%s: rules with different evidence (entries only classify / only %s had): %s"
                  % (peer, peer, ", ".join("%s %d/%d" % (rule, a, b) for rule, (a, b) in worst)))  # fmt: skip

    if args.show:
        texts = {}
        with open(segments, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("{"):
                    item = json.loads(line)
                    texts[(item["doc"], item["seg"])] = item["text"]
        theirs_by_peer = {peer: theirs for peer, _stats, theirs in peers}
        for peer, figures in results:
            keys = [k for k in ours if k in theirs_by_peer[peer] and ours[k][2] != theirs_by_peer[peer][k][2]]
            print()
            print("%s: %d segments with different evidence; the first %d:" % (peer, len(keys), min(args.show, len(keys))))
            for key in keys[: args.show]:
                mine, theirs = ours[key], theirs_by_peer[peer][key]
                print("  doc %d seg %d: classify %s, %s %s" % (key[0], key[1], sorted(mine[0]), peer, sorted(theirs[0])))
                print("    only classify: %s" % sorted(mine[2] - theirs[2]))
                print("    only %s: %s" % (peer, sorted(theirs[2] - mine[2])))
                print("    %r" % texts.get(key, "")[:400])


if __name__ == "__main__":
    main()
