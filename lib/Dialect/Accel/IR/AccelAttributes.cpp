//===- AccelAttributes.cpp - accel attributes -----------------------------===//
//
// Custom syntax and verifiers of #accel.level, #accel.mapping and
// #accel.cost.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/IR/AccelAttributes.h"
#include "accel/Dialect/Accel/IR/AccelDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace mlir;
using namespace accel;

llvm::hash_code accel::hash_value(const LoopSpec &loop) {
  return llvm::hash_combine(loop.dim, loop.factor, loop.residual);
}

llvm::hash_code accel::hash_value(const LevelCost &cost) {
  return llvm::hash_combine(cost.level,
                            llvm::bit_cast<uint64_t>(cost.energyPj));
}

void accel::printRoundTripDouble(llvm::raw_ostream &os, double value) {
  if (!std::isfinite(value)) {
    // Not expressible as an MLIR float literal; the verifiers reject it
    // anyway, but printing must not crash.
    os << (std::isnan(value) ? "0x7FF8000000000000"
                             : (value > 0 ? "0x7FF0000000000000"
                                          : "0xFFF0000000000000"));
    return;
  }
  char buffer[40];
  // Whole numbers of moderate size read best in fixed notation ("360.0").
  if (value == std::floor(value) && std::fabs(value) < 1e6) {
    std::snprintf(buffer, sizeof(buffer), "%.1f", value);
    os << buffer;
    return;
  }
  // Otherwise the shortest of %.1g ... %.17g that reads back exactly.
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof(buffer), "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value)
      break;
  }
  std::string text(buffer);
  // MLIR float literals need a '.' before any exponent.
  if (text.find('.') == std::string::npos) {
    size_t exponent = text.find_first_of("eE");
    if (exponent == std::string::npos)
      text += ".0";
    else
      text.insert(exponent, ".0");
  }
  os << text;
}

//===----------------------------------------------------------------------===//
// Shared syntax helpers
//===----------------------------------------------------------------------===//

/// Parses a name written as a bare identifier or a string literal.
static ParseResult parseName(AsmParser &parser, StringAttr &name) {
  std::string text;
  if (parser.parseKeywordOrString(&text))
    return failure();
  name = StringAttr::get(parser.getContext(), text);
  return success();
}

/// Prints a name bare when it is a valid identifier, else quoted.
static void printName(AsmPrinter &printer, StringAttr name) {
  StringRef text = name.getValue();
  bool bare = !text.empty() && (std::isalpha(text[0]) || text[0] == '_') &&
              llvm::all_of(text, [](char c) {
                return std::isalnum(c) || c == '_' || c == '$' || c == '.';
              });
  if (bare)
    printer << text;
  else
    printer.printString(text);
}

/// `[` (name factor (`(` residual `)`)? (`,` ...)*)? `]`
static ParseResult parseLoopList(AsmParser &parser,
                                 SmallVectorImpl<LoopSpec> &loops) {
  return parser.parseCommaSeparatedList(
      AsmParser::Delimiter::Square, [&]() -> ParseResult {
        LoopSpec loop;
        if (parseName(parser, loop.dim) || parser.parseInteger(loop.factor))
          return failure();
        if (succeeded(parser.parseOptionalLParen())) {
          SMLoc at = parser.getCurrentLocation();
          if (parser.parseInteger(loop.residual) || parser.parseRParen())
            return failure();
          if (loop.residual < 1)
            return parser.emitError(at)
                   << "residual of dimension '" << loop.dim.getValue()
                   << "' must be at least 1 (the iterations of its last "
                      "pass), got "
                   << loop.residual;
          if (loop.residual == loop.factor)
            loop.residual = 0;
        }
        loops.push_back(loop);
        return success();
      });
}

static void printLoopList(AsmPrinter &printer, ArrayRef<LoopSpec> loops) {
  printer << '[';
  llvm::interleaveComma(loops, printer, [&](const LoopSpec &loop) {
    printName(printer, loop.dim);
    printer << ' ' << loop.factor;
    if (loop.residual > 0 && loop.residual != loop.factor)
      printer << " (" << loop.residual << ')';
  });
  printer << ']';
}

