#!/usr/bin/env python3
"""Regenerate the NPY test fixtures next to this script.

The Java tests in org.scalefreebench.datasets.npy read the committed files and restate
the values below; they never run this script. Run it only to regenerate the fixtures
(e.g. ``python3 make_fixtures.py``), then check that ``git diff`` shows no change.
Made with numpy 2.4.6.

Good fixtures (read by NpyReader, and written byte for byte by NpyWriter):
  u8_5.npy          uint8   (5,)       [0, 1, 127, 128, 255]
  u8_3x4.npy        uint8   (3, 4)     (arange(12) * 23) % 256
  u8_0x4x4.npy      uint8   (0, 4, 4)  empty
  i32_6.npy         int32   (6,)       [-2**31, -1, 0, 1, 2**31 - 1, 123456789]
  i32_2x3x4.npy     int32   (2, 3, 4)  (arange(24) - 12) * 1000003
  f32_3x4.npy       float32 (3, 4)     (arange(12) - 5.5) / 4
  f32_5.npy         float32 (5,)       [-0.0, 0.1, 1e-45, 3.4028235e38, -7.25]
  f32_0.npy         float32 (0,)       empty
  f64_2x3x4.npy     float64 (2, 3, 4)  arange(24) / 8 - 1.5
  f64_7.npy         float64 (7,)       [nan, inf, -inf, -0.0, 0.1, 1e-300, 5e-324]
  f64_scalar.npy    float64 ()         2.5
  f32_3x4_v2.npy    float32 (3, 4)     as f32_3x4.npy, NPY format version 2.0 (read only)

Bad fixtures (each must be rejected with an NpyFormatException):
  bad_i32_big_endian.npy   '>i4' arange(6)
  bad_f64_fortran.npy      Fortran-ordered float64 arange(6).reshape(2, 3)
  bad_i32_truncated.npy    int32 arange(10) with the last 3 bytes cut (128 + 37 bytes)
  bad_bool.npy             '|b1' [True, False, True]
  bad_i64.npy              '<i8' arange(4)
  bad_v3.npy               uint8 arange(4), NPY format version 3.0
"""

import os

import numpy as np
from numpy.lib import format as npy_format

HERE = os.path.dirname(os.path.abspath(__file__))


def save(name, array):
    np.save(os.path.join(HERE, name), array, allow_pickle=False)


def save_version(name, array, version):
    with open(os.path.join(HERE, name), "wb") as f:
        npy_format.write_array(f, array, version=version, allow_pickle=False)


def main():
    save("u8_5.npy", np.array([0, 1, 127, 128, 255], dtype=np.uint8))
    save("u8_3x4.npy", ((np.arange(12) * 23) % 256).astype(np.uint8).reshape(3, 4))
    save("u8_0x4x4.npy", np.zeros((0, 4, 4), dtype=np.uint8))
    save("i32_6.npy", np.array([-2**31, -1, 0, 1, 2**31 - 1, 123456789], dtype=np.int32))
    save("i32_2x3x4.npy", ((np.arange(24) - 12) * 1000003).astype(np.int32).reshape(2, 3, 4))
    f32_3x4 = ((np.arange(12) - 5.5) / 4).astype(np.float32).reshape(3, 4)
    save("f32_3x4.npy", f32_3x4)
    save("f32_5.npy", np.array([-0.0, 0.1, 1e-45, 3.4028235e38, -7.25], dtype=np.float32))
    save("f32_0.npy", np.zeros((0,), dtype=np.float32))
    save("f64_2x3x4.npy", (np.arange(24) / 8 - 1.5).reshape(2, 3, 4))
    save("f64_7.npy", np.array([np.nan, np.inf, -np.inf, -0.0, 0.1, 1e-300, 5e-324], dtype=np.float64))
    save("f64_scalar.npy", np.array(2.5, dtype=np.float64))
    save_version("f32_3x4_v2.npy", f32_3x4, (2, 0))

    save("bad_i32_big_endian.npy", np.arange(6, dtype=">i4"))
    save("bad_f64_fortran.npy", np.asfortranarray(np.arange(6, dtype=np.float64).reshape(2, 3)))
    truncated = os.path.join(HERE, "bad_i32_truncated.npy")
    save("bad_i32_truncated.npy", np.arange(10, dtype=np.int32))
    with open(truncated, "rb") as f:
        data = f.read()
    with open(truncated, "wb") as f:
        f.write(data[:-3])
    save("bad_bool.npy", np.array([True, False, True]))
    save("bad_i64.npy", np.arange(4, dtype="<i8"))
    save_version("bad_v3.npy", np.arange(4, dtype=np.uint8), (3, 0))

    for name in sorted(os.listdir(HERE)):
        if name.endswith(".npy"):
            print(f"{name}: {os.path.getsize(os.path.join(HERE, name))} bytes")


if __name__ == "__main__":
    main()
