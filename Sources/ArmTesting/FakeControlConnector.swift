import ArmCore
import ArmProtocol
import Synchronization

/// A ControlConnector that answers from a closure instead of a socket, and records every request.
package final class FakeControlConnector: ControlConnector {
    /// What the fake does with a request.
    package enum Behaviour: Sendable {
        /// Answer with the response the closure returns.
        case answer(@Sendable (RequestEnvelope) -> ControlResponse)
        /// Fail as the transport would.
        case fail(ConnectError)
    }

    private let state: Mutex<(behaviour: Behaviour, requests: [RequestEnvelope])>

    /// Creates a fake with a behaviour.
    package init(_ behaviour: Behaviour) { state = Mutex((behaviour, [])) }

    /// Every request received, in order.
    package var requests: [RequestEnvelope] { state.withLock { $0.requests } }

    /// Changes the behaviour.
    package func set(_ behaviour: Behaviour) { state.withLock { $0.behaviour = behaviour } }

    /// Decodes the frame, records it and answers.
    package func exchange(
        path: String,
        request: [UInt8],
        connectTimeoutMilliseconds: Int,
        deadlineMilliseconds: Int
    ) throws(ConnectError) -> [UInt8] {
        let envelope = try? RequestEnvelope(wire: ControlFrame.decode(request))
        let behaviour = state.withLock { state in
            if let envelope { state.requests.append(envelope) }
            return state.behaviour
        }
        switch behaviour {
        case .fail(let error): throw error
        case .answer(let respond):
            guard let envelope else { return ControlFrame.encode(ControlResponse(status: .internal).wire) }
            return ControlFrame.encode(respond(envelope).wire)
        }
    }
}
