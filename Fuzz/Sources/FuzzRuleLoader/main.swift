import FuzzSupport

/// The test of one input. Also exported under the name libFuzzer's own (unused) `main` refers
/// to, which the link needs.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
  RuleLoaderFuzzTest.run(UnsafeBufferPointer(start: data, count: count))
  return 0
}

runFuzzer(testOneInput)
