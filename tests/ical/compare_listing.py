#!/usr/bin/python3
"""Holds what a parser or client listed against the raw-text oracle and the notices' facts.
   compare_listing.py PUBLIC_DIR CLIENT LISTING     (LISTING lines: uid|start|end[|start in UTC])"""
import sys

import oracle


def main(public_dir, client, listing_path):
    expected = {e["uid"]: e for _, events in oracle.read_all(public_dir).values() for e in events}
    listed, failures = {}, []
    with open(listing_path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("|")
            if len(fields) < 3:
                continue
            uid, start, end = fields[:3]
            if uid in listed and listed[uid] != (start, end):
                failures.append("%s lists %s twice, differently" % (client, uid))
            listed[uid] = (start, end)
            want = expected.get(uid)
            if want is None:
                failures.append("%s lists %s, which no feed has" % (client, uid))
                continue
            if (start, end) != (want["start"], want["end"]):
                failures.append("%s lists %s as %s..%s, the feed says %s..%s"
                                % (client, uid, start, end, want["start"], want["end"]))
            if len(fields) > 3 and fields[3] and fields[3] != want["start_utc"]:
                failures.append("%s puts %s at %s UTC, the feed says %s" % (client, uid, fields[3], want["start_utc"]))
    missing = sorted(set(expected) - set(listed))
    failures += ["%s does not list %s" % (client, uid) for uid in missing]
    failures += oracle.check_facts(listed, client)
    for f in failures[:50]:
        print("FAIL", f)
    print("%s: %d events listed, %d expected, %d failures" % (client, len(listed), len(expected), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
