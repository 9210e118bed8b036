"""SymPy: gradient and Hessian of the same square-loss region polynomials as reluflow's SymbolicDeriveBench (written
by it to src/bench/data/region_loss_m<m>.txt in Symja syntax), with sympy.diff per parameter and sympy.hessian,
timed per width. The Hessian of each width runs under a wall-clock cap (--hessian-cap seconds, default 600); a width
that hits it is reported as "> cap" and larger widths are skipped.
Usage: python3 src/bench/python/sympy_derive.py [--hessian-cap 600] [--no-hessian] 1 2 4 8 12 16
"""
import os, re, signal, sys, time
import sympy as sp


class Cap(Exception):
    pass


def _alarm(signum, frame):
    raise Cap()


args = sys.argv[1:]
cap, hessian = 600, True
if "--hessian-cap" in args:
    i = args.index("--hessian-cap")
    cap = int(args[i + 1])
    del args[i:i + 2]
if "--no-hessian" in args:
    args.remove("--no-hessian")
    hessian = False
here = os.path.dirname(os.path.abspath(__file__))
capped = False
for m in [int(a) for a in args] or [1, 2, 4, 8]:
    text = open(os.path.join(here, "..", "data", f"region_loss_m{m}.txt")).read()
    text = text.replace("^", "**")
    names = sorted(set(re.findall(r"\b[abwc]\d+(?:x\d+)?\b", text)))
    syms = {n: sp.Symbol(n) for n in names}
    L = sp.sympify(text, locals=syms)
    t0 = time.perf_counter()
    grad = [sp.diff(L, syms[n]) for n in names]
    secs = time.perf_counter() - t0
    leaves = sum(sp.count_ops(g) for g in grad)
    print(f"m = {m:2d}: {len(names):4d} parameters, gradient by sympy.diff in {secs:.3f} s (ops {leaves})", flush=True)
    if not hessian:
        continue
    if capped:
        print(f"        Hessian by sympy.hessian: skipped (a smaller width hit the {cap} s cap)", flush=True)
        continue
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(cap)
    t0 = time.perf_counter()
    try:
        H = sp.hessian(L, [syms[n] for n in names])
        secs = time.perf_counter() - t0
        signal.alarm(0)
        print(f"        Hessian by sympy.hessian in {secs:.3f} s ({H.rows}x{H.cols})", flush=True)
    except Cap:
        capped = True
        print(f"        Hessian by sympy.hessian: > {cap} s (stopped at the cap after "
              f"{time.perf_counter() - t0:.1f} s)", flush=True)
