"""Pictures of results: where the energy goes, and the explored mapspace.

Both functions draw with matplotlib (the Agg backend, so no display is
needed) and save a PNG when given a path; both return the figure.
"""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

__all__ = ["energy_breakdown", "mapspace", "pareto_front"]


def energy_breakdown(result, path=None, title=None):
    """Stacked bars: per storage level (outermost first) the energy of each
    tensor (reads, fills, updates, leakage share), plus the compute."""
    data = result.to_dict()
    if not data.get("valid", False):
        raise ValueError("cannot plot an invalid result")
    levels = [l for l in data["levels"] if l["energy_pj"] > 0]
    tensors = []
    for level in levels:
        for tensor in level["tensors"]:
            if tensor["name"] not in tensors:
                tensors.append(tensor["name"])
    names = [l["name"] for l in levels] + [data["compute"]["name"]]
    fig, ax = plt.subplots(figsize=(max(6, 1.2 * len(names)), 4.5))
    bottoms = [0.0] * len(names)
    for tensor in tensors:
        heights = []
        for level in levels:
            energy = sum(t["energy_pj"] for t in level["tensors"]
                         if t["name"] == tensor)
            heights.append(energy * 1e-6)
        heights.append(0.0)
        ax.bar(names, heights, bottom=bottoms, label=tensor)
        bottoms = [b + h for b, h in zip(bottoms, heights)]
    leak = [l.get("leakage_pj", 0) * 1e-6 for l in levels] + [0.0]
    if any(leak):
        ax.bar(names, leak, bottom=bottoms, label="leakage", color="0.6")
        bottoms = [b + h for b, h in zip(bottoms, leak)]
    compute = [0.0] * len(levels) + [data["compute"]["energy_pj"] * 1e-6]
    ax.bar(names, compute, bottom=bottoms, label="compute", color="0.3")
    ax.set_ylabel("energy (uJ)")
    ax.margins(y=0.08)
    ax.set_title(title or "energy by level and tensor: "
                 f"{data['energy_pj'] * 1e-6:.3g} uJ, {data['cycles']} cycles")
    ax.legend()
    fig.tight_layout()
    if path:
        fig.savefig(path, dpi=120)
    return fig


def pareto_front(points):
    """The points (energy, cycles) no other point beats on both, sorted by
    cycles."""
    front = []
    for energy, cycles in sorted(points, key=lambda p: (p[1], p[0])):
        if not front or energy < front[-1][0]:
            front.append((energy, cycles))
    return front


def mapspace(results, path=None, title=None, highlight=None):
    """Energy against cycles of every valid result, with the Pareto front;
    `highlight` (a result) is marked, e.g. the mapper's choice."""
    points = [(r.energy_pj, r.cycles) for r in results if r.valid]
    if not points:
        raise ValueError("no valid result to plot")
    fig, ax = plt.subplots(figsize=(6.5, 4.5))
    ax.scatter([p[1] for p in points], [p[0] * 1e-6 for p in points], s=6,
               alpha=0.4, label=f"{len(points)} mappings")
    front = pareto_front(points)
    ax.plot([p[1] for p in front], [p[0] * 1e-6 for p in front], "r-o",
            markersize=3, label="Pareto front")
    if highlight is not None and highlight.valid:
        ax.scatter([highlight.cycles], [highlight.energy_pj * 1e-6],
                   marker="*", s=160, color="k", label="chosen", zorder=3)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("cycles")
    ax.set_ylabel("energy (uJ)")
    ax.set_title(title or "explored mapspace")
    ax.legend()
    fig.tight_layout()
    if path:
        fig.savefig(path, dpi=120)
    return fig