/// `[` (name (`,` name)*)? `]`
static ParseResult parseNameList(AsmParser &parser,
                                 SmallVectorImpl<StringAttr> &names) {
  return parser.parseCommaSeparatedList(
      AsmParser::Delimiter::Square, [&]() -> ParseResult {
        StringAttr name;
        if (parseName(parser, name))
          return failure();
        names.push_back(name);
        return success();
      });
}

static void printNameList(AsmPrinter &printer, ArrayRef<StringAttr> names) {
  printer << '[';
  llvm::interleaveComma(names, printer,
                        [&](StringAttr name) { printName(printer, name); });
  printer << ']';
}

/// Parses a floating-point or integer literal as a double.
static ParseResult parseNumber(AsmParser &parser, double &value) {
  bool negative = succeeded(parser.parseOptionalMinus());
  uint64_t integer = 0;
  OptionalParseResult parsedInteger = parser.parseOptionalInteger(integer);
  if (parsedInteger.has_value()) {
    if (failed(*parsedInteger))
      return failure();
    value = static_cast<double>(integer);
  } else if (parser.parseFloat(value)) {
    return failure();
  }
  if (negative)
    value = -value;
  return success();
}

//===----------------------------------------------------------------------===//
// LevelMappingAttr
//===----------------------------------------------------------------------===//

Attribute LevelMappingAttr::parseBody(AsmParser &parser) {
  StringAttr level;
  SmallVector<LoopSpec> temporal, spatialX, spatialY;
  SmallVector<StringAttr> keep, bypass;
  bool seenTemporal = false, seenSpatial = false, seenKeep = false,
       seenBypass = false;
  auto duplicateClause = [&](StringRef clause) {
    return parser.emitError(parser.getCurrentLocation())
           << "level '" << level.getValue() << "' has more than one '"
           << clause << "' clause";
  };

  if (parseName(parser, level) || parser.parseColon())
    return {};
  while (true) {
    if (succeeded(parser.parseOptionalKeyword("temporal"))) {
      if (seenTemporal)
        return duplicateClause("temporal"), Attribute();
      seenTemporal = true;
      if (parseLoopList(parser, temporal))
        return {};
      continue;
    }
    if (succeeded(parser.parseOptionalKeyword("spatial"))) {
      if (seenSpatial)
        return duplicateClause("spatial"), Attribute();
      seenSpatial = true;
      bool any = false;
      if (succeeded(parser.parseOptionalKeyword("x"))) {
        any = true;
        if (parseLoopList(parser, spatialX))
          return {};
      }
      if (succeeded(parser.parseOptionalKeyword("y"))) {
        any = true;
        if (parseLoopList(parser, spatialY))
          return {};
      }
      if (!any) {
        parser.emitError(parser.getCurrentLocation(),
                         "expected 'x' or 'y' after 'spatial'");
        return {};
      }
      continue;
    }
    if (succeeded(parser.parseOptionalKeyword("keep"))) {
      if (seenKeep)
        return duplicateClause("keep"), Attribute();
      seenKeep = true;
      if (parseNameList(parser, keep))
        return {};
      continue;
    }
    if (succeeded(parser.parseOptionalKeyword("bypass"))) {
      if (seenBypass)
        return duplicateClause("bypass"), Attribute();
      seenBypass = true;
      if (parseNameList(parser, bypass))
        return {};
      continue;
    }
    break;
  }
  return LevelMappingAttr::getChecked(
      [&]() { return parser.emitError(parser.getNameLoc()); },
      parser.getContext(), level, temporal, spatialX, spatialY, keep, bypass);
}

