import Foundation

/// How one delivery attempt ended.
public enum CallbackAttemptResult: Sendable, Equatable {
    case delivered
    case retry(at: Date, error: String)
    case gaveUp(error: String)
}
