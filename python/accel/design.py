"""Parametric accelerator designs: build an ``accel.arch`` from parameters.

A :class:`Design` lists levels outermost first, like ``accel.arch`` itself:
a :class:`Dram`, on-chip :class:`Buffer` (SRAM) and :class:`RegisterFile`
levels, :class:`Fanout` levels that replicate everything below them, and a
:class:`Mac`. Energies and areas the user does not give come from Accel's
estimator (``accel.estimate_sram`` and friends, docs/energy-estimator.md) at the
design's technology node; bandwidths default to what the part can deliver
(one row per bank per cycle for SRAM, the DRAM type's peak for DRAM)::

    from accel.design import Design, Dram, Buffer, Fanout, RegisterFile, Mac
    design = Design("ws16", node_nm=28, levels=[
        Dram("LPDDR4"),
        Buffer("global_buffer", kib=256, width_bits=128, banks=4),
        Fanout("rows", y=16), Fanout("columns", x=16),
        RegisterFile("weights", entries=16, keep=["Weights"]),
        RegisterFile("accumulator", entries=4, word_bits=32,
                     keep=["Outputs"]),
        Mac(bits=8)])
    print(design.to_mlir())          # an accel.arch, usable by accel-opt
    arch = design.architecture()     # an accel.Architecture

:func:`generate` builds the families the case study sweeps (weight-,
output- and row-stationary PE arrays of any shape and buffer size). Every
object here is plain Python data: it pickles, so Dask can ship it.
"""

from dataclasses import dataclass, field, fields
import math
import re

from . import _accel

__all__ = ["Design", "Dram", "Buffer", "RegisterFile", "Fanout", "Mac",
           "generate", "DRAM_TYPES", "DATAFLOWS"]

# Peak bandwidth (GB/s) of one typical part of each type, for the default
# DRAM bandwidth: LPDDR4-4266 x32 channel, DDR4-3200 x64 DIMM channel,
# GDDR6 14 Gb/s x32 device, HBM2 2 Gb/s x1024 stack.
DRAM_TYPES = {"LPDDR4": 17.0, "DDR4": 25.6, "GDDR6": 56.0, "HBM2": 256.0}

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_$.-]*$")


class DesignError(ValueError):
    """A design parameter is out of range; the message names it."""


def _where(level, what):
    return f"{type(level).__name__} '{level.name}': {what}"


def _positive_int(level, name, value, allow_none=False):
    if value is None and allow_none:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise DesignError(_where(level, f"'{name}' must be a positive "
                                        f"integer, got {value!r}"))


def _positive_number(level, name, value, allow_none=True):
    if value is None and allow_none:
        return
    if (isinstance(value, bool) or not isinstance(value, (int, float))
            or not math.isfinite(value) or value <= 0):
        raise DesignError(_where(level, f"'{name}' must be a positive "
                                        f"number, got {value!r}"))


def _roles(level, name, value):
    if isinstance(value, str) or not all(isinstance(v, str) for v in value):
        raise DesignError(_where(level, f"'{name}' must be a list of tensor "
                                        f"names or roles, got {value!r}"))


def _number(value):
    """MLIR literal of a float (always with a point or exponent)."""
    text = repr(float(value))
    return text if ("." in text or "e" in text) else text + ".0"


def _strings(values):
    return "[" + ", ".join(f'"{v}"' for v in values) + "]"


