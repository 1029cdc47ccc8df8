//===- YamlTree.cpp - A located YAML document tree ------------------------===//

#include "accel/Interop/YamlTree.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <cstdlib>

using namespace accel::interop;

std::string YamlLocation::str() const {
  if (line == 0)
    return file;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

const YamlNode *YamlNode::get(llvm::StringRef key) const {
  if (kind != Kind::Mapping)
    return nullptr;
  for (const auto &[name, value] : entries)
    if (name == key)
      return &value;
  return nullptr;
}

const YamlNode *
YamlNode::getAny(std::initializer_list<llvm::StringRef> keys) const {
  for (llvm::StringRef key : keys)
    if (const YamlNode *value = get(key))
      return value;
  return nullptr;
}

std::optional<int64_t> YamlNode::asInt() const {
  if (kind != Kind::Scalar)
    return std::nullopt;
  llvm::StringRef text = llvm::StringRef(scalar).trim();
  int64_t value;
  if (!text.getAsInteger(10, value))
    return value;
  // Integers written as floats ("16.0", "1e3") are accepted when exact.
  // (Only within the range of int64_t: casting beyond it is undefined.)
  if (std::optional<double> real = asDouble()) {
    if (*real >= -9.2e18 && *real <= 9.2e18 &&
        *real == static_cast<double>(static_cast<int64_t>(*real)))
      return static_cast<int64_t>(*real);
  }
  return std::nullopt;
}

std::optional<double> YamlNode::asDouble() const {
  if (kind != Kind::Scalar)
    return std::nullopt;
  std::string text = llvm::StringRef(scalar).trim().str();
  if (text.empty())
    return std::nullopt;
  char *end = nullptr;
  errno = 0;
  double value = std::strtod(text.c_str(), &end);
  if (errno != 0 || end != text.c_str() + text.size())
    return std::nullopt;
  return value;
}

std::optional<bool> YamlNode::asBool() const {
  if (kind != Kind::Scalar)
    return std::nullopt;
  std::string text = llvm::StringRef(scalar).trim().lower();
  if (text == "true" || text == "yes" || text == "on" || text == "1")
    return true;
  if (text == "false" || text == "no" || text == "off" || text == "0")
    return false;
  return std::nullopt;
}

llvm::Error YamlNode::error(const llvm::Twine &message) const {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 location.str() + ": " + message.str());
}

namespace {
/// Converts llvm::yaml nodes into owned YamlNodes.
class TreeBuilder {
public:
  TreeBuilder(llvm::SourceMgr &sourceMgr, std::string fileName)
      : sourceMgr(sourceMgr), fileName(std::move(fileName)) {}

  YamlNode convert(llvm::yaml::Node *node, int depth = 0) {
    YamlNode result;
    if (!node)
      return result;
    result.location = locate(node->getSourceRange().Start);
    if (depth > 256) {
      failed = true;
      firstError = result.location.str() + ": document nested too deeply";
      return result;
    }
    llvm::StringRef tag = node->getRawTag();
    if (!tag.empty() && tag != "!")
      result.tag = tag.str();

    if (auto *scalar = llvm::dyn_cast<llvm::yaml::ScalarNode>(node)) {
      llvm::SmallString<64> storage;
      llvm::StringRef value = scalar->getValue(storage);
      llvm::StringRef raw = scalar->getRawValue();
      result.quoted = raw.starts_with("\"") || raw.starts_with("'");
      if (!result.quoted &&
          (value.empty() || value == "~" || value == "null" ||
           value == "Null" || value == "NULL")) {
        result.kind = YamlNode::Kind::Null;
        return result;
      }
      result.kind = YamlNode::Kind::Scalar;
      result.scalar = value.str();
      return result;
    }
    if (auto *block = llvm::dyn_cast<llvm::yaml::BlockScalarNode>(node)) {
      result.kind = YamlNode::Kind::Scalar;
      result.quoted = true;
      result.scalar = block->getValue().str();
      return result;
    }
    if (auto *sequence = llvm::dyn_cast<llvm::yaml::SequenceNode>(node)) {
      result.kind = YamlNode::Kind::Sequence;
      for (llvm::yaml::Node &item : *sequence)
        result.items.push_back(convert(&item, depth + 1));
      return result;
    }
    if (auto *mapping = llvm::dyn_cast<llvm::yaml::MappingNode>(node)) {
      result.kind = YamlNode::Kind::Mapping;
      for (llvm::yaml::KeyValueNode &entry : *mapping) {
        YamlNode key = convert(entry.getKey(), depth + 1);
        std::string name = key.isScalar() ? key.scalar : std::string();
        result.entries.emplace_back(name, convert(entry.getValue(), depth + 1));
      }
      return result;
    }
    if (llvm::isa<llvm::yaml::AliasNode>(node)) {
      failed = true;
      if (firstError.empty())
        firstError = result.location.str() +
                     ": YAML aliases are not supported in Timeloop inputs";
    }
    return result;
  }