void LevelMappingAttr::printBody(AsmPrinter &printer) const {
  printer.printString(getLevel().getValue());
  printer << ':';
  if (!getTemporal().empty()) {
    printer << " temporal ";
    printLoopList(printer, getTemporal());
  }
  if (hasSpatialLoops()) {
    printer << " spatial";
    if (!getSpatialX().empty()) {
      printer << " x ";
      printLoopList(printer, getSpatialX());
    }
    if (!getSpatialY().empty()) {
      printer << " y ";
      printLoopList(printer, getSpatialY());
    }
  }
  if (!getKeep().empty()) {
    printer << " keep ";
    printNameList(printer, getKeep());
  }
  if (!getBypass().empty()) {
    printer << " bypass ";
    printNameList(printer, getBypass());
  }
}

Attribute LevelMappingAttr::parse(AsmParser &parser, Type) {
  if (parser.parseLess())
    return {};
  Attribute result = parseBody(parser);
  if (!result || parser.parseGreater())
    return {};
  return result;
}

void LevelMappingAttr::print(AsmPrinter &printer) const {
  printer << '<';
  printBody(printer);
  printer << '>';
}

/// Checks that no dimension occurs twice among `loops` and that every
/// factor is positive.
static LogicalResult
verifyLoops(function_ref<InFlightDiagnostic()> emitError, StringAttr level,
            StringRef what, ArrayRef<LoopSpec> loops,
            llvm::StringSet<> &seen) {
  for (const LoopSpec &loop : loops) {
    if (!loop.dim || loop.dim.getValue().empty())
      return emitError() << "level '" << level.getValue()
                         << "' has a loop without a dimension name";
    if (loop.factor < 1)
      return emitError() << "loop factor of dimension '"
                         << loop.dim.getValue() << "' at level '"
                         << level.getValue() << "' must be positive, got "
                         << loop.factor;
    if (loop.residual < 0 || loop.residual > loop.factor)
      return emitError() << "residual " << loop.residual << " of dimension '"
                         << loop.dim.getValue() << "' at level '"
                         << level.getValue()
                         << "' must be between 1 and its factor "
                         << loop.factor;
    if (!seen.insert(loop.dim.getValue()).second)
      return emitError() << "dimension '" << loop.dim.getValue()
                         << "' appears twice in the " << what
                         << " loops of level '" << level.getValue() << "'";
  }
  return success();
}

LogicalResult
LevelMappingAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                         StringAttr level, ArrayRef<LoopSpec> temporal,
                         ArrayRef<LoopSpec> spatialX,
                         ArrayRef<LoopSpec> spatialY, ArrayRef<StringAttr> keep,
                         ArrayRef<StringAttr> bypass) {
  if (!level || level.getValue().empty())
    return emitError() << "mapping level needs a non-empty name";
  llvm::StringSet<> temporalDims, spatialDims;
  if (failed(verifyLoops(emitError, level, "temporal", temporal,
                         temporalDims)) ||
      failed(verifyLoops(emitError, level, "spatial", spatialX, spatialDims)) ||
      failed(verifyLoops(emitError, level, "spatial", spatialY, spatialDims)))
    return failure();

  llvm::StringSet<> kept;
  for (StringAttr tensor : keep)
    if (!kept.insert(tensor.getValue()).second)
      return emitError() << "tensor '" << tensor.getValue()
                         << "' is listed twice in 'keep' of level '"
                         << level.getValue() << "'";
  llvm::StringSet<> bypassed;
  for (StringAttr tensor : bypass) {
    if (kept.contains(tensor.getValue()))
      return emitError() << "tensor '" << tensor.getValue()
                         << "' is both kept and bypassed at level '"
                         << level.getValue() << "'";
    if (!bypassed.insert(tensor.getValue()).second)
      return emitError() << "tensor '" << tensor.getValue()
                         << "' is listed twice in 'bypass' of level '"
                         << level.getValue() << "'";
  }
  return success();
}

//===----------------------------------------------------------------------===//
// MappingAttr
//===----------------------------------------------------------------------===//

