internal import CPCRE2

/// A PCRE2 pattern compiled once (UTF, UCP, invalid UTF-8 tolerated) and JIT-compiled when the
/// platform allows.
///
/// The compiled code is never modified after `init`, and PCRE2 documents compiled patterns as
/// shareable between threads, so the program is `Sendable`; everything a match writes lives in the
/// caller's `MatchScratch`.
final class RegexProgram: @unchecked Sendable {
  /// Why a pattern did not compile: PCRE2's message and the byte offset it points at.
  struct CompileError: Error, Sendable, Hashable {
    var message: String
    var offset: Int
  }

  private let code: OpaquePointer
  /// Whether the pattern runs as JIT machine code (otherwise PCRE2's interpreter runs it).
  let isJITCompiled: Bool

  /// Compiles `pattern`.
  ///
  /// Patterns are compiled with `PCRE2_MATCH_INVALID_UTF`, so a subject holding invalid UTF-8 is
  /// matched safely (invalid bytes never match) without a UTF check per call.
  init(pattern: String, isCaseSensitive: Bool) throws(CompileError) {
    var options = UInt32(PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF)
    if !isCaseSensitive { options |= UInt32(PCRE2_CASELESS) }
    var errorCode: Int32 = 0
    var errorOffset = 0
    let bytes = Array(pattern.utf8)
    let compiled = bytes.withUnsafeBufferPointer { buffer in
      pcre2_compile_8(buffer.baseAddress, buffer.count, options, &errorCode, &errorOffset, nil)
    }
    guard let compiled else {
      throw CompileError(message: Self.message(for: errorCode), offset: errorOffset)
    }
    code = compiled
    isJITCompiled = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
  }

  deinit {
    pcre2_code_free_8(code)
  }

  /// Finds the first match in `subject`.
  ///
  /// - Returns: the matched byte range, `.noMatch`, or the limit that stopped the search.
  /// - Complexity: linear in `subject` for patterns without backtracking blow-ups; bounded by the
  ///   scratch's match limit otherwise.
  func firstMatch(in subject: UnsafeBufferPointer<UInt8>, scratch: MatchScratch) -> MatchOutcome {
    guard let base = subject.baseAddress else {
      // PCRE2 needs a valid pointer even for an empty subject.
      let byte: UInt8 = 0
      return withUnsafePointer(to: byte) {
        firstMatch(in: UnsafeBufferPointer(start: $0, count: 0), scratch: scratch)
      }
    }
    let result: Int32
    if isJITCompiled {
      result = pcre2_jit_match_8(
        code, base, subject.count, 0, 0, scratch.matchData, scratch.matchContext)
    } else {
      result = pcre2_match_8(
        code, base, subject.count, 0, 0, scratch.matchData, scratch.matchContext)
    }
    guard result >= 0 else { return MatchOutcome(failureCode: result) }
    let ovector = pcre2_get_ovector_pointer_8(scratch.matchData)!
    let start = min(ovector[0], subject.count)
    let end = min(max(ovector[1], start), subject.count)
    return .match(start..<end)
  }

  /// PCRE2's lower bound on the length of a subject this pattern can match, in characters: 0
  /// when the pattern can match the empty string, or when PCRE2 could not work a bound out.
  ///
  /// A lookahead counts towards the bound though it consumes nothing (`(?=a)` has 1), so a
  /// non-zero bound does not mean that every match has text.
  var minimumLength: Int {
    var length: UInt32 = 0
    let status = pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_MINLENGTH), &length)
    return status == 0 ? Int(length) : 0
  }

  /// PCRE2's text for an error code.
  static func message(for errorCode: Int32) -> String {
    var buffer = [UInt8](repeating: 0, count: 256)
    let length = buffer.withUnsafeMutableBufferPointer { buffer in
      pcre2_get_error_message_8(errorCode, buffer.baseAddress, buffer.count)
    }
    guard length > 0 else { return "PCRE2 error \(errorCode)" }
    return String(decoding: buffer.prefix(Int(length)), as: UTF8.self)
  }
}

/// What one search for a pattern found.
enum MatchOutcome: Equatable {
  /// The byte range of the first match.
  case match(Range<Int>)
  /// The pattern does not occur.
  case noMatch
  /// The search stopped before finding out; never to be read as "no match".
  case failed(MatchFailure)

  /// Why the search stopped, when it did.
  var failure: MatchFailure? {
    if case .failed(let failure) = self { failure } else { nil }
  }

  init(failureCode code: Int32) {
    switch code {
    case PCRE2_ERROR_NOMATCH, PCRE2_ERROR_PARTIAL: self = .noMatch
    case PCRE2_ERROR_MATCHLIMIT: self = .failed(.matchLimit)
    case PCRE2_ERROR_JIT_STACKLIMIT: self = .failed(.jitStackLimit)
    case PCRE2_ERROR_DEPTHLIMIT: self = .failed(.depthLimit)
    case PCRE2_ERROR_HEAPLIMIT: self = .failed(.heapLimit)
    default: self = .failed(.other(code))
    }
  }
}
