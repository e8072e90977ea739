#!/usr/bin/env python3
"""Summarises the CPU samples of a JFR recording (jdk.ExecutionSample): where the server's CPU went.

Usage: jfr-summary.py RECORDING.jfr [TOP]
Reads `jfr print --events jdk.ExecutionSample --stack-depth 96` and prints, over the sampled threads:
  - the top frames (self time: the method running when sampled);
  - the hottest packages by self time (the top frame's package, cut to three or four segments);
  - inclusive time by layer: a sample counts once for each layer found anywhere on its stack
    (JAX-RS, EJB container, CDI, JPA/EclipseLink, JDBC driver, JSON, security/JWT, Cuadra's own code...);
  - Cuadra's methods by inclusive time (a sample counts once per method on its stack).
Percentages are of all samples. Needs the JDK's `jfr` on the PATH (or JFR=/path/to/jfr).
"""
import collections
import os
import re
import subprocess
import sys

LAYERS = [  # (name, prefix of a frame's class) - the first matching prefix names the layer of a frame
    ("Cuadra code", "io.cuadra."),
    ("EclipseLink (JPA)", "org.eclipse.persistence."),
    ("PostgreSQL JDBC", "org.postgresql."),
    ("Payara JDBC pool / JTA", "com.sun.enterprise.resource."),
    ("JTA (transaction manager)", "com.sun.enterprise.transaction."),
    ("EJB container", "com.sun.ejb."),
    ("CDI (Weld)", "org.jboss.weld."),
    ("JAX-RS (Jersey)", "org.glassfish.jersey."),
    ("JSON-B / JSON-P (Yasson, Parsson)", "org.eclipse.yasson."),
    ("JSON-B / JSON-P (Yasson, Parsson)", "org.eclipse.parsson."),
    ("Security / JWT (Soteria, Payara MP JWT)", "fish.payara.microprofile.jwtauth."),
    ("Security / JWT (Soteria, Payara MP JWT)", "org.glassfish.soteria."),
    ("Security / JWT (Soteria, Payara MP JWT)", "com.nimbusds."),
    ("Security / JWT (Soteria, Payara MP JWT)", "sun.security."),
    ("MicroProfile metrics / OpenAPI / config", "fish.payara.microprofile."),
    ("Servlet / Grizzly (HTTP)", "org.apache.catalina."),
    ("Servlet / Grizzly (HTTP)", "org.glassfish.grizzly."),
    ("Servlet / Grizzly (HTTP)", "com.sun.enterprise.web."),
    ("Bean Validation (Hibernate Validator)", "org.hibernate.validator."),
    ("XML (signing, UBL)", "org.apache.xml.security."),
    ("XML (signing, UBL)", "com.sun.org.apache."),
    ("XML (signing, UBL)", "javax.xml."),
    ("XML (signing, UBL)", "jdk.xml."),
    ("JDK reflection / invoke", "java.lang.reflect."),
    ("JDK reflection / invoke", "java.lang.invoke."),
    ("JDK reflection / invoke", "jdk.internal.reflect."),
]

FRAME = re.compile(r"^\s+([\w$.<>/]+)\.([\w$<>]+)\(.*\)\s+line:")


def samples(path):
    jfr = os.environ.get("JFR", "jfr")
    out = subprocess.run([jfr, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", path],
                         check=True, capture_output=True, text=True).stdout
    stack, thread, in_stack = [], "", False
    for line in out.splitlines():
        if line.startswith("jdk.ExecutionSample"):
            stack, thread, in_stack = [], "", False
        elif "sampledThread = " in line:
            thread = line.split("=", 1)[1].strip().strip('"')
        elif "stackTrace = [" in line:
            in_stack = True
        elif in_stack and line.strip() == "]":
            in_stack = False
            yield thread, stack
        elif in_stack:
            m = FRAME.match(line)
            if m:
                stack.append((m.group(1), m.group(2)))


def durations(path, event, field):
    """Count and total milliseconds of a duration field of an event (JIT compilations, GC pauses)."""
    jfr = os.environ.get("JFR", "jfr")
    out = subprocess.run([jfr, "print", "--events", event, path], check=True, capture_output=True, text=True).stdout
    n, total = 0, 0.0
    for m in re.finditer(r"^\s*" + field + r" = ([0-9.,]+) (ns|us|ms|s)\b", out, re.M):
        value = float(m.group(1).replace(",", ""))
        total += value * {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1000.0}[m.group(2)]
        n += 1
    return n, total


def package(cls, depth):
    parts = cls.split(".")[:-1]
    return ".".join(parts[:depth]) if parts else "(default)"


def layer(cls):
    for name, prefix in LAYERS:
        if cls.startswith(prefix):
            return name
    return None


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    n = 0
    self_method, self_package, layers, cuadra = (collections.Counter() for _ in range(4))
    threads = collections.Counter()
    for thread, stack in samples(sys.argv[1]):
        if not stack:
            continue
        n += 1
        threads[re.sub(r"[(\-]?\d+\)?$", "", thread)] += 1
        cls, method = stack[0]
        self_method[cls + "." + method] += 1
        self_package[package(cls, 4 if cls.startswith("io.cuadra.") else 3)] += 1
        seen_layers, seen_methods = set(), set()
        for c, m in stack:
            name = layer(c)
            if name:
                seen_layers.add(name)
            if c.startswith("io.cuadra."):
                seen_methods.add(c.rsplit(".", 1)[-1] + "." + m)
        layers.update(seen_layers)
        cuadra.update(seen_methods)
    if n == 0:
        sys.exit("no jdk.ExecutionSample events in " + sys.argv[1])

    def show(title, counter, limit):
        print(f"\n{title}")
        for key, count in counter.most_common(limit):
            print(f"  {100.0 * count / n:5.1f}%  {count:6d}  {key}")

    print(f"{n} CPU samples of Java code in {sys.argv[1]} (JIT compiler and GC threads are not sampled:)")
    for label, event, field in (("JIT compilations", "jdk.Compilation", "duration"),
                                ("GC pauses", "jdk.GarbageCollection", "sumOfPauses")):
        count, ms = durations(sys.argv[1], event, field)
        print(f"  {label}: {count}, {ms:,.0f} ms in all")
    show("Threads (samples)", threads, 8)
    show("Top frames (self)", self_method, top)
    show("Hottest packages (self)", self_package, top)
    show("Layers (inclusive: anywhere on the stack)", layers, len(LAYERS))
    show("Cuadra methods (inclusive)", cuadra, top)


if __name__ == "__main__":
    main()
