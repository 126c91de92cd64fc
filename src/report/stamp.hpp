// The version stamp of a review page: which files, which engine, which day.
// A reviewer's signature on paper is about exactly these bytes; a page whose
// hashes differ from the files at hand was made from other versions.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace fuzhu::report {

struct FileHash {
  std::string name;    // as the page names it (the file name)
  std::string sha256;  // of the file's bytes, 64 hex digits
};

struct Stamp {
  std::vector<FileHash> policy_files;  // the policy first, then each file it uses
  FileHash document;
  std::string engine_version;  // fuzhu::version()
  std::string generated;       // "YYYY-MM-DD HH:MM UTC"; from SOURCE_DATE_EPOCH when set
};

/// The file's name and the hash of its bytes; none when it cannot be read.
std::optional<FileHash> hash_file(const std::string& path);

/// Now, or SOURCE_DATE_EPOCH when set, as "YYYY-MM-DD HH:MM UTC".
std::string generation_time();

}  // namespace fuzhu::report