@dataclass
class _Storage:
    name: str
    word_bits: int = 8
    keep: list = field(default_factory=list)
    bypass: list = field(default_factory=list)
    energy: dict = None   # explicit {read, fill, update, leak}: no estimate
    area: float = None

    def _check_common(self):
        if not isinstance(self.name, str) or not _NAME.match(self.name):
            raise DesignError(f"{type(self).__name__}: 'name' must be an "
                              f"identifier, got {self.name!r}")
        _positive_int(self, "word_bits", self.word_bits)
        _roles(self, "keep", self.keep)
        _roles(self, "bypass", self.bypass)
        both = set(self.keep) & set(self.bypass)
        if both:
            raise DesignError(_where(self, f"{sorted(both)} both kept and "
                                           f"bypassed"))
        if self.energy is not None:
            if not isinstance(self.energy, dict) or not set(
                    self.energy) <= {"read", "fill", "update", "leak"}:
                raise DesignError(_where(self, "'energy' must be a dict with "
                                         "keys among read, fill, update, "
                                         "leak"))
            for key, value in self.energy.items():
                if (not isinstance(value, (int, float)) or value < 0
                        or not math.isfinite(value)):
                    raise DesignError(_where(
                        self, f"energy['{key}'] must be a non-negative "
                              f"number, got {value!r}"))
        if self.area is not None and (not isinstance(self.area, (int, float))
                                      or self.area < 0):
            raise DesignError(_where(self, f"'area' must be a non-negative "
                                           f"number, got {self.area!r}"))

    def _storage_op(self, attributes, estimate):
        """The accel.storage op: `attributes` first, then keep/bypass and
        the energies and area of `estimate` (an estimate_* dict: read,
        write, leak, area) unless the user gave their own."""
        attributes = attributes + self._common_attributes(
            {"read": estimate["read"], "fill": estimate["write"],
             "update": estimate["write"], "leak": estimate["leak"]},
            estimate["area"])
        return f"accel.storage @{self.name} {{{', '.join(attributes)}}}"

    def _common_attributes(self, energy, area):
        parts = []
        if self.keep:
            parts.append(f"keep = {_strings(self.keep)}")
        if self.bypass:
            parts.append(f"bypass = {_strings(self.bypass)}")
        energy = dict(energy)
        energy.update(self.energy or {})
        parts.append("energy = #accel.energy<" + ", ".join(
            f"{k} = {_number(energy[k])}"
            for k in ("read", "fill", "update", "leak") if k in energy) + ">")
        area = self.area if self.area is not None else area
        if area:
            parts.append(f"area = {_number(area)}")
        return parts


@dataclass
class Dram(_Storage):
    """Off-chip memory. ``type`` sets the energy per bit and the default
    bandwidth (``DRAM_TYPES`` at the design's clock); ``bandwidth`` is in
    words per cycle, shared by reads and writes."""
    type: str = "LPDDR4"
    width_bits: int = 64
    bandwidth: float = None

    def __init__(self, type="LPDDR4", name="DRAM", width_bits=64, word_bits=8,
                 bandwidth=None, keep=(), bypass=(), energy=None):
        super().__init__(name, word_bits, list(keep), list(bypass), energy,
                         None)
        self.type, self.width_bits, self.bandwidth = type, width_bits, bandwidth
        self._check(None)

    def _check(self, design):
        self._check_common()
        if not isinstance(self.type, str) or self.type.upper() not in \
                DRAM_TYPES:
            raise DesignError(_where(self, f"'type' must be one of "
                                           f"{sorted(DRAM_TYPES)}, got "
                                           f"{self.type!r}"))
        _positive_int(self, "width_bits", self.width_bits)
        if self.width_bits % self.word_bits:
            raise DesignError(_where(self, f"'width_bits' ({self.width_bits})"
                                           f" must be a multiple of "
                                           f"'word_bits' ({self.word_bits})"))
        _positive_number(self, "bandwidth", self.bandwidth)

    def default_bandwidth(self, design):
        bytes_per_cycle = DRAM_TYPES[self.type.upper()] / design.clock_ghz
        return bytes_per_cycle * 8 / self.word_bits

    def _bandwidth(self, design):
        return self.bandwidth or self.default_bandwidth(design)

    def _mlir(self, design):
        per_access = _accel.dram_energy_per_bit(self.type) * self.width_bits
        return self._storage_op(
            ['technology = "dram"', f"width = {self.width_bits}",
             f"word_bits = {self.word_bits}",
             f"shared_bandwidth = {_number(self._bandwidth(design))}"],
            {"read": per_access, "write": per_access, "leak": 0.0,
             "area": None})

    def _parameters(self, design):
        return {"type": self.type.upper(), "word_bits": self.word_bits,
                "bandwidth": self._bandwidth(design)}


