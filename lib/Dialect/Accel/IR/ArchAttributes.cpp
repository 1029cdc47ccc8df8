//===- ArchAttributes.cpp - parameters of architecture levels -------------===//
//
// Verifiers and custom syntax of #accel.energy, #accel.network and
// #accel.factors, the typed parameters of accel.storage, accel.fanout and
// accel.compute.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/IR/AccelAttributes.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/StringSet.h"

#include <cmath>

using namespace mlir;
using namespace accel;

FailureOr<FloatAttr> accel::parseNumberAttr(AsmParser &parser) {
  // Users write `16` as readily as `16.0` (parseFloat takes no integer
  // literal), so read any attribute and accept either kind of number.
  SMLoc loc = parser.getCurrentLocation();
  Attribute value;
  if (parser.parseAttribute(value))
    return failure();
  if (auto integer = dyn_cast<IntegerAttr>(value);
      integer && integer.getType().isSignlessInteger(64))
    return parser.getBuilder().getF64FloatAttr(
        static_cast<double>(integer.getInt()));
  if (auto real = dyn_cast<FloatAttr>(value))
    return parser.getBuilder().getF64FloatAttr(real.getValueAsDouble());
  return parser.emitError(loc, "expected a number, got ") << value;
}

FloatAttr accel::numberAttr(MLIRContext *context, std::optional<double> value) {
  if (!value)
    return {};
  return FloatAttr::get(Float64Type::get(context), *value);
}

/// Checks that each present value is a finite, non-negative number.
static LogicalResult
checkNonNegative(function_ref<InFlightDiagnostic()> emitError,
                 StringRef attrName,
                 ArrayRef<std::pair<StringRef, FloatAttr>> values) {
  for (auto [name, attr] : values)
    if (std::optional<double> value = numberOf(attr);
        value && (!std::isfinite(*value) || *value < 0))
      return emitError() << "'" << attrName << "." << name
                         << "' must be a non-negative number, got " << *value;
  return success();
}

//===----------------------------------------------------------------------===//
// EnergyAttr
//===----------------------------------------------------------------------===//

LogicalResult EnergyAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                 FloatAttr read, FloatAttr fill,
                                 FloatAttr update, FloatAttr leak,
                                 FloatAttr addressGeneration,
                                 FloatAttr compute) {
  return checkNonNegative(emitError, "energy",
                          {{"read", read},
                           {"fill", fill},
                           {"update", update},
                           {"leak", leak},
                           {"address_generation", addressGeneration},
                           {"compute", compute}});
}

double EnergyAttr::getLargest() const {
  double largest = 0;
  for (FloatAttr value : {getRead(), getFill(), getUpdate(), getLeak(),
                          getAddressGeneration(), getCompute()})
    largest = std::max(largest, numberOf(value).value_or(0.0));
  return largest;
}

//===----------------------------------------------------------------------===//
// NetworkAttr
//===----------------------------------------------------------------------===//

LogicalResult NetworkAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                  std::optional<int64_t> wordBits,
                                  FloatAttr energyPerHop,
                                  FloatAttr routerEnergy, FloatAttr wireEnergy,
                                  FloatAttr tileWidth) {
  if (wordBits && *wordBits <= 0)
    return emitError() << "'network.word_bits' must be positive, got "
                       << *wordBits;
  return checkNonNegative(emitError, "network",
                          {{"energy_per_hop", energyPerHop},
                           {"router_energy", routerEnergy},
                           {"wire_energy", wireEnergy},
                           {"tile_width", tileWidth}});
}

//===----------------------------------------------------------------------===//
// FactorsAttr
//===----------------------------------------------------------------------===//

llvm::hash_code accel::hash_value(const FactorTerm &term) {
  return llvm::hash_combine(term.dimension, static_cast<int>(term.kind),
                            term.value);
}

