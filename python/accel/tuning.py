"""Accel's mapspace as the search space of a black-box tuner (Optuna).

A mapping is a set of decisions, each of which Optuna can suggest from a
fixed domain (its samplers need the same domain for a name in every trial):

- factors: every prime factor of every dimension goes to one *slot*: a
  storage level's temporal loops, or one axis of a fanout
  (``trial.suggest_categorical("<dim>.<i>", slots)``). Any assignment
  multiplies to the dimension's bound, so every suggestion is a valid
  factorisation (a fanout or buffer may still overflow: see below).
- loop order: a random key per (storage level, dimension)
  (``suggest_float("<level>.order.<dim>", 0, 1)``); loops run in key order.
- keep or bypass: for every (storage level, tensor) the architecture does
  not fix, a categorical ``"<level>.keep.<tensor>"``.

A suggestion the model rejects (a spatial product wider than its fanout, a
tile over a buffer's capacity, a dimension along both axes of one fanout)
raises ``optuna.TrialPruned``: it is pruned,
not scored, so samplers do not learn from a fake cost.

    import optuna, accel, accel.tuning
    space = accel.tuning.OptunaMapspace(arch, layer, objective="edp")
    study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=1))
    study.optimize(space.objective, n_trials=1000)
    best = space.mapping(study.best_trial)      # an accel.Mapping

Optuna is imported only when a trial is pruned (``objective``) or by
``tune``; building the space needs only Accel.
"""

import math

from . import _accel
from . import evaluate as _evaluate
from . import mapping as _mapping

__all__ = ["OptunaMapspace", "tune"]

# The roles an architecture's keep / bypass lists may use, as in the model
# (MappingConstraints.h): the first and second read-only tensors and the
# output.
_ROLES = {"Inputs": 0, "Weights": 1, "Outputs": -1}


def _prime_factors(n):
    factors, p = [], 2
    while p * p <= n:
        while n % p == 0:
            factors.append(p)
            n //= p
        p += 1
    if n > 1:
        factors.append(n)
    return factors


