#!/usr/bin/env python3
"""Throughput of scipy.ndimage.label + bincount + top/bottom check, one thread, on maps saved by
`bench-label --save-maps FILE`: the reference figure that `bench-label` is compared with.

Usage: python3 scipy_label_bench.py FILE [ROUNDS]
Needs numpy and scipy (not part of the build; run by hand)."""
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np  # noqa: E402
import scipy.ndimage as ndi  # noqa: E402


def label_one(m):
    lab, n = ndi.label(m)  # 4-connectivity by default
    sizes = np.bincount(lab.ravel())
    sizes[0] = 0
    largest = int(sizes.max()) if n else 0
    top = np.unique(lab[0][lab[0] > 0])
    bottom = np.unique(lab[-1][lab[-1] > 0])
    spanning = bool(np.intersect1d(top, bottom, assume_unique=True).size)
    return largest, spanning


def main():
    maps = np.load(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    n, size, _ = maps.shape
    rates = []
    checksum = 0
    for r in range(rounds + 1):
        t0 = time.perf_counter()
        for m in maps:
            checksum += label_one(m)[0]
        dt = time.perf_counter() - t0
        if r > 0:
            rates.append(n * size * size / dt)
    rates.sort()
    print(f"scipy label + bincount + top/bottom: L={size}, {n} maps, one thread: "
          f"{rates[len(rates) // 2] / 1e6:.1f} Msites/s (median of {rounds}; min {rates[0] / 1e6:.1f}, "
          f"max {rates[-1] / 1e6:.1f}); sum of largest clusters {checksum}")


if __name__ == "__main__":
    main()