Attribute MappingAttr::parse(AsmParser &parser, Type) {
  FlatSymbolRefAttr arch;
  SmallVector<LevelMappingAttr> levels;
  if (parser.parseLess() || parser.parseAttribute(arch) || parser.parseComma())
    return {};
  if (parser.parseCommaSeparatedList(
          AsmParser::Delimiter::Square, [&]() -> ParseResult {
            auto level = dyn_cast_or_null<LevelMappingAttr>(
                LevelMappingAttr::parseBody(parser));
            if (!level)
              return failure();
            levels.push_back(level);
            return success();
          }))
    return {};
  if (parser.parseGreater())
    return {};
  return MappingAttr::getChecked(
      [&]() { return parser.emitError(parser.getNameLoc()); },
      parser.getContext(), arch, levels);
}

void MappingAttr::print(AsmPrinter &printer) const {
  printer << '<';
  printer.printAttribute(getArch());
  printer << ", [";
  llvm::interleaveComma(getLevels(), printer, [&](LevelMappingAttr level) {
    level.printBody(printer);
  });
  printer << "]>";
}

LogicalResult MappingAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                  FlatSymbolRefAttr arch,
                                  ArrayRef<LevelMappingAttr> levels) {
  if (!arch)
    return emitError() << "mapping needs an architecture symbol";
  llvm::StringSet<> seen;
  for (LevelMappingAttr level : levels) {
    if (!level)
      return emitError() << "mapping has a null level";
    if (!seen.insert(level.getLevel().getValue()).second)
      return emitError() << "level '" << level.getLevel().getValue()
                         << "' is mapped twice";
  }
  return success();
}

LevelMappingAttr MappingAttr::lookupLevel(StringRef name) const {
  for (LevelMappingAttr level : getLevels())
    if (level.getLevel().getValue() == name)
      return level;
  return {};
}

//===----------------------------------------------------------------------===//
// CostAttr
//===----------------------------------------------------------------------===//

Attribute CostAttr::parse(AsmParser &parser, Type) {
  double energy = 0.0, utilization = 0.0;
  int64_t cycles = 0, macs = 0;
  bool valid = true;
  std::string reason;
  SmallVector<LevelCost> levels;
  llvm::StringSet<> seen;

  if (parser.parseLess())
    return {};
  if (failed(parser.parseOptionalGreater())) {
    auto parseField = [&]() -> ParseResult {
      SMLoc loc = parser.getCurrentLocation();
      std::string key;
      if (parser.parseKeywordOrString(&key) || parser.parseEqual())
        return failure();
      if (!seen.insert(key).second)
        return parser.emitError(loc) << "duplicate cost field '" << key << "'";
      if (key == "energy_pj")
        return parseNumber(parser, energy);
      if (key == "utilization")
        return parseNumber(parser, utilization);
      if (key == "cycles")
        return parser.parseInteger(cycles);
      if (key == "macs")
        return parser.parseInteger(macs);
      if (key == "reason")
        return parser.parseString(&reason);
      if (key == "valid") {
        if (succeeded(parser.parseOptionalKeyword("true")))
          return valid = true, success();
        if (succeeded(parser.parseOptionalKeyword("false")))
          return valid = false, success();
        return parser.emitError(parser.getCurrentLocation(),
                                "expected 'true' or 'false'");
      }
      if (key == "levels")
        return parser.parseCommaSeparatedList(
            AsmParser::Delimiter::Square, [&]() -> ParseResult {
              LevelCost level;
              if (parseName(parser, level.level) || parser.parseColon() ||
                  parseNumber(parser, level.energyPj))
                return failure();
              levels.push_back(level);
              return success();
            });
      return parser.emitError(loc)
             << "unknown cost field '" << key
             << "'; expected energy_pj, cycles, utilization, macs, valid, "
                "reason or levels";
    };
    if (parser.parseCommaSeparatedList(parseField) || parser.parseGreater())
      return {};
  }
  return CostAttr::getChecked(
      [&]() { return parser.emitError(parser.getNameLoc()); },
      parser.getContext(), llvm::APFloat(energy), cycles,
      llvm::APFloat(utilization), macs, valid, reason, levels);
}

