import Glibc

/// libFuzzer's driver: reads libFuzzer's flags from the command line and calls `callback` once
/// per input. SwiftPM renames an executable's `main`, which hides libFuzzer's own `main`, so each
/// target calls the driver itself.
@_silgen_name("LLVMFuzzerRunDriver")
private func llvmFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// Runs libFuzzer with this process's arguments, calling `test` once per input, and exits with
/// libFuzzer's status.
public func runFuzzer(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
  var argc = CommandLine.argc
  var argv = CommandLine.unsafeArgv
  exit(llvmFuzzerRunDriver(&argc, &argv, test))
}
