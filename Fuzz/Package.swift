// swift-tools-version:6.1
// libFuzzer targets for ClassifierCore, in a package of their own so that the main package's
// `swift build` and `swift test` never build them. `make fuzz` (in the main package) builds and
// runs them.
//
// Build flags: every module, ClassifierCore included, is compiled with AddressSanitizer and the
// coverage instrumentation libFuzzer reads, passed on the command line:
//
//   swift build -c debug --product FuzzSegmenter --scratch-path .build-fuzz \
//     -Xswiftc -sanitize=address \
//     -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp,indirect-calls \
//     -Xswiftc -use-ld=lld
//
// That is what `-sanitize=fuzzer,address` compiles, without linking libFuzzer everywhere:
// `-Xswiftc` reaches the main package's plugin tool StockRulesGenerator too, and libFuzzer's
// `main` makes its link fail (undefined LLVMFuzzerTestOneInput). So only the fuzz targets link
// libFuzzer, below. lld instead of gold: gold prints a warning per ASan symbol and crashes while
// reporting a link error.
import PackageDescription

let libFuzzer: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer"])]
let core = Target.Dependency.product(name: "ClassifierCore", package: "classify")

let package = Package(
  name: "classify-fuzz",
  dependencies: [
    .package(name: "classify", path: "..")
  ],
  targets: [
    .target(name: "FuzzSupport", dependencies: [core]),
    .executableTarget(
      name: "FuzzSegmenter", dependencies: ["FuzzSupport", core], linkerSettings: libFuzzer),
    .executableTarget(
      name: "FuzzRuleLoader", dependencies: ["FuzzSupport", core], linkerSettings: libFuzzer),
    .executableTarget(
      name: "FuzzClassification", dependencies: ["FuzzSupport", core], linkerSettings: libFuzzer),
  ]
)
