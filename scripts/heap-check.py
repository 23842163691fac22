#!/usr/bin/env python3
"""An independent reading of Ruby heap dumps (ObjectSpace.dump_all, one JSON object per line),
written without memreport's code, to check the numbers its heap tests assert (issue 13).
Python 3 standard library only.

    scripts/heap-check.py summary DUMP [--include-measurement]     # one dump (plain or .gz)
    scripts/heap-check.py leaks D0 D1 [D2 ...] [--include-measurement] [--heapy-diff FILE]
    scripts/heap-check.py heapy-diff BEFORE AFTER [RETAINED]       # heapy diff's exact text

Output is JSON on stdout with sorted keys (heapy-diff prints text). `summary` is the default
command: `heap-check.py DUMP` works too.

Reading
  Each line (split on "\\n" only; a last line without "\\n" is a line too) goes through
  json.loads (NaN/Infinity rejected, as Ruby's JSON.parse does). A line that fails to parse,
  is not a JSON object, or is an object that is neither ROOT, SHAPE nor an object record,
  counts as `skipped`; the first 10 such line numbers (1-based) are `skipped_lines`.
  `"type":"ROOT"` counts as `roots`, `"type":"SHAPE"` as `shapes`. An object record is any
  other JSON object with a string `address` and a string `type`. `lines` counts every line.
  Field values of the wrong JSON type are treated as absent (memsize: an integer, not a bool;
  generation/line: integers; file/class/struct/name/real_class_name/value: strings).

Per object
  bytes        its `memsize`, 0 when absent.
  class label  1. IMEMO -> `IMEMO(<imemo_type>)`, or `IMEMO` without imemo_type, whatever its
                  `class` (up to Ruby 3.2 an IMEMO's dumped `class` is its internal klass slot:
                  a method entry's owner, a call cache's receiver class, 0x8 (nil) for a cref;
                  not a class the IMEMO is an instance of. Ruby 3.3+ no longer dumps it).
               2. `class` resolves to a CLASS, MODULE or ICLASS record of the same dump (any
                  position in the file) -> that record's `name`, else its `real_class_name`,
                  else `#<Class:ADDR>` (ADDR as written in `class`).
               3. `class` present but not resolvable -> `#<Class:ADDR>`.
               4. no `class` -> the VM type itself (`NODE`, `DATA`, `ARRAY`, ...: hidden objects).
               5. then DATA with a `struct` gets ` (<struct>)` appended: `Thread::Mutex (mutex)`.
  file         `file`, or `(no allocation info)`.
  location     `file:line`; `file` alone when there is no `line`; `(no allocation info)`.
  generation   str(`generation`), or `none`.

Measurement exclusions (on by default; `--include-measurement` turns them off). An excluded
object counts only in `excluded` {reason: [count, bytes]}, under the first reason that matches:
  tracer     DATA with struct `ObjectTracing/allocation_info_tracer` (the allocation tracer).
  objspace   `file` ends with `/objspace.rb` or is `objspace.rb` (dump_all's own Ruby code).
  dump-file  the Files that dumps write to. Let G be the highest `generation` of any object
             record of the dump. A FILE with generation G is the dump's own File (open while the
             dump is written). Every FILE record whose site (file, line) equals the site of a
             FILE with generation G is a dump File too: an earlier dump's File made by the same
             statement survives one more GC (closed, fd -1) into the next dump. FILE records
             without allocation info are never excluded. (Checked on Samples/heap: dump k holds
             its own File, fd 5, generation G, and dump k-1's File, fd -1, generation G of k-1,
             both at workload.rb:<dump line>; dump k-2's File is gone.)

summary output
  {"lines","objects","roots","shapes","skipped","skipped_lines","excluded","total",
   "by_type","by_class","by_file","by_location","by_generation","duplicate_strings"}
  `objects` counts every object record (excluded ones too); `total` and each `by_*` (key ->
  [count, bytes]) count the objects left after exclusions.
  duplicate_strings: STRING objects with a `value`, grouped by value, groups of >= 2 copies:
  {"value","copies","bytes" (sum of memsize),"reclaimable" (bytes - the largest copy's
  memsize),"locations" {location: count}}, sorted by reclaimable descending, then value
  (code point order).

leaks output (n >= 2 dumps D0..Dn, n = the last)
  by_identity     identity = (address, type, generation or None). Objects of Dn whose identity
                  is NOT in D0 and IS in every D1..Dn-1 (for two dumps: not in D0). Grouped
                  like a summary: total, by_class, by_location, by_type, by_file, plus
                  `excluded` (exclusions computed on Dn, as for one dump); bytes from Dn.
  by_address      the same with identity = address only.
  rejected_reuse  objects of Dn (after exclusions) whose address appears in some Di (i < n)
                  with a different (type, generation) there: a slot reused after GC. Grouped
                  total, by_type, by_class.
  growth          (n >= 2) for each step k = 1..n, the objects of Dk whose identity is not in
                  D0 (allocated after D0 and alive at Dk; exclusions computed on Dk): `total`
                  and `by_class`, `by_location` as key -> [[count, bytes] at k = 1, ..., at n].
                  Step 1 is the two-dump leak set D0 -> D1. A leak grows step by step; a
                  bounded cache stays flat.
  heapy           (exactly 3 dumps) `heapy diff D0 D1 D2` reproduced, see below: {"lines":
                  [...], "compared_with": file name or null, "matches": true/false/null}.
                  The committed text is `<prefix>.heapy-diff.txt` next to D0, where D0 is
                  `<prefix>-0.ndjson[.gz]`, or --heapy-diff FILE. Exit status 1 on mismatch.
  dumps           n + 1.

heapy diff BEFORE AFTER [RETAINED], as heapy 0.2.0 (lib/heapy/diff.rb) computes it
  Every parsed line of BEFORE (and RETAINED) adds its `address` to a set; a line without one
  (ROOT) adds None. AFTER's parsed lines are skipped when their address (None for ROOT) is in
  BEFORE's set, or, with RETAINED, not in RETAINED's set: ROOTs are therefore skipped as long
  as BEFORE has one. The rest go into buckets keyed "type,file,line" (Ruby's to_s: nil is
  empty), count += 1, memsize += memsize or 0. total = the sum of the buckets' memsize. Lines:
  `Retained|Allocated TYPE COUNT objects of size MEMSIZE/TOTAL (in bytes) at: FILE:LINE`,
  buckets ordered by `sort_by { count }.reverse`. Ruby's sort_by goes through glibc's
  qsort_r, a stable merge sort on glibc 2.36 (Debian 12; checked on 5,000 random keys), so
  ties come out in REVERSE order of each bucket's first appearance in AFTER; the checker does
  the same, and the committed outputs confirm it. Lines that fail to parse print
  `Could not parse LINE` first, in reading order: BEFORE, RETAINED, AFTER.
"""
import gzip
import json
import os
import re
import sys

