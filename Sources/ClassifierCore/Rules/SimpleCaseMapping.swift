extension Unicode.Scalar {
  /// The scalar's lower-case form when that is one scalar, else the scalar itself (`İ` stays `İ`
  /// rather than becoming `i` and a combining dot, which PCRE2's caseless matching never equates).
  var simpleLowercase: Unicode.Scalar { Self.single(properties.lowercaseMapping) ?? self }

  /// The scalar's upper-case form when that is one scalar, else the scalar itself (`ß` stays `ß`).
  var simpleUppercase: Unicode.Scalar { Self.single(properties.uppercaseMapping) ?? self }

  private static func single(_ mapping: String) -> Unicode.Scalar? {
    let scalars = mapping.unicodeScalars
    return scalars.count == 1 ? scalars.first : nil
  }
}
