import Glibc

/// libFuzzer's driver: reads libFuzzer's flags from the command line and calls `callback` once
/// per input. SwiftPM renames an executable's `main`, which hides libFuzzer's own `main`, so the
/// target calls the driver itself.
@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The test of one input. Also exported under the name libFuzzer's own (unused) `main` refers
/// to, which the link needs.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
  ClassificationFuzzTest.run(UnsafeBufferPointer(start: data, count: count))
  return 0
}

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(llvmFuzzerRunDriver(&argc, &argv, testOneInput))
