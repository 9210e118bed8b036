"""GD step time of a two-layer ReLU network (square loss, both layers trained, no bias), numpy and PyTorch CPU.

Same shapes and the same computation as reluflow's GdStepBenchmark:
  (a) m=50, n=10, d=10   (b) n=600, d=784, m=3000
Usage: python3 src/bench/python/gd_peers.py [--torch]
Prints one line per case: seconds per step (median of repeats) for each peer available.
"""
import sys, time
import numpy as np

def make(n, d, m, seed=1):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, d)) / np.sqrt(d)
    y = rng.standard_normal(n)
    W = rng.standard_normal((m, d)) / np.sqrt(d)
    a = rng.standard_normal(m) / np.sqrt(m)
    return X, y, W, a

def numpy_step(X, y, W, a, eta):
    n = X.shape[0]
    Z = X @ W.T
    A = np.maximum(Z, 0.0)
    f = A @ a
    r = (f - y) / n
    ga = A.T @ r
    D = (Z > 0) * r[:, None] * a[None, :]
    gW = D.T @ X
    W -= eta * gW
    a -= eta * ga
    return 0.5 * np.mean((f - y) ** 2)

def timeit(fn, repeats, inner):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(inner):
            fn()
        times.append((time.perf_counter() - t0) / inner)
    times.sort()
    return times[len(times) // 2]

def main():
    use_torch = "--torch" in sys.argv
    if use_torch:
        import torch
        torch.set_num_threads(2)
    for name, (n, d, m), inner in [("a", (10, 10, 50), 2000), ("b", (600, 784, 3000), 5)]:
        X, y, W, a = make(n, d, m)
        t_np = timeit(lambda: numpy_step(X, y, W, a, 1e-3), 7, inner)
        line = f"case ({name}) n={n} d={d} m={m}: numpy {t_np*1e6:.1f} us/step"
        if use_torch:
            Xt, yt = torch.tensor(X), torch.tensor(y)
            Wt = torch.tensor(W, requires_grad=True)
            at = torch.tensor(a, requires_grad=True)
            def torch_step():
                loss = 0.5 * torch.mean((torch.relu(Xt @ Wt.T) @ at - yt) ** 2)
                gW, ga = torch.autograd.grad(loss, (Wt, at))
                with torch.no_grad():
                    Wt.sub_(1e-3 * gW)
                    at.sub_(1e-3 * ga)
            t_th = timeit(torch_step, 7, inner)
            line += f", torch {t_th*1e6:.1f} us/step (float64, {torch.get_num_threads()} threads, torch {torch.__version__})"
        print(line, flush=True)

if __name__ == "__main__":
    main()
