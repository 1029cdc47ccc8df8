#!/usr/bin/env python3
"""What imperfect factors buy on whole networks: every layer of ResNet-50,
MobileNetV3 and ViT-B/16 searched with the default hybrid search on four
bundled architectures, with divisors only and with imperfect factors.
Prints a markdown table per network: EDP ratio (imperfect / perfect, below
1 is better), utilization, and search time.

    PYTHONPATH=build/python python3 bench/imperfect-networks-bench.py \
        [--layers ../shared/workloads/layers.tsv] [--threads 2]

MobileNetV3's layers come from the shared layer table; ResNet-50 and
ViT-B/16 are built here from their published architectures (torchvision's
ResNet-50 v1.5, ViT-B/16 at 224x224: 196 patches + the class token).
"""

import argparse
import os
import statistics
import time

import accel

ARCHS = ["eyeriss_like", "simple_weight_stationary", "edge_systolic",
         "cloud_array"]


def make(kind, *args, **kwargs):
    """(key, workload): the key names the shape, strides included."""
    return ((kind, args, tuple(sorted(kwargs.items()))),
            getattr(accel, kind)(*args, **kwargs))


def resnet50():
    """(name, workload) for every layer of ResNet-50 v1.5."""
    layers = [("conv1", make("conv2d", C=3, M=64, P=112, Q=112, R=7, S=7,
                                     stride=2))]
    size, channels = 56, 64
    for stage, (blocks, width) in enumerate([(3, 64), (4, 128), (6, 256),
                                             (3, 512)]):
        out = 4 * width
        for block in range(blocks):
            stride = 2 if stage > 0 and block == 0 else 1
            inner = size // stride
            tag = f"layer{stage + 1}.{block}"
            layers += [
                (f"{tag}.conv1",
                 make("conv2d", C=channels, M=width, P=size, Q=size)),
                (f"{tag}.conv2",
                 make("conv2d", C=width, M=width, P=inner, Q=inner, R=3, S=3,
                      stride=stride)),
                (f"{tag}.conv3",
                 make("conv2d", C=width, M=out, P=inner, Q=inner)),
            ]
            if block == 0:
                layers.append((f"{tag}.downsample",
                               make("conv2d", C=channels, M=out, P=inner,
                                    Q=inner, stride=stride)))
            channels, size = out, inner
    layers.append(("fc", make("matmul", 1, 1000, 2048)))
    return layers


def vit_b16():
    """(name, workload) for every layer of ViT-B/16 (12 identical blocks)."""
    tokens, hidden, heads, mlp = 197, 768, 12, 3072
    head_dim = hidden // heads
    layers = [("patch_embed", make("conv2d", C=3, M=hidden, P=14, Q=14, R=16,
                                           S=16, stride=16))]
    for block in range(12):
        tag = f"block{block}"
        layers += [
            (f"{tag}.qkv", make("matmul", tokens, 3 * hidden, hidden)),
            (f"{tag}.scores", make("matmul", tokens, tokens, head_dim,
                                           batch=heads)),
            (f"{tag}.context", make("matmul", tokens, head_dim, tokens,
                                            batch=heads)),
            (f"{tag}.proj", make("matmul", tokens, hidden, hidden)),
            (f"{tag}.fc1", make("matmul", tokens, mlp, hidden)),
            (f"{tag}.fc2", make("matmul", tokens, hidden, mlp)),
        ]
    layers.append(("head", make("matmul", 1, 1000, hidden)))
    return layers


def from_table(path, network):
    """(name, workload) for the rows of `network` in the shared layer table
    (convolutions; grouped ones with one channel per group are depthwise)."""
    layers = []
    with open(path) as table:
        header = table.readline().split()
        for line in table:
            row = dict(zip(header, line.split()))
            if row["network"] != network:
                continue
            n, g, c, m, p, q, r, s = (int(row[k]) for k in
                                      "N G C M P Q R S".split())
            stride = (int(row["Hstride"]), int(row["Wstride"]))
            dilation = (int(row["Hdilation"]), int(row["Wdilation"]))
            if g > 1 and c == 1 and m == 1:
                layer = make("depthwise_conv2d", N=n, C=g, P=p, Q=q, R=r, S=s,
                                               stride=stride,
                                               dilation=dilation)
            else:
                layer = make("conv2d", N=n, C=c * g, M=m * g, P=p, Q=q, R=r,
                                     S=s, stride=stride, dilation=dilation)
            layers.append((f"{network}.{row['layer']}", layer))
    return layers


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--layers", default=os.path.join(
        here, "..", "..", "shared", "workloads", "layers.tsv"))
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--archs", default=",".join(ARCHS))
    args = parser.parse_args()

    networks = [("ResNet-50", resnet50()), ("ViT-B/16", vit_b16())]
    if os.path.exists(args.layers):
        networks.insert(1, ("MobileNetV3",
                            from_table(args.layers, "mobilenet_v3")))
    else:
        print(f"({args.layers} not found: MobileNetV3 left out)")

    print("| network | architecture | layers | EDP ratio, mean | EDP ratio, "
          "best | EDP ratio, worst | utilization, perfect | utilization, "
          "imperfect | lowest utilization, perfect / imperfect | "
          "search s, perfect / imperfect |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for arch_name in args.archs.split(","):
        arch = accel.architecture(arch_name)
        for network, layers in networks:
            cache = {}
            ratios, util = [], {False: [], True: []}
            seconds = {False: 0.0, True: 0.0}
            for _, (key, layer) in layers:
                if key not in cache:
                    found = {}
                    for imperfect in (False, True):
                        start = time.perf_counter()
                        found[imperfect] = accel.search(
                            arch, layer, threads=args.threads,
                            imperfect=imperfect).result
                        seconds[imperfect] += time.perf_counter() - start
                    cache[key] = found
                found = cache[key]
                ratios.append(found[True].edp / found[False].edp)
                for imperfect in (False, True):
                    util[imperfect].append(found[imperfect].utilization)
            # Utilization weighted by MACs is the network's; the plain mean
            # treats every layer alike.
            print(f"| {network} | {arch_name} | {len(layers)} | "
                  f"{statistics.geometric_mean(ratios):.3f} | "
                  f"{min(ratios):.3f} | {max(ratios):.3f} | "
                  f"{statistics.mean(util[False]):.1%} | "
                  f"{statistics.mean(util[True]):.1%} | "
                  f"{min(util[False]):.1%} / {min(util[True]):.1%} | "
                  f"{seconds[False]:.1f} / {seconds[True]:.1f} |",
                  flush=True)


if __name__ == "__main__":
    main()