@dataclass
class Buffer(_Storage):
    """An on-chip SRAM of ``kib`` KiB (or ``entries`` words), read and
    written ``width_bits`` at a time in ``banks`` banks. ``bandwidth``
    (words per cycle, reads and writes each) defaults to one row per bank
    per cycle."""
    kib: float = None
    entries: int = None
    width_bits: int = None
    banks: int = 1
    bandwidth: float = None
    multiple_buffering: float = 1.0

    def __init__(self, name, kib=None, entries=None, width_bits=None,
                 word_bits=8, banks=1, bandwidth=None, multiple_buffering=1.0,
                 keep=(), bypass=(), energy=None, area=None):
        super().__init__(name, word_bits, list(keep), list(bypass), energy,
                         area)
        self.kib, self.entries, self.width_bits = kib, entries, width_bits
        self.banks, self.bandwidth = banks, bandwidth
        self.multiple_buffering = multiple_buffering
        self._check(None)

    def words(self):
        if self.entries is not None:
            return self.entries
        return int(self.kib * 1024 * 8) // self.word_bits

    def _width(self):
        return self.width_bits if self.width_bits is not None else \
            self.word_bits

    def _check(self, design):
        self._check_common()
        if (self.kib is None) == (self.entries is None):
            raise DesignError(_where(self, "give exactly one of 'kib' and "
                                           "'entries'"))
        _positive_int(self, "entries", self.entries, allow_none=True)
        _positive_number(self, "kib", self.kib)
        _positive_int(self, "width_bits", self.width_bits, allow_none=True)
        _positive_int(self, "banks", self.banks)
        _positive_number(self, "bandwidth", self.bandwidth)
        _positive_number(self, "multiple_buffering", self.multiple_buffering,
                         allow_none=False)
        if self._width() % self.word_bits:
            raise DesignError(_where(self, f"'width_bits' ({self._width()}) "
                                           f"must be a multiple of "
                                           f"'word_bits' ({self.word_bits})"))
        if self.words() * self.word_bits < self._width() * self.banks:
            raise DesignError(_where(self, f"too small for {self.banks} "
                                           f"bank(s) of {self._width()}-bit "
                                           f"rows"))
        if self.words() % (self._width() // self.word_bits):
            raise DesignError(_where(self, "capacity must be a whole number "
                                           "of rows of 'width_bits'"))

    def _bandwidth(self):
        """Words per cycle: the user's, else one row per bank per cycle."""
        return self.bandwidth or (self._width() // self.word_bits) * self.banks

    def _mlir(self, design):
        bandwidth = self._bandwidth()
        attributes = [
            f"entries = {self.words()}", f"word_bits = {self.word_bits}",
            f"block_size = {self._width() // self.word_bits}",
            f"read_bandwidth = {_number(bandwidth)}",
            f"write_bandwidth = {_number(bandwidth)}"]
        if self.multiple_buffering != 1:
            attributes.append(
                f"multiple_buffering = {_number(self.multiple_buffering)}")
        return self._storage_op(attributes, _accel.estimate_sram(
            self.words() * self.word_bits, self._width(), self.banks,
            design.node_nm))

    def _parameters(self, design):
        return {"kib": self.words() * self.word_bits / 8192,
                "width_bits": self._width(), "banks": self.banks,
                "word_bits": self.word_bits, "bandwidth": self._bandwidth()}


@dataclass
class RegisterFile(_Storage):
    """A flip-flop register file of ``entries`` words in each PE, accessed a
    word at a time; ``bandwidth`` (words per cycle) defaults to unlimited."""
    entries: int = 1
    bandwidth: float = None

    def __init__(self, name, entries=1, word_bits=8, bandwidth=None, keep=(),
                 bypass=(), energy=None, area=None):
        super().__init__(name, word_bits, list(keep), list(bypass), energy,
                         area)
        self.entries, self.bandwidth = entries, bandwidth
        self._check(None)

    def _check(self, design):
        self._check_common()
        _positive_int(self, "entries", self.entries)
        _positive_number(self, "bandwidth", self.bandwidth)

    def _mlir(self, design):
        attributes = ['technology = "regfile"', f"entries = {self.entries}",
                      f"word_bits = {self.word_bits}"]
        if self.bandwidth:
            attributes += [f"read_bandwidth = {_number(self.bandwidth)}",
                           f"write_bandwidth = {_number(self.bandwidth)}"]
        return self._storage_op(attributes, _accel.estimate_register_file(
            self.entries, self.word_bits, design.node_nm))

    def _parameters(self, design):
        return {"entries": self.entries, "word_bits": self.word_bits}


@dataclass
class Fanout:
    """An x by y mesh of instances of everything below."""
    name: str
    x: int = 1
    y: int = 1

    def __post_init__(self):
        self._check(None)

    def _check(self, design):
        if not isinstance(self.name, str) or not _NAME.match(self.name):
            raise DesignError(f"Fanout: 'name' must be an identifier, got "
                              f"{self.name!r}")
        _positive_int(self, "x", self.x)
        _positive_int(self, "y", self.y)

    def _mlir(self, design):
        sizes = [f"{axis} = {value}" for axis, value in
                 (("x", self.x), ("y", self.y)) if value != 1]
        return f"accel.fanout @{self.name} {{{', '.join(sizes)}}}"

    def _parameters(self, design):
        return {"x": self.x, "y": self.y}


@dataclass
class Mac:
    """The multiply-accumulate unit of every PE (``bits``-bit operands)."""
    bits: int = 8
    name: str = "mac"
    energy: float = None  # pJ per MAC; default: the estimator's
    area: float = None

    def __post_init__(self):
        self._check(None)

    def _check(self, design):
        _positive_int(self, "bits", self.bits)
        _positive_number(self, "energy", self.energy)
        _positive_number(self, "area", self.area)

    def _mlir(self, design):
        estimate = _accel.estimate_mac(self.bits, design.node_nm)
        energy = self.energy if self.energy is not None else \
            estimate["compute"]
        area = self.area if self.area is not None else estimate["area"]
        return (f"accel.compute @{self.name} {{word_bits = {self.bits}, "
                f"energy = #accel.energy<compute = {_number(energy)}>, "
                f"area = {_number(area)}}}")


@dataclass
class Design:
    """An accelerator from parameters; see the module documentation."""
    name: str
    levels: list
    node_nm: float = 45.0
    clock_ghz: float = 1.0
    parameters: dict = field(default_factory=dict)  # shown in sweep rows

    def __post_init__(self):
        self.validate()

    def validate(self):
        if not isinstance(self.name, str) or not _NAME.match(self.name):
            raise DesignError(f"Design: 'name' must be an identifier, got "
                              f"{self.name!r}")
        if (isinstance(self.node_nm, bool)
                or not isinstance(self.node_nm, (int, float))
                or not 3 <= self.node_nm <= 250):
            raise DesignError(f"Design '{self.name}': 'node_nm' must be a "
                              f"technology node between 3 and 250 nm, got "
                              f"{self.node_nm!r}")
        if (isinstance(self.clock_ghz, bool)
                or not isinstance(self.clock_ghz, (int, float))
                or not 0 < self.clock_ghz <= 10):
            raise DesignError(f"Design '{self.name}': 'clock_ghz' must be in "
                              f"(0, 10], got {self.clock_ghz!r}")
        if not self.levels or not isinstance(self.levels[-1], Mac):
            raise DesignError(f"Design '{self.name}': 'levels' must end with "
                              f"a Mac")
        names = set()
        for index, level in enumerate(self.levels):
            if not isinstance(level, (Dram, Buffer, RegisterFile, Fanout,
                                      Mac)):
                raise DesignError(f"Design '{self.name}': levels[{index}] is "
                                  f"a {type(level).__name__}, not a level")
            if isinstance(level, Mac) and index != len(self.levels) - 1:
                raise DesignError(f"Design '{self.name}': the Mac must be the "
                                  f"last level")
            if isinstance(level, Dram) and index != 0:
                raise DesignError(f"Design '{self.name}': the Dram must be "
                                  f"the first level")
            level._check(self)
            if level.name in names:
                raise DesignError(f"Design '{self.name}': two levels named "
                                  f"'{level.name}'")
            names.add(level.name)
        if len([l for l in self.levels if not isinstance(l, (Fanout, Mac))
                ]) == 0:
            raise DesignError(f"Design '{self.name}': needs a storage level")
        if isinstance(self.levels[0], Fanout):
            raise DesignError(f"Design '{self.name}': the outermost level "
                              f"must be storage, not a Fanout")

    def to_mlir(self):
        """The design as an ``accel.arch`` op (MLIR text)."""
        self.validate()
        header = (f"// Generated by accel.design: node {self.node_nm} nm, "
                  f"{self.clock_ghz} GHz; energies and areas from Accel's "
                  f"estimator.\n")
        body = "\n".join("  " + level._mlir(self) for level in self.levels)
        return f"{header}accel.arch @{self.name} {{\n{body}\n}}\n"

    def architecture(self):
        """The design as an ``accel.Architecture``."""
        return _accel.Architecture.load(self.to_mlir())

    def describe(self):
        """Flat parameters: the user's ``parameters`` plus each level's."""
        result = {"node_nm": self.node_nm, "clock_ghz": self.clock_ghz}
        for level in self.levels:
            if isinstance(level, Mac):
                result["mac_bits"] = level.bits
                continue
            for key, value in level._parameters(self).items():
                result[f"{level.name}.{key}"] = value
        result.update(self.parameters)
        return result


DATAFLOWS = ("weight_stationary", "output_stationary", "row_stationary")


def generate(pe_x=16, pe_y=16, glb_kib=256, dataflow="weight_stationary",
             node_nm=45.0, word_bits=8, dram="LPDDR4", glb_width_bits=128,
             glb_banks=4, clock_ghz=1.0, name=None):
    """A PE-array design of a family the case study sweeps:

    - ``weight_stationary``: each PE keeps 16 weights and 4 wide partial
      sums; inputs stream through (TPU-like, bundled ``edge_systolic``).
    - ``output_stationary``: each PE accumulates 16 outputs and holds one
      input and one weight (ShiDianNao-like).
    - ``row_stationary``: Eyeriss's scratchpads (12 inputs and 16 partial
      sums in registers, 192 weights in a small SRAM, per PE).

    The global buffer keeps inputs and outputs; weights bypass it except in
    output-stationary designs, which reuse them across the array.
    """
    if dataflow not in DATAFLOWS:
        raise DesignError(f"generate(): 'dataflow' must be one of "
                          f"{DATAFLOWS}, got {dataflow!r}")
    acc_bits = 2 * word_bits if word_bits <= 16 else word_bits
    if dataflow == "weight_stationary":
        pe = [RegisterFile("weight_rf", entries=16, word_bits=word_bits,
                           keep=["Weights"], bypass=["Inputs", "Outputs"]),
              RegisterFile("accumulator", entries=4, word_bits=acc_bits,
                           keep=["Outputs"], bypass=["Inputs", "Weights"])]
        glb_keep, glb_bypass = ["Inputs", "Outputs"], ["Weights"]
    elif dataflow == "output_stationary":
        pe = [RegisterFile("accumulator", entries=16, word_bits=acc_bits,
                           keep=["Outputs"], bypass=["Inputs", "Weights"]),
              RegisterFile("operands", entries=2, word_bits=word_bits,
                           keep=["Inputs", "Weights"], bypass=["Outputs"])]
        glb_keep, glb_bypass = ["Inputs", "Outputs", "Weights"], []
    else:
        pe = [RegisterFile("ifmap_spad", entries=12, word_bits=word_bits,
                           bandwidth=2, keep=["Inputs"],
                           bypass=["Weights", "Outputs"]),
              Buffer("weights_spad", entries=192, word_bits=word_bits,
                     width_bits=2 * word_bits, keep=["Weights"],
                     bypass=["Inputs", "Outputs"]),
              RegisterFile("psum_spad", entries=16, word_bits=acc_bits,
                           bandwidth=2, keep=["Outputs"],
                           bypass=["Inputs", "Weights"])]
        glb_keep, glb_bypass = ["Inputs", "Outputs"], ["Weights"]
    short = {"weight_stationary": "ws", "output_stationary": "os",
             "row_stationary": "rs"}[dataflow]
    if name is None:
        name = f"{short}_{pe_x}x{pe_y}_glb{glb_kib:g}k_{dram.lower()}"
        name = name.replace(".", "p")
    levels = [Dram(dram, word_bits=word_bits),
              Buffer("global_buffer", kib=glb_kib, width_bits=glb_width_bits,
                     word_bits=word_bits, banks=glb_banks, keep=glb_keep,
                     bypass=glb_bypass),
              Fanout("rows", y=pe_y), Fanout("columns", x=pe_x),
              *pe, Mac(bits=word_bits)]
    return Design(name, levels, node_nm=node_nm, clock_ghz=clock_ghz,
                  parameters={"dataflow": dataflow, "pe_x": pe_x,
                              "pe_y": pe_y, "glb_kib": glb_kib,
                              "dram": dram.upper()})
