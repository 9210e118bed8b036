"""SymPy: gradient of the same square-loss region polynomials as reluflow's SymbolicDeriveBench (written by it to
src/bench/data/region_loss_m<m>.txt in Symja syntax), differentiated with sympy.diff, timed per width.
Usage: python3 src/bench/python/sympy_derive.py 1 2 4 8
"""
import os, re, sys, time
import sympy as sp

here = os.path.dirname(os.path.abspath(__file__))
for m in [int(a) for a in sys.argv[1:]] or [1, 2, 4, 8]:
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