NO_INFO = "(no allocation info)"
TRACER = "ObjectTracing/allocation_info_tracer"
CLASS_TYPES = ("CLASS", "MODULE", "ICLASS")


def _reject_constant(name):
    raise ValueError("non-JSON constant " + name)


def _loads(raw):
    return json.loads(raw, parse_constant=_reject_constant)


def open_dump(path):
    return gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")


def raw_lines(path):
    """Yields (line number, bytes) for every line, the last one even without a newline."""
    with open_dump(path) as f:
        for number, raw in enumerate(f, 1):
            yield number, raw


def _str(record, key):
    value = record.get(key)
    return value if isinstance(value, str) else None


def _int(record, key):
    value = record.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class Dump:
    """One dump's object records, kept as small tuples."""

    def __init__(self, path):
        self.lines = self.roots = self.shapes = 0
        self.skipped = 0
        self.skipped_lines = []
        self.objects = []  # (address, type, class, file, line, generation, memsize, struct, imemo_type, value)
        self.classes = {}  # address -> label of CLASS/MODULE/ICLASS records
        for number, raw in raw_lines(path):
            self.lines += 1
            try:
                record = _loads(raw)
            except ValueError:
                self._skip(number)
                continue
            if not isinstance(record, dict):
                self._skip(number)
                continue
            kind = record.get("type")
            if kind == "ROOT":
                self.roots += 1
                continue
            if kind == "SHAPE":
                self.shapes += 1
                continue
            address = _str(record, "address")
            if address is None or not isinstance(kind, str):
                self._skip(number)
                continue
            memsize = _int(record, "memsize") or 0
            self.objects.append((address, kind, _str(record, "class"), _str(record, "file"),
                                 _int(record, "line"), _int(record, "generation"), memsize,
                                 _str(record, "struct"), _str(record, "imemo_type"),
                                 _str(record, "value") if kind == "STRING" else None))
            if kind in CLASS_TYPES:
                self.classes[address] = _str(record, "name") or _str(record, "real_class_name") \
                    or "#<Class:%s>" % address
        generations = [o[5] for o in self.objects if o[5] is not None]
        self.highest_generation = max(generations) if generations else None
        sites = {(o[3], o[4]) for o in self.objects
                 if o[1] == "FILE" and o[5] is not None and o[5] == self.highest_generation}
        self.dump_file_sites = sites

    def _skip(self, number):
        self.skipped += 1
        if len(self.skipped_lines) < 10:
            self.skipped_lines.append(number)

    def class_label(self, o):
        address, kind, klass, struct, imemo_type = o[0], o[1], o[2], o[7], o[8]
        if kind == "IMEMO":
            label = "IMEMO(%s)" % imemo_type if imemo_type is not None else "IMEMO"
        elif klass is not None:
            label = self.classes.get(klass, "#<Class:%s>" % klass)
        else:
            label = kind
        if kind == "DATA" and struct is not None:
            label += " (%s)" % struct
        return label

    def exclusion(self, o):
        """The measurement reason excluding o, or None."""
        kind, file, line, generation, struct = o[1], o[3], o[4], o[5], o[7]
        if kind == "DATA" and struct == TRACER:
            return "tracer"
        if file is not None and (file == "objspace.rb" or file.endswith("/objspace.rb")):
            return "objspace"
        if kind == "FILE" and generation is not None and (
                generation == self.highest_generation or (file, line) in self.dump_file_sites):
            return "dump-file"
        return None


