// Replacing a file's contents safely: `fmt` rewriting a policy and `report -o`
// writing a page both go through here.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace fuzhu::cli {

/// Writes `text` to `path` so that a reader sees the old contents or the
/// new, never half of them, and nothing else is touched:
/// - a symbolic link is followed: its target is replaced, the link kept;
/// - the new text goes to a temporary file made with mkstemp (O_EXCL, a
///   unique name) in the target's folder, is fsync'ed, then renamed over
///   the target; the temporary file is removed if any step fails;
/// - the target's permission bits (and owner, when allowed) are kept; a new
///   file gets 0666 less the umask;
/// - a file with several hard links is rewritten in place instead, so that
///   every name still shares it (not atomic: a failure can leave it cut).
/// Returns "" or why not, with the system's reason ("No space left on device").
std::string write_atomically(const std::filesystem::path& path, std::string_view text);

/// The same file (device and inode, symbolic links followed), false when
/// either does not exist.
bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

}  // namespace fuzhu::cli
