#!/usr/bin/python3
"""Writes the largest project that passes kaowu's bounds, to measure what one calendar can make
kaowu write (docs/robustness.md quotes the numbers).

  worst_case.py OUT [--text N] [--exam-calendars K]

OUT/calendars/ gets a catalogue with every specialty the bound allows and a national calendar
with every list at its bound (compiler/load/domain_limits.hpp): phases, days and slots, opening
hours, sites, exam days, batches, days per batch, sessions, sessions over all batch days, batch
tasks, fees, withdrawn events. Every text is N characters (default: the longest allowed, 2000),
cut so that each file stays under the file bound (kMaxFileBytes). --exam-calendars adds K small region
calendars that each define an exam over the same catalogue (each publishes a feed per
specialty). The numbers are read from domain_limits.hpp so that the case follows the bounds."""
import argparse
import datetime
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
LIMITS_HEADER = os.path.join(HERE, "..", "..", "compiler", "load", "domain_limits.hpp")
INPUT_LIMITS_HEADER = os.path.join(HERE, "..", "..", "compiler", "load", "input_limits.hpp")
FILE_CAP = eval(re.search(r"kMaxFileBytes = ([\d *]+);", open(INPUT_LIMITS_HEADER, encoding="utf-8").read()).group(1))
NAMES = 0


def limits():
    text = open(LIMITS_HEADER, encoding="utf-8").read()
    return {m.group(1): int(m.group(2)) for m in re.finditer(r"constexpr (?:size_t|int) k(\w+) = (\d+);", text)}


def q(s):
    return '"' + s + '"'


def name_of(n, seed):
    return text_of(min(n, NAMES) if NAMES else n, seed)