def file_of(o):
    return o[3] if o[3] is not None else NO_INFO


def location_of(o):
    file, line = o[3], o[4]
    if file is None:
        return NO_INFO
    return "%s:%d" % (file, line) if line is not None else file


def generation_of(o):
    return str(o[5]) if o[5] is not None else "none"


def add(groups, key, bytes_):
    cell = groups.get(key)
    if cell is None:
        groups[key] = [1, bytes_]
    else:
        cell[0] += 1
        cell[1] += bytes_


class Groups:
    KEYS = {"by_type": lambda d, o: o[1], "by_class": lambda d, o: d.class_label(o),
            "by_file": lambda d, o: file_of(o), "by_location": lambda d, o: location_of(o),
            "by_generation": lambda d, o: generation_of(o)}

    def __init__(self, dump, keys):
        self.dump = dump
        self.keys = keys
        self.total = [0, 0]
        self.excluded = {}
        self.groups = {k: {} for k in keys}

    def add(self, o, reason):
        if reason is not None:
            add(self.excluded, reason, o[6])
            return
        self.total[0] += 1
        self.total[1] += o[6]
        for k in self.keys:
            add(self.groups[k], Groups.KEYS[k](self.dump, o), o[6])

    def json(self):
        out = {"total": self.total, "excluded": self.excluded}
        out.update(self.groups)
        return out


def duplicate_strings(dump, objects):
    by_value = {}
    for o in objects:
        if o[1] == "STRING" and o[9] is not None:
            by_value.setdefault(o[9], []).append(o)
    out = []
    for value, copies in by_value.items():
        if len(copies) < 2:
            continue
        total = sum(o[6] for o in copies)
        locations = {}
        for o in copies:
            locations[location_of(o)] = locations.get(location_of(o), 0) + 1
        out.append({"value": value, "copies": len(copies), "bytes": total,
                    "reclaimable": total - max(o[6] for o in copies), "locations": locations})
    out.sort(key=lambda g: (-g["reclaimable"], g["value"]))
    return out