class OptunaMapspace:
    """The mapspace of `workload` on `arch` in Optuna's terms.

    objective: "edp", "energy" or "delay" (what `objective` returns and
    Optuna minimises). exact: evaluate with Accel's exact model (False:
    Timeloop's approximations).
    """

    def __init__(self, arch, workload, objective="edp", exact=True):
        if objective not in ("edp", "energy", "delay"):
            raise _accel.Error(f"OptunaMapspace: unknown objective "
                               f"'{objective}' (expected edp, energy or "
                               f"delay)")
        self.arch = arch
        self.workload = workload
        self.objective_name = objective
        self.exact = exact
        self.levels = arch.levels  # outermost first
        self.storage = [level["name"] for level in self.levels
                        if not level["fanout"]]
        # Where a prime factor can go.
        self.slots = list(self.storage)
        for level in self.levels:
            if level["fanout_x"] > 1:
                self.slots.append(level["name"] + ".x")
            if level["fanout_y"] > 1:
                self.slots.append(level["name"] + ".y")
        self.primes = {dim: _prime_factors(bound)
                       for dim, bound in workload.dimensions.items()}
        tensors = workload.tensors
        self.keep_fixed = {}
        self.free_keeps = []
        constraints = {level["name"]: level for level in self.levels}
        for index, name in enumerate(self.storage):
            level = constraints[name]
            fixed = {}
            for kind in ("keep", "bypass"):
                for entry in level.get(kind, []):
                    tensor = entry
                    if entry in _ROLES and entry not in tensors:
                        tensor = tensors[_ROLES[entry]]
                    fixed[tensor] = kind == "keep"
            # The outermost level backs every tensor.
            if index == 0:
                fixed = {tensor: True for tensor in tensors}
            self.keep_fixed[name] = fixed
            self.free_keeps += [(name, tensor) for tensor in tensors
                                if tensor not in fixed]

    def decisions(self, trial):
        """The decisions of one trial as a dict {name: value} (suggesting
        any not yet suggested)."""
        choice = {}
        for dim, primes in self.primes.items():
            for i, _ in enumerate(primes):
                name = f"{dim}.{i}"
                choice[name] = trial.suggest_categorical(name, self.slots)
        for level in self.storage:
            for dim in self.primes:
                name = f"{level}.order.{dim}"
                choice[name] = trial.suggest_float(name, 0.0, 1.0)
        for level, tensor in self.free_keeps:
            name = f"{level}.keep.{tensor}"
            choice[name] = trial.suggest_categorical(name, [True, False])
        return choice

    def mapping_dict(self, choice):
        """The accel.mapping dict of a decision dict."""
        factor = {(slot, dim): 1 for slot in self.slots
                  for dim in self.primes}
        for dim, primes in self.primes.items():
            for i, prime in enumerate(primes):
                factor[(choice[f"{dim}.{i}"], dim)] *= prime
        levels = {}
        for level in self.levels:
            name = level["name"]
            entry = {}
            if not level["fanout"]:
                dims = sorted(self.primes,
                              key=lambda d: choice[f"{name}.order.{d}"])
                entry["temporal"] = [(d, factor[(name, d)]) for d in dims
                                     if factor[(name, d)] > 1]
                keep = dict(self.keep_fixed[name])
                for tensor in self.workload.tensors:
                    key = f"{name}.keep.{tensor}"
                    if key in choice:
                        keep[tensor] = choice[key]
                entry["keep"] = [t for t, k in keep.items() if k]
                entry["bypass"] = [t for t, k in keep.items() if not k]
            for axis in ("x", "y"):
                slot = f"{name}.{axis}"
                if slot in self.slots:
                    entry["spatial_" + axis] = [
                        (d, factor[(slot, d)]) for d in self.primes
                        if factor[(slot, d)] > 1]
            levels[name] = entry
        return levels

    def mapping(self, trial):
        """The accel.Mapping of a trial (e.g. ``study.best_trial``)."""
        return _mapping(self.arch, self.workload,
                        self.mapping_dict(self.decisions(trial)))

    def cost(self, result):
        if self.objective_name == "energy":
            return result.energy_pj
        if self.objective_name == "delay":
            return float(result.cycles)
        return result.energy_pj * result.cycles

    def evaluate(self, trial):
        """(mapping, model result) of a trial."""
        mapping = self.mapping(trial)
        return mapping, _evaluate(self.arch, self.workload, mapping,
                                  exact=self.exact)

    def objective(self, trial):
        """Optuna's objective: the cost of the trial's mapping; an invalid
        mapping prunes the trial."""
        try:
            _, result = self.evaluate(trial)
            reason = None if result.valid else result.reason
        except _accel.Error as error:
            # A mapping that cannot even be built (one dimension along both
            # axes of a fanout): invalid too.
            reason = str(error)
        if reason is not None:
            import optuna
            raise optuna.TrialPruned(reason)
        trial.set_user_attr("energy_pj", result.energy_pj)
        trial.set_user_attr("cycles", result.cycles)
        return self.cost(result)


def tune(arch, workload, n_trials, objective="edp", sampler=None, seed=1,
         exact=True):
    """Runs an Optuna study of `n_trials` over the mapspace (default
    sampler: Optuna's default, TPE, seeded). Returns (mapping, result,
    study); mapping and result are None when every trial was pruned."""
    import optuna
    space = OptunaMapspace(arch, workload, objective, exact)
    if sampler is None:
        sampler = optuna.samplers.TPESampler(seed=seed)
    study = optuna.create_study(direction="minimize", sampler=sampler)
    study.optimize(space.objective, n_trials=n_trials)
    complete = [t for t in study.trials
                if t.state == optuna.trial.TrialState.COMPLETE]
    if not complete:
        return None, None, study
    best = min(complete, key=lambda t: t.value)
    mapping, result = space.evaluate(best)
    if not math.isclose(space.cost(result), best.value, rel_tol=1e-9):
        raise _accel.Error("tune(): the best trial does not evaluate to its "
                           "recorded cost")
    return mapping, result, study