def text_of(n, seed):
    """n characters of Chinese text (3 bytes each in UTF-8), different per seed."""
    base = "考试报名现场确认缴费准考证打印成绩查询证书领取" + str(seed)
    return (base * (n // len(base) + 1))[:n]


def day(start, i):
    return (datetime.date.fromisoformat(start) + datetime.timedelta(days=i)).isoformat()


def catalogue(L, n_chars):
    out = ['[catalogue]', 'id = "worst"', "year = 2024", 'track = "初中级"', 'source = "worst case"', "",
           "[[levels]]", 'id = "l"', "name = " + q(text_of(min(n_chars, 200), "级")), "codes = [1, 99999]"]
    for i in range(L["Specialties"]):
        out += ["", "[[specialties]]", 'code = "%d"' % (1000 + i), "name = " + q(name_of(n_chars, i)),
                'level = "l"', 'mode = "cbt"']
    return "\n".join(out) + "\n"


def national(L, n_chars):
    out = ['[calendar]', 'id = "worst-2024"', 'level = "national"', "title = " + q(name_of(n_chars, "t")),
           "issuer = " + q(text_of(n_chars, "i")), "exam_year = 2024", 'track = "初中级"', 'catalogue = "worst"',
           'source = { document = %s, section = %s }' % (q(text_of(n_chars, "d")), q(text_of(n_chars, "s")))]
    for i in range(L["Sites"]):
        out += ["", "[[sites]]", 'id = "s%03d"' % i, "name = " + q(name_of(n_chars, "site%d" % i)),
                "address = " + q(text_of(n_chars, "addr%d" % i))]
    dated = L["DatedEntries"]
    hours = ", ".join('"%02d:00-%02d:30"' % (8 + h, 8 + h) for h in range(L["Hours"]))
    for p in range(L["Phases"]):
        out += ["", "[[phases]]", 'id = "p%03d"' % p, "name = " + q(name_of(n_chars, "p%d" % p)),
                'audience = "%s"' % ("candidate" if p % 2 else "staff"), 'form = "in-person"']
        # The days and slots of the calendar go to the first phases, each up to its own bound.
        n = min(dated, L["PhaseDays"])
        if n > 0 and p % 2 == 0:
            out.append("days = [%s]" % ", ".join(day("2023-11-01", i) for i in range(n)))
            dated -= n
        else:
            out += ["start = 2023-12-01", "end = 2023-12-31"]
        out += ["hours = [%s]" % hours, "place = " + q(text_of(n_chars, "place%d" % p)),
                "note = " + q(text_of(n_chars, "note%d" % p))]
        if p % 2 == 1 and dated > 0:
            for s in range(min(dated, L["Slots"])):
                out += ["", "[[phases.slots]]", "date = " + day("2023-12-01", s), "who = " + q(name_of(n_chars, "who%d" % s)),
                        "hours = [%s]" % hours]
                dated -= 1
    out += ["", "[exam]", "name = " + q(name_of(n_chars, "exam")),
            "days = [%s]" % ", ".join(day("2024-04-01", i) for i in range(L["ExamDays"]))]
    per_day = L["SessionDays"] // (L["Batches"] * L["BatchDays"]) or 1
    batches_used = min(L["Batches"], L["SessionDays"] // (per_day * L["BatchDays"]) or 1)
    for b in range(L["Batches"]):
        days = ", ".join(day("2024-04-01", (b * L["BatchDays"] + i) % L["ExamDays"]) for i in range(L["BatchDays"] if b < batches_used else 1))
        out += ["", "[[exam.batches]]", 'id = "b%d"' % b, 'mode = "%s"' % ("cbt" if b < batches_used else "paper"),
                "name = " + q(name_of(n_chars, "batch%d" % b)), "days = [%s]" % days]
    for s in range(min(L["Sessions"], per_day)):
        out += ["", "[[exam.sessions]]", 'mode = "cbt"', "subject = " + q(name_of(n_chars, "subject%d" % s)),
                'time = "%02d:00-%02d:30"' % (6 + 2 * s, 7 + 2 * s)]
    for t in range(L["BatchTasks"]):
        out += ["", "[[exam.batch_tasks]]", 'id = "t%02d"' % t, "name = " + q(name_of(n_chars, "task%d" % t)),
                'mode = "cbt"', "hours = 48"]
    for f in range(L["Fees"]):
        out += ["", "[[fees]]", "name = " + q(name_of(n_chars, "fee%d" % f)), "amount = %d" % (50 + f),
                'unit = "subject"', "per = " + q(text_of(min(n_chars, 100), "per")),
                "applies_to = " + q(text_of(n_chars, "fee%d" % f))]
    for w in range(L["Withdrawn"]):
        out += ["", "[[withdrawn]]", 'event = "gone%02d"' % w, "date = 2024-05-01",
                "name = " + q(name_of(n_chars, "w%d" % w)), "note = " + q(text_of(n_chars, "wn%d" % w))]
    return "\n".join(out) + "\n"


def region(i, L):
    """A small region calendar that defines its own exam: as many sessions over batch days as the
    bound allows, none assigned to specialties, so every specialty feed carries all of them."""
    batch_days = L["BatchDays"]
    batches = min(L["Batches"], max(1, L["SessionDays"] // batch_days))
    out = ['[calendar]', 'id = "r%03d-2024"' % i, 'level = "region"', 'parent = "worst-2024"',
           'title = "考区%d"' % i, 'issuer = "考区"', "exam_year = 2024", 'track = "初中级"',
           'catalogue = "worst"', 'source = "worst case"', "", "[exam]",
           "days = [%s]" % ", ".join(day("2024-04-01", d) for d in range(L["ExamDays"]))]
    for b in range(batches):
        out += ["", "[[exam.batches]]", 'id = "b%d"' % b, 'mode = "cbt"',
                "days = [%s]" % ", ".join(day("2024-04-01", (b * batch_days + d) % L["ExamDays"]) for d in range(batch_days))]
    out += ["", "[[exam.sessions]]", 'mode = "cbt"', 'subject = "基础知识"', 'time = "08:30-10:00"']
    return "\n".join(out) + "\n"


def fitted(make, L, n_chars):
    """The text length at most n_chars for which make() stays under the file bound."""
    while len(make(L, n_chars).encode()) > FILE_CAP - 1024:
        n_chars = n_chars * 9 // 10
    return make(L, n_chars), n_chars


def main():
    global FILE_CAP, NAMES
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("out")
    p.add_argument("--text", type=int, default=2000)
    p.add_argument("--exam-calendars", type=int, default=0)
    p.add_argument("--cap", type=int, default=None, help="file size to stay under (default: kaowu's)")
    p.add_argument("--names", type=int, default=0, help="make names this short (0: as long as texts)")
    p.add_argument("--set", action="append", default=[], help="NAME=VALUE: a bound other than the header's")
    a = p.parse_args()
    L = limits()
    for kv in a.set:
        k, v = kv.split("=")
        L[k] = int(v)
    FILE_CAP, NAMES = a.cap or FILE_CAP, a.names
    cal = os.path.join(a.out, "calendars")
    os.makedirs(cal, exist_ok=True)
    sizes = {}
    for name, make in (("catalogue.toml", catalogue), ("worst-2024.toml", national)):
        text, n = fitted(make, L, a.text)
        with open(os.path.join(cal, name), "w", encoding="utf-8") as f:
            f.write(text)
        sizes[name] = (len(text.encode()), n)
    for i in range(a.exam_calendars):
        with open(os.path.join(cal, "r%03d.toml" % i), "w", encoding="utf-8") as f:
            f.write(region(i, L))
    for name, (size, n) in sizes.items():
        print("%s: %d bytes (texts of %d characters)" % (name, size, n))


if __name__ == "__main__":
    main()
