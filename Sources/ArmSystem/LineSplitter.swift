/// Splits a byte stream into lines: LF ends a line, a CR before it is dropped, a line over the
/// limit is cut into pieces, and a final unterminated line is flushed by `finish`.
package struct LineSplitter {
    private var pending: [UInt8] = []
    private let maximumLineBytes: Int

    /// Creates a splitter.
    package init(maximumLineBytes: Int) {
        self.maximumLineBytes = max(1, maximumLineBytes)
    }

    /// Adds bytes and emits every line they complete.
    package mutating func feed(_ bytes: UnsafeRawBufferPointer, emit: (String) -> Void) {
        for byte in bytes {
            if byte == 0x0A {
                emitPending(droppingCarriageReturn: true, emit)
            } else {
                pending.append(byte)
                if pending.count >= maximumLineBytes { emitPending(droppingCarriageReturn: false, emit) }
            }
        }
    }

    /// Adds bytes (array form).
    package mutating func feed(_ bytes: [UInt8], emit: (String) -> Void) {
        bytes.withUnsafeBytes { feed($0, emit: emit) }
    }

    /// Emits the unterminated last line, if any.
    package mutating func finish(emit: (String) -> Void) {
        if !pending.isEmpty { emitPending(droppingCarriageReturn: true, emit) }
    }

    private mutating func emitPending(droppingCarriageReturn: Bool, _ emit: (String) -> Void) {
        if droppingCarriageReturn && pending.last == 0x0D { pending.removeLast() }
        emit(String(decoding: pending, as: UTF8.self))
        pending.removeAll(keepingCapacity: true)
    }
}