/// The keyword of a bound, as written after the dimension.
static StringRef boundKeyword(model::FactorConstraintTerm::Kind kind) {
  switch (kind) {
  case model::FactorConstraintTerm::AtMost:
    return "max";
  case model::FactorConstraintTerm::AtLeast:
    return "min";
  case model::FactorConstraintTerm::Fixed:
    break;
  }
  return "=";
}

Attribute FactorsAttr::parse(AsmParser &parser, Type) {
  SMLoc loc = parser.getCurrentLocation();
  SmallVector<FactorTerm> terms;
  auto parseTerm = [&]() -> ParseResult {
    std::string dimension;
    if (parser.parseKeywordOrString(&dimension))
      return failure();
    FactorTerm term;
    term.dimension = StringAttr::get(parser.getContext(), dimension);
    if (succeeded(parser.parseOptionalEqual())) {
      term.kind = model::FactorConstraintTerm::Fixed;
      // `all` (value 0) gives the level the dimension's whole bound.
      if (succeeded(parser.parseOptionalKeyword("all")))
        term.value = 0;
      else if (parser.parseInteger(term.value))
        return failure();
      else if (term.value <= 0)
        return parser.emitError(parser.getCurrentLocation(),
                                "a fixed factor must be positive (write "
                                "`all` for the whole bound), got ")
               << term.value;
    } else {
      StringRef keyword;
      SMLoc keywordLoc = parser.getCurrentLocation();
      if (parser.parseKeyword(&keyword))
        return failure();
      if (keyword == "max")
        term.kind = model::FactorConstraintTerm::AtMost;
      else if (keyword == "min")
        term.kind = model::FactorConstraintTerm::AtLeast;
      else
        return parser.emitError(keywordLoc, "expected '=', 'max' or 'min' "
                                            "after dimension '")
               << dimension << "', got '" << keyword << "'";
      if (parser.parseInteger(term.value))
        return failure();
    }
    terms.push_back(term);
    return success();
  };
  if (parser.parseLess() ||
      parser.parseCommaSeparatedList(AsmParser::Delimiter::None, parseTerm) ||
      parser.parseGreater())
    return {};
  auto emitError = [&] { return parser.emitError(loc); };
  return getChecked(function_ref<InFlightDiagnostic()>(emitError),
                    parser.getContext(), ArrayRef<FactorTerm>(terms));
}

void FactorsAttr::print(AsmPrinter &printer) const {
  printer << '<';
  llvm::interleaveComma(getTerms(), printer, [&](const FactorTerm &term) {
    printer.printKeywordOrString(term.dimension.getValue());
    printer << ' ' << boundKeyword(term.kind) << ' ';
    if (term.kind == model::FactorConstraintTerm::Fixed && term.value == 0)
      printer << "all";
    else
      printer << term.value;
  });
  printer << '>';
}

LogicalResult FactorsAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                  ArrayRef<FactorTerm> terms) {
  llvm::StringMap<model::FactorConstraintTerm::Kind> seen;
  for (const FactorTerm &term : terms) {
    StringRef dim = term.dimension.getValue();
    if (term.value < 0 ||
        (term.value == 0 && term.kind != model::FactorConstraintTerm::Fixed))
      return emitError() << "'" << dim << " " << boundKeyword(term.kind)
                         << "' needs a positive factor, got " << term.value;
    // A dimension may have a lower and an upper bound, but not two of one
    // kind, and a fixed factor leaves no room for other terms.
    auto [it, inserted] = seen.try_emplace(dim, term.kind);
    if (!inserted && (it->second == term.kind ||
                      it->second == model::FactorConstraintTerm::Fixed ||
                      term.kind == model::FactorConstraintTerm::Fixed))
      return emitError() << "constrains the factor of '" << dim << "' twice";
  }
  return success();
}

std::vector<model::FactorConstraintTerm> FactorsAttr::toModelTerms() const {
  std::vector<model::FactorConstraintTerm> result;
  for (const FactorTerm &term : getTerms())
    result.push_back({term.dimension.str(), term.kind, term.value});
  return result;
}
