// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "classify",
  products: [
    .executable(name: "classify", targets: ["classify"]),
    .library(name: "ClassifierCore", targets: ["ClassifierCore"]),
    .library(name: "Workloads", targets: ["Workloads"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CPCRE2",
      pkgConfig: "libpcre2-8",
      providers: [.apt(["libpcre2-dev"])]
    ),
    .target(
      name: "ClassifierCore",
      dependencies: ["CPCRE2", .product(name: "Yams", package: "Yams")],
      plugins: ["EmbedStockRules"]
    ),
    .executableTarget(
      name: "classify",
      dependencies: [
        "ClassifierCore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "StockRulesGenerator"),
    .plugin(
      name: "EmbedStockRules",
      capability: .buildTool(),
      dependencies: ["StockRulesGenerator"]
    ),
    .target(name: "Workloads", dependencies: ["ClassifierCore"]),
    .testTarget(name: "ClassifierCoreTests", dependencies: ["ClassifierCore", "Workloads"]),
    .testTarget(name: "classifyTests", dependencies: ["classify", "Workloads"]),
    .testTarget(name: "WorkloadsTests", dependencies: ["Workloads", "ClassifierCore"]),
  ]
)