def summary(path, include_measurement):
    dump = Dump(path)
    groups = Groups(dump, list(Groups.KEYS))
    kept = []
    for o in dump.objects:
        reason = None if include_measurement else dump.exclusion(o)
        groups.add(o, reason)
        if reason is None:
            kept.append(o)
    out = {"lines": dump.lines, "objects": len(dump.objects), "roots": dump.roots,
           "shapes": dump.shapes, "skipped": dump.skipped, "skipped_lines": dump.skipped_lines,
           "duplicate_strings": duplicate_strings(dump, kept)}
    out.update(groups.json())
    return out


# ---- heapy diff, as heapy 0.2.0 computes and prints it ----

def ruby_to_s(value):
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, float):
        return repr(value)  # Ruby and Python agree on ordinary floats; not seen in dumps
    if isinstance(value, (dict, list)):
        raise ValueError("heapy would print a Ruby Hash/Array here; not reproduced")
    return str(value)


def heapy_read(path, parsed_cb, out):
    for _number, raw in raw_lines(path):
        try:
            parsed = _loads(raw)
        except ValueError:
            text = raw.decode("utf-8", "replace")
            out.append("Could not parse " + text.rstrip("\n") if text.endswith("\n") else
                       "Could not parse " + text)
            continue
        parsed_cb(parsed)


def heapy_diff_lines(before, after, retained=None):
    """heapy diff's stdout, one string per printed line (without the newline)."""
    out = []

    def address(parsed):
        return parsed.get("address") if isinstance(parsed, dict) else None

    before_set = set()
    heapy_read(before, lambda p: before_set.add(address(p)), out)
    retained_set = set()
    if retained is not None:
        heapy_read(retained, lambda p: retained_set.add(address(p)), out)
    buckets = {}  # insertion order = first appearance in AFTER

    def after_cb(parsed):
        a = address(parsed)
        if a in before_set:
            return
        if retained is not None and a not in retained_set:
            return
        key = "%s,%s,%s" % (ruby_to_s(parsed.get("type")), ruby_to_s(parsed.get("file")),
                            ruby_to_s(parsed.get("line")))
        bucket = buckets.get(key)
        if bucket is None:
            bucket = buckets[key] = {"count": 0, "memsize": 0, "type": parsed.get("type"),
                                     "file": parsed.get("file"), "line": parsed.get("line")}
        bucket["count"] += 1
        bucket["memsize"] += parsed.get("memsize") or 0
        for k in ("type", "file", "line"):  # Ruby's ||=
            if bucket[k] is None or bucket[k] is False:
                bucket[k] = parsed.get(k)

    heapy_read(after, after_cb, out)
    total = sum(b["memsize"] for b in buckets.values())
    ordered = list(reversed(sorted(buckets.values(), key=lambda b: b["count"])))
    word = "Retained" if retained is not None else "Allocated"
    for b in ordered:
        out.append("%s %s %d objects of size %d/%d (in bytes) at: %s:%s" % (
            word, ruby_to_s(b["type"]), b["count"], b["memsize"], total,
            ruby_to_s(b["file"]), ruby_to_s(b["line"])))
    return out


# ---- leaks ----

def identity(o):
    return (o[0], o[1], o[5])


LEAK_KEYS = ["by_class", "by_location", "by_type", "by_file"]


def committed_heapy_diff(d0):
    base = os.path.basename(d0)
    m = re.match(r"^(.*)-0\.ndjson(\.gz)?$", base)
    if not m:
        return None
    path = os.path.join(os.path.dirname(d0), m.group(1) + ".heapy-diff.txt")
    return path if os.path.exists(path) else None