  YamlLocation locate(llvm::SMLoc loc) const {
    YamlLocation location;
    location.file = fileName;
    if (loc.isValid()) {
      auto [line, column] = sourceMgr.getLineAndColumn(loc);
      location.line = line;
      location.column = column;
    }
    return location;
  }

  bool failed = false;
  std::string firstError;

private:
  llvm::SourceMgr &sourceMgr;
  std::string fileName;
};
} // namespace

static llvm::Expected<YamlNode>
parseBuffer(std::unique_ptr<llvm::MemoryBuffer> buffer, llvm::StringRef name) {
  llvm::SourceMgr sourceMgr;
  std::string diagnostics;
  sourceMgr.setDiagHandler(
      [](const llvm::SMDiagnostic &diag, void *context) {
        auto *text = static_cast<std::string *>(context);
        if (!text->empty())
          return;
        *text = (diag.getFilename() + ":" + llvm::Twine(diag.getLineNo()) +
                 ":" + llvm::Twine(diag.getColumnNo() + 1) + ": " +
                 diag.getMessage())
                    .str();
      },
      &diagnostics);
  llvm::MemoryBufferRef ref = buffer->getMemBufferRef();
  sourceMgr.AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
  llvm::yaml::Stream stream(ref, sourceMgr);
  TreeBuilder builder(sourceMgr, name.str());
  YamlNode root;
  auto document = stream.begin();
  if (document != stream.end())
    root = builder.convert(document->getRoot());
  if (stream.failed() || !diagnostics.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   diagnostics.empty()
                                       ? name.str() + ": invalid YAML"
                                       : diagnostics);
  if (builder.failed)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   builder.firstError);
  return root;
}

llvm::Expected<YamlNode> accel::interop::parseYamlFile(llvm::StringRef path) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer)
    return llvm::createStringError(buffer.getError(),
                                   path.str() + ": cannot read file: " +
                                       buffer.getError().message());
  return parseBuffer(std::move(*buffer), path);
}

llvm::Expected<YamlNode> accel::interop::parseYamlString(llvm::StringRef text,
                                                         llvm::StringRef name) {
  return parseBuffer(llvm::MemoryBuffer::getMemBufferCopy(text, name), name);
}

YamlNode accel::interop::yamlScalar(const std::string &text, bool quoted) {
  YamlNode node;
  node.kind = YamlNode::Kind::Scalar;
  node.scalar = text;
  node.quoted = quoted;
  return node;
}

YamlNode accel::interop::yamlNumber(double value) {
  // Shortest text that reads back as the same double.
  char buffer[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof(buffer), "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value)
      break;
  }
  return yamlScalar(buffer);
}

YamlNode accel::interop::yamlInteger(int64_t value) {
  return yamlScalar(std::to_string(value));
}

YamlNode accel::interop::yamlBool(bool value) {
  return yamlScalar(value ? "true" : "false");
}

YamlNode accel::interop::yamlSequence(std::vector<YamlNode> items) {
  YamlNode node;
  node.kind = YamlNode::Kind::Sequence;
  node.items = std::move(items);
  return node;
}

YamlNode accel::interop::yamlMapping(
    std::vector<std::pair<std::string, YamlNode>> entries) {
  YamlNode node;
  node.kind = YamlNode::Kind::Mapping;
  node.entries = std::move(entries);
  return node;
}

