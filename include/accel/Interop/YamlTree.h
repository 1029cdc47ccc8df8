//===- YamlTree.h - A located YAML document tree ------------------*- C++ -*-===//
//
// Timeloop's inputs are small, deeply nested YAML documents. YamlTree reads
// one with LLVM's YAML parser into an owned tree whose every node remembers
// its file, line and column, so that errors can name where they come from.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_INTEROP_YAMLTREE_H
#define ACCEL_INTEROP_YAMLTREE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace accel::interop {

struct YamlLocation {
  std::string file;
  unsigned line = 0;
  unsigned column = 0;

  /// "file:line:column" (or "file" when the position is unknown).
  std::string str() const;
};

class YamlNode {
public:
  enum class Kind { Null, Scalar, Sequence, Mapping };

  Kind kind = Kind::Null;
  std::string scalar; ///< text of a scalar
  bool quoted = false; ///< the scalar was written in quotes
  std::string tag;     ///< e.g. "!Component", empty when untagged
  YamlLocation location;
  std::vector<YamlNode> items; ///< sequence elements
  std::vector<std::pair<std::string, YamlNode>> entries; ///< mapping, in order

  bool isNull() const { return kind == Kind::Null; }
  bool isScalar() const { return kind == Kind::Scalar; }
  bool isSequence() const { return kind == Kind::Sequence; }
  bool isMapping() const { return kind == Kind::Mapping; }

  /// The value of `key` in a mapping, or null.
  const YamlNode *get(llvm::StringRef key) const;
  /// The value of the first of `keys` present, or null.
  const YamlNode *getAny(std::initializer_list<llvm::StringRef> keys) const;

  /// Scalar conversions; nullopt when the node is not such a scalar.
  std::optional<int64_t> asInt() const;
  std::optional<double> asDouble() const;
  std::optional<bool> asBool() const;

  /// A located error "file:line:col: message".
  llvm::Error error(const llvm::Twine &message) const;
};

/// Builders for writing documents.
YamlNode yamlScalar(const std::string &text, bool quoted = false);
YamlNode yamlNumber(double value);
YamlNode yamlInteger(int64_t value);
YamlNode yamlBool(bool value);
YamlNode yamlSequence(std::vector<YamlNode> items = {});
YamlNode yamlMapping(std::vector<std::pair<std::string, YamlNode>> entries = {});

/// Writes `node` as a block-style YAML document. Sequences of scalars are
/// written in flow style ([a, b]); strings that would read back as another
/// type are quoted.
void writeYaml(llvm::raw_ostream &os, const YamlNode &node);

/// Parses the first document of a YAML file.
llvm::Expected<YamlNode> parseYamlFile(llvm::StringRef path);
/// Parses the first document of `text`, naming it `name` in locations.
llvm::Expected<YamlNode> parseYamlString(llvm::StringRef text,
                                         llvm::StringRef name);

/// Merges the top-level keys of `overlay` into `base`, a later file
/// overriding an earlier one key by key.
void mergeTopLevel(YamlNode &base, YamlNode overlay);

} // namespace accel::interop

#endif // ACCEL_INTEROP_YAMLTREE_H