void CostAttr::print(AsmPrinter &printer) const {
  llvm::raw_ostream &os = printer.getStream();
  os << "<energy_pj = ";
  printRoundTripDouble(os, getEnergy());
  os << ", cycles = " << getCycles() << ", utilization = ";
  printRoundTripDouble(os, getUtilizationValue());
  os << ", macs = " << getMacs();
  if (!getValid()) {
    os << ", valid = false, reason = ";
    printer.printString(getReason());
  }
  if (!getLevels().empty()) {
    os << ", levels = [";
    llvm::interleaveComma(getLevels(), os, [&](const LevelCost &level) {
      printer.printString(level.level.getValue());
      os << ": ";
      printRoundTripDouble(os, level.energyPj);
    });
    os << ']';
  }
  os << '>';
}

LogicalResult CostAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                               llvm::APFloat energyPj, int64_t cycles,
                               llvm::APFloat utilization, int64_t macs,
                               bool valid, StringRef reason,
                               ArrayRef<LevelCost> levels) {
  double energy = energyPj.convertToDouble();
  double util = utilization.convertToDouble();
  if (!std::isfinite(energy) || energy < 0)
    return emitError() << "cost energy_pj must be a finite non-negative "
                          "number";
  if (cycles < 0 || macs < 0)
    return emitError() << "cost cycles and macs must be non-negative";
  // Utilization is a ratio of integers; allow rounding noise above 1.
  if (!std::isfinite(util) || util < 0 || util > 1.0 + 1e-9)
    return emitError() << "cost utilization must lie in [0, 1], got " << util;
  if (!valid && reason.empty())
    return emitError() << "an invalid cost must say why (reason = \"...\")";
  llvm::StringSet<> seen;
  for (const LevelCost &level : levels) {
    if (!level.level || !seen.insert(level.level.getValue()).second)
      return emitError() << "cost lists level '"
                         << (level.level ? level.level.getValue() : "")
                         << "' twice";
    if (!std::isfinite(level.energyPj) || level.energyPj < 0)
      return emitError() << "energy of level '" << level.level.getValue()
                         << "' must be a finite non-negative number";
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Registration
//===----------------------------------------------------------------------===//

#define GET_ATTRDEF_CLASSES
#include "accel/Dialect/Accel/IR/AccelAttributes.cpp.inc"

void AccelDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "accel/Dialect/Accel/IR/AccelAttributes.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// SpatialMappingAttr
//===----------------------------------------------------------------------===//

// #accel.spatial<"PE_column", x, 0>
Attribute SpatialMappingAttr::parse(AsmParser &parser, Type) {
  std::string level;
  StringRef axis;
  unsigned index = 0;
  SMLoc axisLoc;
  if (parser.parseLess() || parser.parseString(&level) || parser.parseComma() ||
      (axisLoc = parser.getCurrentLocation(), parser.parseKeyword(&axis)) ||
      parser.parseComma() || parser.parseInteger(index) ||
      parser.parseGreater())
    return {};
  if (axis != "x" && axis != "y") {
    parser.emitError(axisLoc) << "expected axis 'x' or 'y', got '" << axis
                              << "'";
    return {};
  }
  return SpatialMappingAttr::get(parser.getContext(),
                                 StringAttr::get(parser.getContext(), level),
                                 axis == "y", index);
}

void SpatialMappingAttr::print(AsmPrinter &printer) const {
  printer << "<\"" << getLevel().getValue() << "\", "
          << (getYAxis() ? "y" : "x") << ", " << getIndex() << ">";
}

int64_t SpatialMappingAttr::getMappingId() const {
  // Unique within one scf.forall: x loops first, then y loops.
  return (getYAxis() ? 1000 : 0) + getIndex();
}

bool SpatialMappingAttr::isLinearMapping() const { return false; }

int64_t SpatialMappingAttr::getRelativeIndex() const { return getIndex(); }
