#!/usr/bin/env python3
"""Samples cross-article merges from a newsgraph store, for a person to judge whether the
two articles speak of one real-world thing: the precision of the merge rules.

A cross-article merge is a merge_log row by a name rule (same-name, short-form,
long-form) that put an article's entity into an entity no gazetteer knows and that an
earlier article had created. Each sampled merge is printed numbered, with its rule and
detail, the name in the joining article with the sentence around one mention, and the
entity's first article with the sentence around one of its mentions. The article texts
come from the JSON Lines pool the store was built from (--input).

--glued counts instead the entities whose label is a stored person's label with words
glued in front ("Kota Medan Dzulmi Eldin" beside "Dzulmi Eldin"), and prints a sample.

--ingest builds the store first (a new file) with `newsgraph ingest` from --input.

The corpus is read at run time; nothing of it is written anywhere but standard output.

usage: sample_merges.py --db STORE [--input POOL.jsonl] [-n 60] [--seed 1] [--json] [--glued]
"""
import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_POOL = "/work/shared/corpus/news/news_pool.jsonl"
DEFAULT_BINARY = os.path.join(REPO, "build", "cli", "newsgraph")
NAME_RULES = ("same-name", "short-form", "long-form", "glued-form")


def parse_args(argv):
    p = argparse.ArgumentParser(description="Sample cross-article merges from a store for judging by hand.")
    p.add_argument("--db", required=True, help="the newsgraph store")
    p.add_argument("--input", default=DEFAULT_POOL, help="JSON Lines articles the store holds (default: %(default)s)")
    p.add_argument("--ingest", action="store_true", help="build --db from --input first (it must not exist)")
    p.add_argument("--newsgraph", default=DEFAULT_BINARY, help="the newsgraph binary (default: %(default)s)")
    p.add_argument("-n", "--count", type=int, default=60, help="merges to sample (default: 60)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    p.add_argument("--rule", action="append", choices=NAME_RULES, help="only these rules (repeatable)")
    p.add_argument("--type", help="only entities of this type (PERSON, ORGANIZATION, ...)")
    p.add_argument("--glued", action="store_true", help="count entities with words glued before a person's name")
    p.add_argument("--json", action="store_true", help="one JSON object a line instead of text")
    return p.parse_args(argv)


def load_texts(path, wanted):
    texts = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                d = json.loads(line)
            except ValueError:
                continue
            if d.get("id") in wanted:
                texts[d["id"]] = (d.get("title", ""), d.get("text", ""))
    return texts


def sentence_around(text, start, end, reach=220):
    """The sentence holding bytes [start, end) of the UTF-8 text, cut to `reach` bytes a side."""
    raw = text.encode("utf-8")
    left = max(raw.rfind(b". ", 0, start) + 2, raw.rfind(b"\n", 0, start) + 1, start - reach, 0)
    right_candidates = [i for i in (raw.find(b". ", end), raw.find(b"\n", end)) if i >= 0]
    right = min(right_candidates + [end + reach, len(raw)])
    return raw[left:right + 1].decode("utf-8", "replace").strip()


def read_varint(blob, at):
    """The unsigned LEB128 varint at `at` in `blob`, and where it ends."""
    value = shift = 0
    while True:
        byte = blob[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, at


def decode_mentions(blob):
    """(sentence, start, end, text) of each mention in a doc_entities.mentions blob
    (store/article_mentions.h)."""
    if not blob:
        return []
    unzig = lambda v: (v >> 1) ^ -(v & 1)
    out, texts = [], []
    count, at = read_varint(blob, 0)
    sentence = end = 0
    for _ in range(count):
        d_sentence, at = read_varint(blob, at)
        d_start, at = read_varint(blob, at)
        length, at = read_varint(blob, at)
        text, at = read_varint(blob, at)
        sentence += unzig(d_sentence)
        start = end + unzig(d_start)
        end = start + length
        if text == 0:
            size, at = read_varint(blob, at)
            texts.append(bytes(blob[at:at + size]).decode("utf-8", "replace"))
            at += size
            text = len(texts)
        out.append((sentence, start, end, texts[text - 1]))
    return out


def one_mention(db, doc_key, entity_key):
    rows = db.execute("SELECT mentions FROM doc_entities WHERE doc_key = ? AND entity_key = ?",
                      (doc_key, entity_key)).fetchall()
    found = sorted(m for (blob,) in rows for m in decode_mentions(blob))
    return min(found, key=lambda m: m[1])[1:] if found else None


def merges(db, args):
    rules = args.rule or list(NAME_RULES)
    marks = ",".join("?" for _ in rules)
    sql = f"""
      SELECT m.log_key, m.rule, CASE m.detail WHEN '' THEN m.name ELSE m.detail END, m.name, m.doc_key, e.entity_key, e.label, e.type,
             (SELECT MIN(x.doc_key) FROM doc_entities x WHERE x.entity_key = e.entity_key) AS first_doc
      FROM merge_log m JOIN entities e ON e.entity_key = m.entity_key
      WHERE m.rule IN ({marks}) AND e.from_gazetteer = 0 AND m.doc_key IS NOT NULL"""
    params = list(rules)
    if args.type:
        sql += " AND e.type = ?"
        params.append(args.type)
    rows = [r for r in db.execute(sql, params) if r[8] is not None and r[8] != r[4]]
    return rows


def print_merges(db, args):
    rows = merges(db, args)
    rng = random.Random(args.seed)
    sample = rng.sample(rows, min(args.count, len(rows)))
    doc_ids = dict(db.execute("SELECT doc_key, id FROM documents"))
    texts = load_texts(args.input, {doc_ids.get(r[4]) for r in sample} | {doc_ids.get(r[8]) for r in sample})
    by_rule = {}
    for r in rows:
        by_rule[r[1]] = by_rule.get(r[1], 0) + 1
    if not args.json:
        print(f"# {len(rows)} cross-article merges by name rules ({', '.join(f'{k} {v}' for k, v in sorted(by_rule.items()))}); "
              f"{len(sample)} sampled with seed {args.seed}")
    for n, (log_key, rule, detail, name, doc_key, entity_key, label, etype, first_doc) in enumerate(sample, 1):
        item = {"n": n, "rule": rule, "detail": detail, "name": name, "entity": label, "type": etype}
        for side, key in (("joining", doc_key), ("first", first_doc)):
            doc_id = doc_ids.get(key, "?")
            title, text = texts.get(doc_id, ("", ""))
            m = one_mention(db, key, entity_key)
            item[side] = {"article": doc_id, "title": title,
                          "sentence": sentence_around(text, m[0], m[1]) if m and text else ""}
        if args.json:
            print(json.dumps(item, ensure_ascii=False))
            continue
        print(f"\n[{n}] {rule}: '{name}' joined {etype} '{label}'  ({detail})")
        print(f"    this article  {item['joining']['article']}: {item['joining']['title']}")
        print(f"                  > {item['joining']['sentence']}")
        print(f"    first article {item['first']['article']}: {item['first']['title']}")
        print(f"                  > {item['first']['sentence']}")


def print_glued(db, args):
    people = {}
    for key, label in db.execute("SELECT entity_key, label FROM entities WHERE type = 'PERSON'"):
        people.setdefault(label.lower(), key)
    glued = {True: [], False: []}  # by whether the person's name has two words or more
    for key, label, etype in db.execute("SELECT entity_key, label, type FROM entities"):
        words = label.split()
        for k in range(1, len(words)):
            tail = " ".join(words[k:]).lower()
            if tail in people and people[tail] != key:
                glued[len(words) - k >= 2].append((label, etype, " ".join(words[k:])))
                break
    print(f"# {len(glued[True])} entities are a stored person's full name (two words or more) with words "
          f"glued in front; {len(glued[False])} more end with a one-word person's name")
    rng = random.Random(args.seed)
    for label, etype, person in rng.sample(glued[True], min(args.count, len(glued[True]))):
        print(f"  {label} [{etype}]  ~ {person}")


def main(argv):
    args = parse_args(argv)
    if args.ingest:
        if os.path.exists(args.db):
            sys.exit(f"sample_merges: {args.db} exists; --ingest builds a new store")
        subprocess.run([args.newsgraph, "ingest", "--quiet", "--db", args.db, args.input], check=False)
    if not os.path.exists(args.db):
        sys.exit(f"sample_merges: no store at {args.db} (build one with --ingest)")
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    if args.glued:
        print_glued(db, args)
    else:
        print_merges(db, args)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
