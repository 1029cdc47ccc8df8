//===- OutputFile.h - Outputs written whole or not at all ---------*- C++ -*-===//
//
// Every tool writes its outputs the same way: into a temporary file next to
// the target, renamed over it only once everything is written and closed.
// A failed pass, a full disk or an interrupted run never leaves a partial
// file, and never removes the input when input and output are the same
// file; every I/O error names the file.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_TOOLS_OUTPUTFILE_H
#define ACCEL_TOOLS_OUTPUTFILE_H

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace accel::tools {

/// Whether a file can be created at `path` ("-" is standard output): checked
/// before long work so that a bad output path fails at once.
inline llvm::Error checkWritable(llvm::StringRef path) {
  llvm::sys::fs::file_status status;
  if (path == "-" || (!llvm::sys::fs::status(path, status) &&
                      llvm::sys::fs::exists(status) &&
                      !llvm::sys::fs::is_regular_file(status)))
    return llvm::Error::success();
  llvm::SmallString<256> probe;
  int fd;
  if (std::error_code ec =
          llvm::sys::fs::createUniqueFile(path + ".probe-%%%%%%", fd, probe))
    return llvm::createStringError(ec, "cannot write '" + path +
                                           "': " + ec.message());
  llvm::sys::fs::closeFile(fd);
  llvm::sys::fs::remove(probe);
  return llvm::Error::success();
}

/// Writes `path` with `write` ("-": standard output), atomically.
inline llvm::Error
writeFileAtomically(llvm::StringRef path,
                    llvm::function_ref<void(llvm::raw_ostream &)> write) {
  if (path == "-") {
    write(llvm::outs());
    llvm::outs().flush();
    if (std::error_code ec = llvm::outs().error()) {
      llvm::outs().clear_error();
      return llvm::createStringError(ec, "cannot write to standard output: " +
                                             ec.message());
    }
    return llvm::Error::success();
  }
  auto failure = [&](std::error_code ec) {
    return llvm::createStringError(ec, "cannot write '" + path +
                                           "': " + ec.message());
  };
  // A device or pipe (/dev/stdout, /dev/full, a FIFO) is written in place:
  // renaming over it would replace it.
  llvm::sys::fs::file_status status;
  if (!llvm::sys::fs::status(path, status) &&
      llvm::sys::fs::exists(status) &&
      !llvm::sys::fs::is_regular_file(status)) {
    std::error_code ec;
    llvm::raw_fd_ostream os(path, ec, llvm::sys::fs::OF_None);
    if (ec)
      return failure(ec);
    write(os);
    os.close();
    ec = os.error();
    os.clear_error();
    return ec ? failure(ec) : llvm::Error::success();
  }
  llvm::SmallString<256> temporary;
  int fd;
  if (std::error_code ec = llvm::sys::fs::createUniqueFile(
          path + ".tmp-%%%%%%", fd, temporary))
    return failure(ec);
  std::error_code ec;
  {
    llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
    write(os);
    os.close();
    ec = os.error();
    // Checked here: an unchecked stream error aborts the process.
    os.clear_error();
  }
  if (!ec)
    ec = llvm::sys::fs::rename(temporary, path);
  if (ec) {
    llvm::sys::fs::remove(temporary);
    return failure(ec);
  }
  return llvm::Error::success();
}

} // namespace accel::tools

#endif // ACCEL_TOOLS_OUTPUTFILE_H
