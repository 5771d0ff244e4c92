internal import CPCRE2

/// The memory one thread's PCRE2 searches write to: match data, a match context carrying the match
/// limit, and a JIT stack.
///
/// Not `Sendable`: each thread makes its own, once, and reuses it for every search.
final class MatchScratch {
  let matchData: OpaquePointer
  let matchContext: OpaquePointer
  private let jitStack: OpaquePointer?

  /// The JIT stack grows on demand from 32 KiB up to this size.
  static let maximumJITStack = 8 << 20

  /// Creates scratch space whose searches stop after `matchLimit` backtracking steps.
  init(matchLimit: UInt32) {
    // Allocation failures here mean the process is out of memory; nothing sensible remains to do.
    matchData = pcre2_match_data_create_8(1, nil)!
    matchContext = pcre2_match_context_create_8(nil)!
    jitStack = pcre2_jit_stack_create_8(32 << 10, Self.maximumJITStack, nil)
    pcre2_set_match_limit_8(matchContext, matchLimit)
    if let jitStack {
      pcre2_jit_stack_assign_8(matchContext, nil, UnsafeMutableRawPointer(jitStack))
    }
  }

  deinit {
    if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    pcre2_match_context_free_8(matchContext)
    pcre2_match_data_free_8(matchData)
  }
}
