import Foundation
import PackagePlugin

/// Embeds the rule files of `Rules/` into the target as Swift source (`StockRules.sources`).
@main
struct EmbedStockRules: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let rulesDirectory = context.package.directoryURL.appending(path: "Rules")
    let ruleFiles = try FileManager.default.contentsOfDirectory(
      at: rulesDirectory, includingPropertiesForKeys: nil
    )
    .filter { ["yaml", "yml"].contains($0.pathExtension) && !$0.lastPathComponent.hasPrefix(".") }
    .sorted { $0.lastPathComponent < $1.lastPathComponent }
    let output = context.pluginWorkDirectoryURL.appending(path: "StockRules.swift")
    return [
      .buildCommand(
        displayName: "Embedding the stock rules of Rules/",
        executable: try context.tool(named: "StockRulesGenerator").url,
        arguments: [output.path] + ruleFiles.map(\.path),
        inputFiles: ruleFiles,
        outputFiles: [output]
      )
    ]
  }
}
