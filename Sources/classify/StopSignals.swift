import Glibc
import Synchronization

/// SIGINT and SIGTERM as requests to stop a run cleanly.
///
/// The handler only records the signal. It is installed without `SA_RESTART`, so that a read
/// waiting on a pipe or terminal returns at once, and with `SA_RESETHAND`, so that a second
/// signal ends the process the default way if the clean stop itself hangs (on a stalled output
/// pipe, say).
enum StopSignals {
  private static let received = Atomic<Int32>(0)

  /// Installs the handler for SIGINT and SIGTERM.
  static func install() {
    // Initialise the global before a handler can touch it.
    _ = received.load(ordering: .relaxed)
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { signal in
      StopSignals.received.store(signal, ordering: .relaxed)
    }
    action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
    sigemptyset(&action.sa_mask)
    var signals = sigset_t()
    sigemptyset(&signals)
    for signal in [SIGINT, SIGTERM] {
      sigaction(signal, &action, nil)
      sigaddset(&signals, signal)
    }
    // A blocked mask is inherited across exec (some process launchers leave these blocked), and
    // would hold the signals back until the run ends.
    sigprocmask(SIG_UNBLOCK, &signals, nil)
  }

  /// Whether a stop signal has arrived.
  static func isReceived() -> Bool { received.load(ordering: .relaxed) != 0 }

  /// The name of the signal that arrived, if one did.
  static var receivedName: String? {
    switch received.load(ordering: .relaxed) {
    case 0: nil
    case SIGINT: "SIGINT"
    case SIGTERM: "SIGTERM"
    case let signal: "signal \(signal)"
    }
  }

  /// Ends the process by the signal that arrived, with its default action, so that the parent
  /// sees how it ended (a shell loop stops on an interrupted command, the status is 128 + the
  /// signal's number); returns when none arrived.
  static func endByReceivedSignal() {
    let signal = received.load(ordering: .relaxed)
    guard signal != 0 else { return }
    Glibc.signal(signal, SIG_DFL)
    raise(signal)
  }
}
