// swift-tools-version:6.1
// Throughput benchmarks for classify (ordo-one/benchmark), in a package of their own so that the
// main package's `swift build` and `swift test` never build them. From the main package:
// `make bench` (the full run) or `make bench-ci` (a short pass that checks allocations).
//
// The MallocInterposer trait only: the default traits also want a runtime interposer package that
// is not needed here. MallocInterposerSwift is a direct dependency so that a benchmark can read
// the allocation counters around exactly the part it measures.
import PackageDescription

let package = Package(
  name: "classify-benchmarks",
  dependencies: [
    .package(name: "classify", path: ".."),
    .package(
      url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    .package(url: "https://github.com/ordo-one/malloc-interposer.git", from: "1.5.0"),
  ],
  targets: [
    .executableTarget(
      name: "Throughput",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "ClassifierCore", package: "classify"),
        .product(name: "Workloads", package: "classify"),
        .product(name: "MallocInterposerSwift", package: "malloc-interposer"),
      ],
      path: "Benchmarks/Throughput",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
  ]
)
