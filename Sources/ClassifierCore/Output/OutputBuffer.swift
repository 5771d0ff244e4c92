/// Bytes of output being assembled, reused from segment to segment.
public struct OutputBuffer {
  /// The bytes assembled since the last `removeAll()`.
  public private(set) var bytes: [UInt8] = []

  /// Creates an empty buffer with room for `capacity` bytes.
  public init(capacity: Int = 128 << 10) {
    bytes.reserveCapacity(capacity)
  }

  /// Forgets the bytes, keeping the memory.
  public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

  /// Appends one byte.
  @inline(__always)
  public mutating func append(_ byte: UInt8) { bytes.append(byte) }

  /// Appends bytes.
  @inline(__always)
  public mutating func append(_ other: UnsafeBufferPointer<UInt8>) {
    bytes.append(contentsOf: other)
  }

  /// Appends bytes.
  @inline(__always)
  public mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

  /// Appends bytes.
  @inline(__always)
  public mutating func append(_ other: ArraySlice<UInt8>) { bytes.append(contentsOf: other) }

  /// Appends the UTF-8 of a static string.
  @inline(__always)
  public mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Appends an integer in decimal.
  public mutating func append(integer value: Int) {
    if value < 0 {
      bytes.append(UInt8(ascii: "-"))
      appendDigits(value.magnitude)
    } else {
      appendDigits(UInt(value))
    }
  }

  /// Appends a score or weight: an integer when it is whole, otherwise up to six decimals with
  /// trailing zeros removed (`4.5`, `0.333333`, `-2`).
  public mutating func append(number value: Double) {
    guard value.isFinite, abs(value) < 1e12 else {
      bytes.append(contentsOf: value.isFinite ? "\(value)".utf8 : "0".utf8)
      return
    }
    let scaled = (value * 1_000_000).rounded()
    if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
    let magnitude = UInt(abs(scaled))
    appendDigits(magnitude / 1_000_000)
    var fraction = magnitude % 1_000_000
    guard fraction != 0 else { return }
    bytes.append(UInt8(ascii: "."))
    var digits = 6
    while fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    var divisor: UInt = 1
    for _ in 1..<digits { divisor *= 10 }
    while divisor > 0 {
      bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
      divisor /= 10
    }
  }

  private mutating func appendDigits(_ value: UInt) {
    var divisor: UInt = 1
    while value / divisor >= 10 { divisor *= 10 }
    while divisor > 0 {
      bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
      divisor /= 10
    }
  }
}
