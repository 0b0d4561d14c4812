#!/usr/bin/env python3
"""Samples typed relations that `newsgraph extract` finds in real news, for a person to
judge right or wrong: the precision of the relation rules on articles nobody annotated.

Reads a JSON Lines pool ({"id", "title", "text", ...} a line), keeps the articles that
look like international politics, runs `newsgraph extract` on them (or reads its output
from --extracted), and prints N typed relations (not CO_OCCURS) drawn with a fixed seed,
each with its labels, modality, rule, cue, article and evidence sentence, numbered.

International politics, by default: article ids starting with --id-prefix ("indosum-",
the IndoSum part of the pool, whose news is national and international) whose extraction
names at least --min-countries countries other than Indonesia (COUNTRY entities, so the
gazetteer decides what a country is), in the pool's headline-news --category ("tajuk
utama": no sport, show business or technology). --filter REGEX adds a test on the title
(case-insensitive); --id-prefix '', --category '' and --min-countries 0 take every
article.

The corpus is read at run time; nothing of it is written anywhere but standard output.

usage: sample_relations.py [--input POOL.jsonl] [-n 40] [--seed 1] [--json] ...
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_POOL = "/work/shared/corpus/news/news_pool.jsonl"
DEFAULT_BINARY = os.path.join(REPO, "build", "cli", "newsgraph")
HOME_COUNTRIES = {"indonesia"}


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Sample typed relations from newsgraph's extraction of a news pool, "
                    "numbered, for judging precision by hand.")
    p.add_argument("--input", default=DEFAULT_POOL,
                   help="JSON Lines articles (default: %(default)s)")
    p.add_argument("--extracted", metavar="FILE",
                   help="read this `newsgraph extract` output instead of running it "
                        "(the articles still come from --input, for the evidence text)")
    p.add_argument("--newsgraph", default=DEFAULT_BINARY,
                   help="the newsgraph binary (default: %(default)s)")
    p.add_argument("-n", "--count", type=int, default=40, help="relations to sample (default: 40)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    p.add_argument("--id-prefix", default="indosum-",
                   help="keep articles whose id starts with this ('' for all; default: %(default)s)")
    p.add_argument("--min-countries", type=int, default=2,
                   help="keep articles whose extraction names at least this many countries "
                        "besides Indonesia (default: 2)")
    p.add_argument("--category", default="tajuk utama",
                   help="keep articles of this pool category ('' for all; default: %(default)s, the "
                        "headline news, which leaves out sport, show business and technology)")
    p.add_argument("--filter", metavar="REGEX",
                   help="keep only articles whose title matches (case-insensitive)")
    p.add_argument("--predicate", action="append", metavar="P",
                   help="sample only these predicates (repeatable, e.g. SUPPLY)")
    p.add_argument("--json", action="store_true", help="print a JSON array instead of text")
    return p.parse_args(argv)


def read_articles(path, id_prefix, title_re, category=""):
    """The articles of the pool that pass the id, category and title tests, by id, in file order."""
    articles = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError:
                continue
            doc_id = str(doc.get("id", ""))
            if not doc_id.startswith(id_prefix):
                continue
            if category and (doc.get("category") or "") != category:
                continue
            if title_re and not title_re.search(doc.get("title", "") or ""):
                continue
            articles[doc_id] = doc
    return articles


def run_extract(binary, articles):
    """Runs `newsgraph extract` over the articles; yields one extraction a line."""
    if not os.access(binary, os.X_OK):
        sys.exit(f"sample_relations: no newsgraph binary at {binary} (build it or pass --newsgraph)")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as tmp:
        for doc in articles.values():
            tmp.write(json.dumps(doc, ensure_ascii=False) + "\n")
        path = tmp.name
    try:
        out = subprocess.run([binary, "extract", "--quiet", path], capture_output=True, text=True)
        if out.returncode not in (0, 1):
            sys.exit(f"sample_relations: newsgraph extract failed ({out.returncode}): {out.stderr.strip()}")
        return out.stdout.splitlines()
    finally:
        os.unlink(path)


def read_extracted(path):
    with open(path, encoding="utf-8") as f:
        return f.read().splitlines()


def countries_named(extraction):
    return {e["id"] for e in extraction.get("entities", [])
            if e.get("type") == "COUNTRY" and e.get("id") not in HOME_COUNTRIES}


def evidence_text(text, ev):
    """The evidence sentence: its byte span in the article's UTF-8 text."""
    raw = text.encode("utf-8")
    return raw[ev.get("start", 0):ev.get("end", 0)].decode("utf-8", errors="replace").strip()