/// Whether a plain scalar would be read back as something else.
static bool needsQuotes(const YamlNode &node) {
  const std::string &text = node.scalar;
  if (text.empty())
    return true;
  llvm::StringRef ref(text);
  if (ref.front() == ' ' || ref.back() == ' ')
    return true;
  if (ref.find_first_of(":#{}[],&*!|>'\"%@`\n") != llvm::StringRef::npos)
    return true;
  if (ref.front() == '-' || ref.front() == '?')
    return ref.size() == 1 || !(llvm::isDigit(ref[1]) || ref[1] == '.');
  std::string lower = ref.lower();
  if (lower == "null" || lower == "~" || lower == "true" || lower == "false" ||
      lower == "yes" || lower == "no" || lower == "on" || lower == "off")
    return node.quoted;
  return false;
}

static void writeScalar(llvm::raw_ostream &os, const YamlNode &node) {
  if (node.isNull()) {
    os << "null";
    return;
  }
  if (!node.quoted && !needsQuotes(node)) {
    os << node.scalar;
    return;
  }
  os << '"';
  for (char c : node.scalar) {
    if (c == '"' || c == '\\')
      os << '\\';
    if (c == '\n') {
      os << "\\n";
      continue;
    }
    os << c;
  }
  os << '"';
}

static bool isFlat(const YamlNode &node) {
  return node.isSequence() &&
         llvm::all_of(node.items, [](const YamlNode &item) {
           return item.isScalar() || item.isNull() ||
                  (item.isSequence() && isFlat(item));
         });
}

static void writeFlow(llvm::raw_ostream &os, const YamlNode &node) {
  if (!node.isSequence()) {
    writeScalar(os, node);
    return;
  }
  os << '[';
  llvm::interleaveComma(node.items, os,
                        [&](const YamlNode &item) { writeFlow(os, item); });
  os << ']';
}

static void writeBlock(llvm::raw_ostream &os, const YamlNode &node,
                       unsigned indent);

/// Writes the value after "key:" or "- ".
static void writeValue(llvm::raw_ostream &os, const YamlNode &node,
                       unsigned indent) {
  if (node.isMapping()) {
    if (node.entries.empty()) {
      os << " {}\n";
      return;
    }
    os << "\n";
    writeBlock(os, node, indent + 2);
    return;
  }
  if (node.isSequence()) {
    if (node.items.empty() || isFlat(node)) {
      os << ' ';
      writeFlow(os, node);
      os << "\n";
      return;
    }
    os << "\n";
    writeBlock(os, node, indent + 2);
    return;
  }
  os << ' ';
  writeScalar(os, node);
  os << "\n";
}

static void writeBlock(llvm::raw_ostream &os, const YamlNode &node,
                       unsigned indent) {
  if (node.isMapping()) {
    for (const auto &[key, value] : node.entries) {
      os.indent(indent) << key << ':';
      writeValue(os, value, indent);
    }
    return;
  }
  if (node.isSequence()) {
    for (const YamlNode &item : node.items) {
      os.indent(indent) << '-';
      if (item.isMapping() && !item.entries.empty()) {
        // First entry on the dash line, the rest aligned under it.
        bool first = true;
        for (const auto &[key, value] : item.entries) {
          if (first)
            os << ' ' << key << ':';
          else
            os.indent(indent + 2) << key << ':';
          writeValue(os, value, indent + 2);
          first = false;
        }
        continue;
      }
      writeValue(os, item, indent);
    }
    return;
  }
  writeScalar(os, node);
  os << "\n";
}

void accel::interop::writeYaml(llvm::raw_ostream &os, const YamlNode &node) {
  writeBlock(os, node, 0);
}

void accel::interop::mergeTopLevel(YamlNode &base, YamlNode overlay) {
  if (!overlay.isMapping())
    return;
  if (!base.isMapping()) {
    base = std::move(overlay);
    return;
  }
  for (auto &[key, value] : overlay.entries) {
    bool replaced = false;
    for (auto &[baseKey, baseValue] : base.entries)
      if (baseKey == key) {
        baseValue = std::move(value);
        replaced = true;
        break;
      }
    if (!replaced)
      base.entries.emplace_back(key, std::move(value));
  }
}
