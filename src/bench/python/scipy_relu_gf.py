"""Gradient flow of a two-layer ReLU network with SciPy's DOP853, the ReLU written as np.maximum (no event handling).

The problem is the one of reluflow's GradientFlowBench: m=50, n=d=10, Gaussian data (written by the Java bench to
src/bench/data/gf_problem.csv, or regenerated here with the same recipe if absent), init scale 1e-2, T=50,
rtol 1e-10. SciPy stalls where a pre-activation sits on its switching surface (Filippov sliding), so the run is
capped in wall-clock time; the script prints how far it got and how many right-hand-side calls it made.
Usage: python3 src/bench/python/scipy_relu_gf.py [cap_seconds]
"""
import sys, time, os
import numpy as np
from scipy.integrate import solve_ivp

cap = float(sys.argv[1]) if len(sys.argv) > 1 else 60.0
here = os.path.dirname(os.path.abspath(__file__))
path = os.path.join(here, "..", "data", "gf_problem.csv")
table = np.loadtxt(path, delimiter=",")
n, d, m = 10, 10, 50
X, y = table[:n, :d], table[:n, d]
theta0 = table[n:, 0]
assert theta0.size == m * (d + 1), theta0.size

def unpack(th):
    return th[:m], th[m:].reshape(m, d)

calls = 0
start = time.perf_counter()
class Timeout(Exception):
    pass
last_t = 0.0
def rhs(t, th):
    global calls, last_t
    calls += 1
    last_t = t
    if calls % 1000 == 0 and time.perf_counter() - start > cap:
        raise Timeout()
    a, W = unpack(th)
    Z = X @ W.T
    A = np.maximum(Z, 0.0)
    r = (A @ a - y) / n
    ga = A.T @ r
    gW = ((Z > 0) * r[:, None] * a[None, :]).T @ X
    return -np.concatenate([ga, gW.ravel()])

try:
    sol = solve_ivp(rhs, (0, 50), theta0, method="DOP853", rtol=1e-10, atol=1e-12)
    status = "finished" if sol.success else "failed: " + sol.message
    reached = sol.t[-1]
except Timeout:
    status, reached = "stopped at the wall-clock cap", last_t
elapsed = time.perf_counter() - start
print(f"scipy DOP853: {status}; reached t = {reached:.4g} of 50 in {elapsed:.1f} s, {calls} RHS calls")