def leaks(paths, include_measurement, heapy_file=None):
    dumps = [Dump(p) for p in paths]
    last = dumps[-1]

    def reason(dump, o):
        return None if include_measurement else dump.exclusion(o)

    ids = [{identity(o) for o in d.objects} for d in dumps[:-1]]
    addrs = [{o[0] for o in d.objects} for d in dumps[:-1]]
    seen = {}  # address -> set of (type, generation) in D0..Dn-1
    for d in dumps[:-1]:
        for o in d.objects:
            seen.setdefault(o[0], set()).add((o[1], o[5]))

    by_identity = Groups(last, LEAK_KEYS)
    by_address = Groups(last, LEAK_KEYS)
    rejected = Groups(last, ["by_type", "by_class"])
    for o in last.objects:
        r = reason(last, o)
        i = identity(o)
        if i not in ids[0] and all(i in s for s in ids[1:]):
            by_identity.add(o, r)
        if o[0] not in addrs[0] and all(o[0] in s for s in addrs[1:]):
            by_address.add(o, r)
        if r is None and any(k != (o[1], o[5]) for k in seen.get(o[0], ())):
            rejected.add(o, None)
    rejected_json = rejected.json()
    del rejected_json["excluded"]

    growth_total, growth_class, growth_location = [], {}, {}
    n = len(dumps) - 1
    for k, d in enumerate(dumps[1:]):
        step = Groups(d, ["by_class", "by_location"])
        for o in d.objects:
            if identity(o) not in ids[0]:
                step.add(o, reason(d, o))
        growth_total.append(step.total)
        for name, target in (("by_class", growth_class), ("by_location", growth_location)):
            for key, cell in step.groups[name].items():
                target.setdefault(key, [[0, 0] for _ in range(n)])[k] = cell
    growth = {"total": growth_total, "by_class": growth_class, "by_location": growth_location}

    out = {"dumps": len(dumps), "by_identity": by_identity.json(), "by_address": by_address.json(),
           "rejected_reuse": rejected_json, "growth": growth, "heapy": None}
    status = 0
    if len(dumps) == 3:
        lines = heapy_diff_lines(paths[0], paths[1], paths[2])
        committed = heapy_file or committed_heapy_diff(paths[0])
        matches = None
        if committed is not None:
            with open(committed, encoding="utf-8") as f:
                matches = f.read() == "".join(line + "\n" for line in lines)
            if not matches:
                print("heap-check: heapy diff reproduction differs from %s" % committed,
                      file=sys.stderr)
                status = 1
        out["heapy"] = {"lines": lines, "matches": matches,
                        "compared_with": os.path.basename(committed) if committed else None}
    return out, status


def _flat(value):
    if isinstance(value, list):
        return all(_flat(v) and not isinstance(v, dict) for v in value)
    return not isinstance(value, dict)


def to_json(value, depth=0):
    """json.dumps(sort_keys=True) with one key per line and short lists kept on one line."""
    if isinstance(value, dict) and value:
        pad = " " * (depth + 1)
        items = (pad + json.dumps(k) + ": " + to_json(value[k], depth + 1) for k in sorted(value))
        return "{\n" + ",\n".join(items) + "\n" + " " * depth + "}"
    if isinstance(value, list) and value and not _flat(value):
        pad = " " * (depth + 1)
        return "[\n" + ",\n".join(pad + to_json(v, depth + 1) for v in value) + "\n" + " " * depth + "]"
    return json.dumps(value, sort_keys=True, separators=(", ", ": "))


def main(argv):
    include, heapy_file, args = False, None, []
    rest = list(argv)
    while rest:
        a = rest.pop(0)
        if a == "--include-measurement":
            include = True
        elif a == "--heapy-diff" and rest:
            heapy_file = rest.pop(0)
        elif a.startswith("--heapy-diff="):
            heapy_file = a.split("=", 1)[1]
        elif a.startswith("-"):
            print(__doc__.split("\n\n")[1], file=sys.stderr)
            return 0 if a in ("-h", "--help") else 2
        else:
            args.append(a)
    command = args[0] if args and args[0] in ("summary", "leaks", "heapy-diff") else "summary"
    if args and args[0] == command:
        args = args[1:]
    if command == "summary" and len(args) == 1:
        result, status = summary(args[0], include), 0
    elif command == "leaks" and len(args) >= 2:
        result, status = leaks(args, include, heapy_file)
    elif command == "heapy-diff" and len(args) in (2, 3):
        sys.stdout.write("".join(line + "\n" for line in heapy_diff_lines(*args)))
        return 0
    else:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    sys.stdout.write(to_json(result) + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
