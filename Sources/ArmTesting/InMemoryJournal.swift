import ArmCore
import Synchronization

/// A `JournalSink` that keeps every record, for tests of what reaches syslog or stderr.
package final class InMemoryJournal: JournalSink {
    /// One record.
    package struct Record: Sendable, Equatable {
        /// Its priority.
        package var priority: JournalPriority
        /// Its text.
        package var text: String

        /// Creates a record.
        package init(priority: JournalPriority, text: String) {
            self.priority = priority
            self.text = text
        }
    }

    private let state = Mutex<[Record]>([])

    /// Creates an empty journal.
    package init() {}

    /// Keeps a record.
    package func write(_ priority: JournalPriority, _ text: String) {
        state.withLock { $0.append(Record(priority: priority, text: text)) }
    }

    /// Every record so far, in order.
    package var records: [Record] { state.withLock { $0 } }

    /// The texts of every record so far.
    package var texts: [String] { records.map(\.text) }
}
