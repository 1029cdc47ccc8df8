"""Argument checks shared by the public functions: every bad argument is a
TypeError or accel.Error (a ValueError) naming the function, the argument and what it got,
before anything reaches the extension."""

import math
import numbers

from ._accel import Architecture, Error, Mapping, Workload

# Beyond this a count is a mistake, not a request (and would not fit memory).
MAX_COUNT = 100_000_000
MAX_INT64 = 2**63 - 1
MAX_UINT64 = 2**64 - 1
MAX_THREADS = 4096


def _describe(value):
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text} ({type(value).__name__})"


def instance(value, kind, name, function):
    """value, which must be an accel `kind` object."""
    if not isinstance(value, kind):
        raise TypeError(f"{function}(): '{name}' must be an accel."
                        f"{kind.__name__}, got {_describe(value)}")
    return value


def architecture(value, function):
    return instance(value, Architecture, "arch", function)


def workload(value, function):
    return instance(value, Workload, "workload", function)


def integer(value, name, function, minimum=None, maximum=MAX_INT64):
    """value as an int: integers only (no bools, no floats, even integral
    ones, so that 2.7 is never silently truncated), within the bounds."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{function}(): '{name}' must be an integer, got "
                        f"{_describe(value)}")
    value = int(value)
    if minimum is not None and value < minimum:
        raise Error(f"{function}(): '{name}' must be at least {minimum}, "
                         f"got {value}")
    if maximum is not None and value > maximum:
        raise Error(f"{function}(): '{name}' must be at most {maximum}, "
                         f"got {value}")
    return value


def optional_integer(value, name, function, minimum=0, maximum=MAX_INT64):
    """None as 0 (no limit), else an integer."""
    if value is None:
        return 0
    return integer(value, name, function, minimum, maximum)


def seconds(value, name, function):
    """None as 0 (no limit), else a finite, non-negative number."""
    if value is None:
        return 0.0
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{function}(): '{name}' must be a number of seconds, "
                        f"got {_describe(value)}")
    value = float(value)
    if math.isnan(value) or math.isinf(value) or value < 0:
        raise Error(f"{function}(): '{name}' must be a finite, "
                         f"non-negative number of seconds, got {value}")
    return value


def flag(value, name, function):
    if not isinstance(value, bool):
        raise TypeError(f"{function}(): '{name}' must be True or False, got "
                        f"{_describe(value)}")
    return value


def text(value, name, function):
    if not isinstance(value, str):
        raise TypeError(f"{function}(): '{name}' must be a string, got "
                        f"{_describe(value)}")
    return value


def threads(value, function):
    return integer(value, "threads", function, 0, MAX_THREADS)


def seed(value, function):
    return integer(value, "seed", function, 0, MAX_UINT64)


def one_mapping(arch, workload_, value, function, convert):
    """A Mapping from a Mapping, a dict or '#accel.mapping' text."""
    if isinstance(value, Mapping):
        return value
    if not isinstance(value, (dict, str)):
        raise TypeError(f"{function}(): 'mapping' must be an accel.Mapping, "
                        f"a dict or '#accel.mapping' text, got "
                        f"{_describe(value)}")
    return convert(arch, workload_, value)


def shape(function, **values):
    """Checks the integer shape parameters of a layer constructor
    (dimensions at least 1; strides and dilations as ints or pairs)."""
    for name, value in values.items():
        if name in ("stride", "dilation") and isinstance(value, (tuple, list)):
            if len(value) != 2:
                raise Error(f"{function}(): '{name}' must be an integer "
                                 f"or a pair, got {_describe(value)}")
            for part in value:
                integer(part, name, function, 1)
        elif value is not None:
            integer(value, name, function, 1)


def mappings(arch, workload_, values, function, convert):
    """A list of Mapping objects from Mapping objects or dicts; a bad one is
    named by its index."""
    if isinstance(values, (str, bytes, dict)) or not hasattr(values,
                                                             "__iter__"):
        raise TypeError(f"{function}(): 'mappings' must be a list of "
                        f"mappings, got {_describe(values)}")
    out = []
    for index, value in enumerate(values):
        if isinstance(value, Mapping):
            out.append(value)
            continue
        if not isinstance(value, (dict, str)):
            raise TypeError(f"{function}(): mappings[{index}] must be an "
                            f"accel.Mapping, a dict or '#accel.mapping' text, "
                            f"got {_describe(value)}")
        try:
            out.append(convert(arch, workload_, value))
        except (TypeError, ValueError) as error:
            raise type(error)(f"{function}(): mappings[{index}]: {error}") \
                from None
    return out