def text_before(text, ev, limit=300):
    """Up to `limit` characters of the article just before the evidence sentence, cut at a
    word: what a judge needs to resolve 'ia', '-nya' or 'kedua negara'."""
    raw = text.encode("utf-8")
    before = raw[:ev.get("start", 0)].decode("utf-8", errors="replace").rstrip()
    if len(before) > limit:
        before = before[-limit:]
        before = "…" + before[before.find(" ") + 1:]
    return before.replace("\n", " ")


def candidates(lines, articles, min_countries, predicates):
    """Typed relations of the kept articles, in article order, each with its evidence."""
    found = []
    for line in lines:
        if not line.strip():
            continue
        x = json.loads(line)
        doc = articles.get(x.get("doc"))
        if doc is None or len(countries_named(x)) < min_countries:
            continue
        for r in x.get("relations", []):
            pred = r.get("predicate", "")
            if pred == "CO_OCCURS" or (predicates and pred not in predicates):
                continue
            # The sentence that says it as the relation's modality says it: a relation
            # asserted in one sentence and asked about in another shows the assertion.
            evidence = r.get("evidence") or [{}]
            ev = next((e for e in evidence if e.get("modality") == r.get("modality")), evidence[0])
            found.append({
                "subject": r.get("subject", ""), "predicate": pred, "object": r.get("object", ""),
                "subject_id": r.get("subject_id", ""), "object_id": r.get("object_id", ""),
                "modality": r.get("modality", ""), "rule": r.get("rule", ""), "cue": r.get("cue", ""),
                "confidence": r.get("confidence"), "evidence_count": len(r.get("evidence") or []),
                "article": x.get("doc", ""), "title": doc.get("title", ""),
                "sentence": evidence_text(doc.get("text", ""), ev),
                "before": text_before(doc.get("text", ""), ev),
            })
    return found


def print_text(sample, total, args, kept):
    print(f"# {len(sample)} of {total} typed relations in {kept} articles "
          f"(seed {args.seed}; ids '{args.id_prefix}*', category '{args.category}', "
          f">= {args.min_countries} countries"
          + (f", title ~ /{args.filter}/" if args.filter else "") + ")")
    print("# mark each: right / wrong (subject, predicate, object and direction all as the sentence says)")
    for i, r in enumerate(sample, 1):
        cue = f", cue '{r['cue']}'" if r["cue"] else ""
        print(f"\n[{i}] {r['subject']}  {r['predicate']}  {r['object']}")
        print(f"    {r['modality']}; rule {r['rule']}{cue}; {r['evidence_count']} sentence(s)")
        print(f"    article {r['article']}: {r['title']}")
        if "coref" in r["rule"]:
            print(f"    (before: \"{r['before']}\")")
        print(f"    \"{r['sentence']}\"")
        print("    judgement: ")


def main(argv):
    args = parse_args(argv)
    title_re = re.compile(args.filter, re.IGNORECASE) if args.filter else None
    articles = read_articles(args.input, args.id_prefix, title_re, args.category)
    lines = read_extracted(args.extracted) if args.extracted else run_extract(args.newsgraph, articles)
    predicates = set(args.predicate or [])
    found = candidates(lines, articles, args.min_countries, predicates)
    kept = len({r["article"] for r in found})
    sample = random.Random(args.seed).sample(found, min(args.count, len(found)))
    if args.json:
        json.dump(sample, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_text(sample, len(found), args, kept)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
