#!/usr/bin/env python3
"""Writes the layers of one network from a layer table as linalg IR.

The table (tab-separated, with a header) gives per layer the 7-D
convolution shape Timeloop uses: N G C M P Q R S, strides and dilations.
Each layer becomes a function taking its input, weights and output:

- grouped with one channel per group (G > 1, C = M = 1): depthwise
  linalg.depthwise_conv_2d_nchw_chw;
- other grouped layers: linalg.conv_2d_ngchw_gfchw;
- a 1x1 "convolution" over a sequence (R = S = Q = 1, unit strides; the
  table's encoding of a transformer's matmul): linalg.matmul;
- a fully connected layer (P = Q = R = S = 1): linalg.matmul;
- everything else: linalg.conv_2d_nchw_fchw with its strides and
  dilations.

Inputs are sized to exactly what the outputs need (padding is outside the
op, as frontends emit it).

Usage: layers-to-mlir.py TABLE NETWORK [OUTPUT]
"""

import csv
import sys


def conv_input(out, kernel, stride, dilation):
    return (out - 1) * stride + (kernel - 1) * dilation + 1


def tensor(shape):
    return "tensor<" + "x".join(str(d) for d in shape) + "xf32>"


def layer_function(row):
    n, g, c, m, p, q, r, s = (int(row[k]) for k in "N G C M P Q R S".split())
    hs, ws = int(row["Hstride"]), int(row["Wstride"])
    hd, wd = int(row["Hdilation"]), int(row["Wdilation"])
    name = "layer_" + row["layer"].replace("-", "_")
    h = conv_input(q, s, hs, hd)  # Timeloop: Q, S vertical; P, R horizontal
    w = conv_input(p, r, ws, wd)
    unit = hs == ws == hd == wd == 1
    if g == 1 and r == s == q == 1 and unit and n == 1:
        # A matmul: [P x C] x [C x M].
        a, b, out = (p, c), (c, m), (p, m)
        body = (f"%0 = linalg.matmul ins(%a, %b : {tensor(a)}, {tensor(b)}) "
                f"outs(%out : {tensor(out)}) -> {tensor(out)}")
        args = f"%a: {tensor(a)}, %b: {tensor(b)}, %out: {tensor(out)}"
        result = tensor(out)
    elif g > 1 and c == 1 and m == 1:
        i, f, o = (n, g, h, w), (g, s, r), (n, g, q, p)
        attrs = (f"{{dilations = dense<[{hd}, {wd}]> : tensor<2xi64>, "
                 f"strides = dense<[{hs}, {ws}]> : tensor<2xi64>}}")
        body = (f"%0 = linalg.depthwise_conv_2d_nchw_chw {attrs} "
                f"ins(%i, %f : {tensor(i)}, {tensor(f)}) "
                f"outs(%o : {tensor(o)}) -> {tensor(o)}")
        args = f"%i: {tensor(i)}, %f: {tensor(f)}, %o: {tensor(o)}"
        result = tensor(o)
    elif g > 1:
        i, f, o = (n, g, c, h, w), (g, m, c, s, r), (n, g, m, q, p)
        attrs = (f"{{dilations = dense<[{hd}, {wd}]> : tensor<2xi64>, "
                 f"strides = dense<[{hs}, {ws}]> : tensor<2xi64>}}")
        body = (f"%0 = linalg.conv_2d_ngchw_gfchw {attrs} "
                f"ins(%i, %f : {tensor(i)}, {tensor(f)}) "
                f"outs(%o : {tensor(o)}) -> {tensor(o)}")
        args = f"%i: {tensor(i)}, %f: {tensor(f)}, %o: {tensor(o)}"
        result = tensor(o)
    else:
        i, f, o = (n, c, h, w), (m, c, s, r), (n, m, q, p)
        attrs = (f"{{dilations = dense<[{hd}, {wd}]> : tensor<2xi64>, "
                 f"strides = dense<[{hs}, {ws}]> : tensor<2xi64>}}")
        body = (f"%0 = linalg.conv_2d_nchw_fchw {attrs} "
                f"ins(%i, %f : {tensor(i)}, {tensor(f)}) "
                f"outs(%o : {tensor(o)}) -> {tensor(o)}")
        args = f"%i: {tensor(i)}, %f: {tensor(f)}, %o: {tensor(o)}"
        result = tensor(o)
    return (f"  func.func @{name}({args}) -> {result} {{\n"
            f"    {body}\n"
            f"    return %0 : {result}\n"
            f"  }}\n")


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    table, network = sys.argv[1], sys.argv[2]
    with open(table, newline="") as f:
        rows = [row for row in csv.DictReader(f, delimiter="\t")
                if row["network"] == network]
    if not rows:
        sys.exit(f"no layers of network '{network}' in {table}")
    text = (f"// {network}: {len(rows)} layers from {table.split('/')[-1]}, "
            f"written by scripts/layers-to-mlir.py.\n"
            f"// Each layer is a function on its input, weights and output.\n"
            f"module {{\n" + "".join(layer_function(r) for r in rows) + "}\n")
    if len(sys.argv) == 4:
        with open(sys.argv[3], "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
