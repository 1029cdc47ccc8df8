//===- ArchitectureLibrary.cpp - Bundled and loaded architectures ---------===//

#include "accel/Dialect/Accel/Utils/ArchitectureLibrary.h"
#include "accel/Dialect/Accel/Utils/ArchitectureConversion.h"
#include "accel/Interop/TimeloopInput.h"

#include "mlir/IR/Builders.h"
#include "mlir/Parser/Parser.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;
using namespace accel;

static const BundledArchitecture kBundled[] = {
#include "BundledArchitectures.inc"
};

ArrayRef<BundledArchitecture> accel::bundledArchitectures() {
  return kBundled;
}

/// Parses MLIR text holding an accel.arch; returns the module holding it.
static OwningOpRef<ModuleOp> parseArchitecture(StringRef text,
                                               StringRef bufferName,
                                               MLIRContext *context) {
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(text, bufferName), llvm::SMLoc());
  return parseSourceFile<ModuleOp>(sourceMgr, context);
}

FailureOr<ArchOp> accel::loadArchitectureInto(ModuleOp module, StringRef spec,
                                              Location loc) {
  MLIRContext *context = module.getContext();
  if (auto existing = module.lookupSymbol<ArchOp>(spec))
    return existing;

  OwningOpRef<ModuleOp> loaded;
  ArchOp arch;
  auto bundled = llvm::find_if(kBundled, [&](const BundledArchitecture &b) {
    return b.name == spec;
  });
  // A path is taken whole when it names a file (it may hold commas);
  // otherwise commas separate Timeloop YAML files.
  const bool isFile = llvm::sys::fs::is_regular_file(spec);
  if (bundled != std::end(kBundled)) {
    loaded = parseArchitecture(bundled->source, bundled->name, context);
  } else if (!isFile && spec.contains("accel.arch")) {
    // MLIR text holding an accel.arch (what `print` of one gives).
    loaded = parseArchitecture(spec, "<text>", context);
  } else if (spec.ends_with(".mlir")) {
    auto buffer = llvm::MemoryBuffer::getFile(spec, /*IsText=*/true);
    if (!buffer)
      return emitError(loc) << "cannot read architecture file '" << spec
                            << "': " << buffer.getError().message();
    loaded = parseArchitecture((*buffer)->getBuffer(), spec, context);
  } else if (spec.ends_with(".yaml") || spec.ends_with(".yml")) {
    SmallVector<StringRef> files;
    if (isFile)
      files.push_back(spec);
    else
      spec.split(files, ',', -1, false);
    interop::YamlNode merged;
    merged.kind = interop::YamlNode::Kind::Mapping;
    for (StringRef file : files) {
      llvm::Expected<interop::YamlNode> document = interop::parseYamlFile(file);
      if (!document)
        return emitError(loc) << llvm::toString(document.takeError());
      interop::mergeTopLevel(merged, std::move(*document));
    }
    std::vector<std::string> warnings;
    llvm::Expected<interop::TimeloopArchitecture> timeloop =
        interop::parseTimeloopArchitecture(merged, warnings);
    if (!timeloop)
      return emitError(loc) << llvm::toString(timeloop.takeError());
    loaded = ModuleOp::create(loc);
    OpBuilder builder(context);
    builder.setInsertionPointToEnd(loaded->getBody());
    std::string name =
        timeloop->arch.name.empty() ? "arch" : timeloop->arch.name;
    buildArchOp(builder, loc, timeloop->arch, name);
  } else {
    std::string names;
    for (const BundledArchitecture &b : kBundled)
      names += (names.empty() ? "" : ", ") + b.name.str();
    return emitError(loc) << "unknown architecture '" << spec
                          << "': not an accel.arch in the module, a bundled "
                             "architecture ("
                          << names << "), an .mlir file or Timeloop YAML";
  }
  if (!loaded)
    return emitError(loc) << "cannot parse architecture '" << spec << "'";
  for (ArchOp candidate : loaded->getOps<ArchOp>()) {
    if (arch)
      return emitError(loc) << "'" << spec
                            << "' holds more than one accel.arch";
    arch = candidate;
  }
  if (!arch)
    return emitError(loc) << "'" << spec << "' holds no accel.arch";
  if (module.lookupSymbol(arch.getSymName()))
    return emitError(loc) << "cannot load '" << spec << "': the module already "
                          << "has a symbol @" << arch.getSymName();
  arch->moveBefore(module.getBody(), module.getBody()->begin());
  return arch;
}
